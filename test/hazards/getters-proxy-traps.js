// Count proxy traps and getter calls: instrumentation must not add a single property read.
const log = [];
const target = { a: 1, b: { c: 2 }, f() { return this === p; }, n: null, z: 0, s: 'x' };
const p = new Proxy(target, {
  get(t, k, r) { log.push('get:' + String(k)); return Reflect.get(t, k, r); },
  has(t, k) { log.push('has:' + String(k)); return Reflect.has(t, k); },
  set(t, k, v, r) { log.push('set:' + String(k)); return Reflect.set(t, k, v, r); },
  ownKeys(t) { log.push('ownKeys'); return Reflect.ownKeys(t); },
  getOwnPropertyDescriptor(t, k) { log.push('gopd:' + String(k)); return Reflect.getOwnPropertyDescriptor(t, k); },
  deleteProperty(t, k) { log.push('delete:' + String(k)); return Reflect.deleteProperty(t, k); },
});
function step(name, fn) { log.length = 0; const r = fn(); console.log(name, JSON.stringify(r), log.join(' ')); }
step('if', () => { if (p.a) return 1; return 2; });
step('ternary', () => (p.z ? 'y' : 'n'));
step('and-or', () => p.a && p.z || p.s);
step('nullish', () => p.n ?? p.a);
step('optional', () => p.b?.c + (p.n?.x === undefined ? 1 : 0));
step('call', () => p.f());
step('optional-call', () => p.f?.());
step('compare', () => [p.a === 1, p.a < 2, p.s == 'x', p.z >= 0]);
step('in', () => 'a' in p);
step('logical-assign', () => { p.a ||= 5; p.z ||= 6; p.n ??= 7; p.s &&= 'y'; return [target.a, target.z, target.n, target.s]; });
step('spread', () => Object.keys({ ...p }).length);
step('destructure', () => { const { a, b: { c } } = p; return [a, c]; });
step('for-in', () => { const ks = []; for (const k in p) ks.push(k); return ks.length; });
step('switch', () => { switch (p.a) { case 1: return 'one'; case 5: return 'five'; default: return 'other'; } });
step('while', () => { let i = 0; while (p.a > i && i < 3) i++; return i; });
step('delete', () => delete p.s);
step('template', () => `${p.a}-${p.z}`);
let getterCalls = 0;
const g = { get v() { getterCalls++; return getterCalls; } };
if (g.v) { if (g.v > 1) getterCalls += 10; }
const t = g.v ? g.v : 0;
console.log('getter calls', getterCalls, t);
