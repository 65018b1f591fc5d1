// Comparisons call valueOf/toString exactly as often, in the same order, with the same callers.
const log = [];
const mk = (name, v) => ({ valueOf() { log.push(name + '.valueOf'); return v; }, toString() { log.push(name + '.toString'); return String(v); } });
const a = mk('a', 1), b = mk('b', 2);
const results = [a < b, a <= b, a > b, a >= b, a == 1, a != 2, a === a, a !== b, b == '2'];
console.log(results.join(), log.join(' '));
log.length = 0;
const order = (x) => { log.push('eval ' + x); return x; };
console.log(order(1) < order(2), order('x') === order('x'), log.join(' '));
function sloppyCaller() { return sloppyValueOf.caller === compare; }
function sloppyValueOf() { return sloppyCaller() ? 1 : 0; }
function compare() { return { valueOf() { return sloppyValueOf.caller === compare ? 1 : 0; } } > 0; }
console.log('caller seen through comparison:', (function compare2() {
  const probe = { valueOf: function probeValueOf() { return probeValueOf.caller === compare2 ? 1 : -1; } };
  return probe > 0;
})());
const thrower = { valueOf() { throw new Error('valueOf threw'); } };
try { if (thrower < 1) console.log('no'); } catch (e) {
  // Frames from the throw down to this script's top level: a hook between them would show.
  const frames = e.stack.split('\n').slice(1);
  const top = frames.findIndex((l) => l.includes('Object.<anonymous>'));
  console.log(e.message, frames.slice(0, top + 1).map((l) => l.replace(/.*[/\\]/, '').replace(/:\d+\)?$/, '')).join(' / '));
}
console.log(1n < 2, 2n == 2, 'a' < 'b', null >= 0, undefined == null, NaN != NaN, [2] > 1, ({}) == '[object Object]');
const sym = Symbol('s');
try { console.log(sym < 1); } catch (e) { console.log(e.constructor.name); }
const prim = { [Symbol.toPrimitive](hint) { log.push('hint ' + hint); return hint === 'number' ? 5 : 'five'; } };
log.length = 0;
console.log(prim > 4, prim == 'five', `${prim}`, log.join(' '));
class Inst { static [Symbol.hasInstance](x) { log.push('hasInstance'); return x === 1; } }
console.log(1 instanceof Inst, 'length' in [], log.at(-1));
