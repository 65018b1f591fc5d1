// Optional chaining: short-circuiting, `this` of optional calls, parenthesised chains.
const log = [];
const side = (x) => { log.push(x); return x; };
const o = { a: { b: { c: 1 } }, f() { return this === o; }, g: null, arr: [10, 20] };
const n = null;
console.log(o?.a.b.c, n?.a.b.c, n?.[side('key')], o.g?.(side('arg')), o.f?.(), o?.f(), (o?.f)(), o.arr?.[1]);
console.log(JSON.stringify(log));
console.log(delete n?.x, delete o?.zzz, o?.a?.['b']?.c);
const h = { i: { j() { return this; } } };
console.log(h.i?.j() === h.i, (h?.i).j() === h.i, (h.i?.j)() === h.i);
let count = 0;
const counter = { get p() { count++; return { q: count }; } };
console.log(counter?.p?.q, counter.p?.q, count);
const fnOrNull = Math.random() < 2 ? null : () => 1;
console.log(fnOrNull?.(), fnOrNull?.().x.y.z);
class P { #x = 1; static read(v) { return v?.#x; } }
console.log(P.read(new P()), P.read(null));
const s = 'str';
console.log(s?.length, s?.toUpperCase?.(), 0?.toFixed(1), ''?.length);
