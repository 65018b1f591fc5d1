// Name inference in default parameters (simple and destructuring).
function f(a = function () {}, b = () => {}, c = class {}, { d = () => {} } = {}, [e = function () {}] = []) {
  return [a.name, b.name, c.name, d.name, e.name];
}
console.log(JSON.stringify(f()));
const arrow = (x = () => {}) => x.name;
console.log(arrow());
class M { m(p = async function () {}) { return p.name; } }
console.log(new M().m());
console.log(f.length, arrow.length, M.prototype.m.length, ((a, b = 1, c) => 0).length, ((...r) => 0).length);
