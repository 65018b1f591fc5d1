const a = 1;
function b() { return a > 0 ? 'b' : 'nb'; }
module.exports = { a, b, c: 'c', 'quoted': 'q' };
