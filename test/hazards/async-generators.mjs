// Async generators: yield await, return, delegation, early exit from for await.
async function* ag() {
  try {
    yield 1;
    yield await Promise.resolve(2);
    const got = yield 3;
    yield* [got, 'delegated-sync'];
    yield* inner();
  } finally {
    console.log('ag finally');
  }
}
async function* inner() { yield 'in1'; yield 'in2'; }
const it = ag();
console.log((await it.next()).value, (await it.next()).value, (await it.next()).value, (await it.next('sent')).value);
console.log((await it.next()).value, (await it.next()).value);
console.log(JSON.stringify(await it.return('stop')), JSON.stringify(await it.next()));
for await (const x of ag()) { if (x === 2) break; console.log('loop', x); }
const obj = { async *[Symbol.asyncIterator]() { yield 'a'; yield 'b'; } };
const seen = [];
for await (const x of obj) seen.push(x);
console.log(seen.join(), Object.prototype.toString.call(ag()));
