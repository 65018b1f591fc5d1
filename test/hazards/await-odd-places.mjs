// `await` in odd places: evaluation order must stay the same.
const log = [];
const v = (x) => { log.push('v' + x); return x; };
const d = (x) => new Promise((r) => setTimeout(() => r(x), 1));
const o = {};
o[await d('k')] = await d('val');
log.push(JSON.stringify(o));
log.push(`${await d(1)}-${v(2)}-${await 3}`);
log.push(v(1) + (await d(2)) + v(3));
log.push(await d(0) ? 'yes' : await d('no'));
log.push((await d(null)) ?? (await d('fallback')));
switch (await d(2)) { case await d(1): log.push('case1'); break; case v(2): log.push('case2'); break; }
for (const x of await d([1, 2])) log.push('of' + x);
const f = { g(a, b) { return a + b; } };
log.push(f?.g(await d('a'), await d('b')));
log.push((await d(1), await d(2)));
const cls = class { [await d('m')]() { return 'method'; } };
log.push(new cls().m());
if (await d(false)) log.push('no'); else if (await d(true)) log.push('else-if');
let i = 0;
while (await d(i < 2)) i++;
log.push('i=' + i);
try { await Promise.reject(new Error('rej')); } catch ({ message }) { log.push(message); }
console.log(log.join('\n'));
