// Function.prototype.toString: what a sane user relies on must not change.
// Decision (docs/differential.md): the full source text of an instrumented function may
// contain counters, but natives, bound functions and classes keep their form, and the
// header (kind, name, parameter list) of every user function reads the same, because
// libraries sniff it: class-vs-function, arrow detection, parameter-name injection.
function header(fn) {
  const s = Function.prototype.toString.call(fn);
  const cut = s.search(/\)\s*(=>\s*)?\{|=>/);
  return cut < 0 ? s.slice(0, 40) : s.slice(0, cut + 1).replace(/\s+/g, ' ');
}
function paramNames(fn) {
  const s = fn.toString();
  const m = s.match(/^[^(]*\(([^)]*)\)/);
  return m ? m[1].split(',').map((p) => p.trim().split('=')[0].trim()).filter(Boolean) : [];
}
function plain(alpha, beta = 2, ...rest) { if (alpha) return beta; return rest; }
const arrow = (x, y) => { if (x) { return y; } return x; };
const single = z => z && z + 1;
async function asyncFn(service, logger) { await null; return service ?? logger; }
function* genFn(a) { yield a; }
class Widget { constructor(dep) { this.dep = dep; } render() { return this.dep ? 'x' : 'y'; } }
const obj = { method(p, q) { return p || q; }, get prop() { return 1; } };
console.log(JSON.stringify([header(plain), header(arrow), header(single), header(asyncFn), header(genFn),
  header(obj.method)]));
console.log(JSON.stringify([paramNames(plain), paramNames(asyncFn), paramNames(obj.method)]));
console.log(/^class\b/.test(Widget.toString()), /^class Widget\s*\{/.test(Widget.toString()),
  /^\(?[^)]*\)?\s*=>/.test(arrow.toString()), /^function\*/.test(genFn.toString()), /^async function/.test(asyncFn.toString()));
console.log(Math.max.toString(), Array.prototype.push.toString(), Function.prototype.toString.toString());
console.log(plain.bind(null).toString(), (class {}).bind === Function.prototype.bind);
console.log(String(Symbol), Object.getOwnPropertyDescriptor(obj, 'prop').get.toString().startsWith('get prop()'));
console.log(String(new Function('a', 'return a')).replace(/\s+/g, ' '));
