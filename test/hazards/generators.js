// Generators: yield in odd places, delegation, return/throw, finally.
function* g1() {
  const a = yield 1;
  if (yield a) { yield 'truthy'; } else { yield 'falsy'; }
  const arr = [yield 'in-array', yield 'second'];
  try { yield arr.join('+'); } finally { yield 'finally'; }
  return 'done';
}
const it = g1();
const out = [];
out.push(it.next().value, it.next('A').value, it.next(0).value, it.next().value, it.next('p').value, it.next('q').value);
out.push(it.next().value, it.return('early').value, JSON.stringify(it.next()));
console.log(out.join(' '));
function* inner() { try { yield 'i1'; yield 'i2'; } finally { console.log('inner finally'); } return 'inner-ret'; }
function* outerG() { const r = yield* inner(); yield r; }
console.log([...outerG()].join());
const t = outerG(); t.next();
try { t.throw(new Error('boom')); } catch (e) { console.log('thrown', e.message); }
function* cond(x) { yield x ? yield 'a' : yield 'b'; }
console.log([...cond(1)].join(), [...cond(0)].join());
const objGen = { *[Symbol.iterator]() { for (let i = 0; i < 3; i++) { if (i === 1) continue; yield i; } } };
console.log([...objGen].join());
function* infinite() { let i = 0; while (true) yield i++; }
const [a, b, , c] = infinite();
console.log(a, b, c);
class G { static *s() { yield* [1, 2]; } }
console.log([...G.s()].join(), Object.prototype.toString.call(g1()), g1.constructor.name);
