// Regular expression literals next to division, with flags, lastIndex and named groups.
const r = /a\/b[/]c/g;
const text = 'a/b/c a/b/c';
console.log(text.match(r).length, r.lastIndex);
function fresh() { return /x/g; }
const one = fresh(); one.test('x');
console.log(one.lastIndex, fresh().lastIndex, fresh() === fresh());
const a = 10, b = 2, g = 5;
const division = a / b / g;
console.log(division, a /b/ g);
const m = /(?<year>\d{4})-(?<month>\d{2})/u.exec('2024-06');
console.log(m.groups.year, m.groups.month, /\p{Script=Greek}/u.test('π'), /[\u{1F600}]/u.test('😀'));
let count = 0;
const sticky = /o/y;
while (sticky.test('ooox')) count++;
console.log(count, /(?:)/.source, String(/[/]/), new RegExp('/', 'g').source);
console.log('x'.replace(/x/, '$&$&'), 'aXbX'.split(/x/i).join('-'), /a.c/s.test('a\nc'), /\d/d.exec('z9').indices[0].join());
