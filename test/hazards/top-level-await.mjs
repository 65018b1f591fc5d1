// Top-level await with dynamic import, for await and a rejected promise handled late.
const mod = await import('./_lib/default-arrow.mjs');
console.log(mod.default());
async function* src() { yield 1; await null; yield 2; }
let sum = 0;
for await (const x of src()) sum += x;
console.log('sum', sum);
const late = Promise.reject(new Error('late'));
await null; await null;
try { await late; } catch (e) { console.log('late caught', e.message); }
if (sum > 2) { await 0; console.log('block await'); }
export const exported = await Promise.resolve('exp');
console.log(exported);
