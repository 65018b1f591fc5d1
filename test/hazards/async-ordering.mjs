// Microtask ordering between async functions, thenables and promise chains must not change.
const log = [];
const thenable = { then(r) { log.push('thenable.then'); r('T'); } };
async function a1() { log.push('a1 start'); await null; log.push('a1 after await'); await thenable; log.push('a1 end'); return 'a1'; }
async function a2() { log.push('a2 start'); const v = await Promise.resolve('p'); log.push('a2 got ' + v); return await a3(); }
async function a3() { log.push('a3'); return 'a3'; }
const arrow = async (x) => { if (x) { await 0; log.push('arrow ' + x); } return x; };
Promise.resolve().then(() => log.push('then 1')).then(() => log.push('then 2')).then(() => log.push('then 3'));
queueMicrotask(() => log.push('microtask'));
process.nextTick(() => log.push('tick'));
const results = await Promise.all([a1(), a2(), arrow(1), arrow(0)]);
log.push('all ' + results.join());
const p = (async () => { try { await Promise.reject(new Error('r')); } catch (e) { log.push('caught ' + e.message); } finally { log.push('finally'); } })();
await p;
for (const line of log) console.log(line);
