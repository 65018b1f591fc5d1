// Ordering of nextTick, microtasks, timers and immediates in a CommonJS script.
const log = [];
process.nextTick(() => log.push('tick 1'));
Promise.resolve().then(() => { log.push('promise 1'); process.nextTick(() => log.push('tick from promise')); });
queueMicrotask(() => log.push('microtask'));
process.nextTick(() => { log.push('tick 2'); Promise.resolve().then(() => log.push('promise from tick')); });
require('node:fs').readFile(__filename, () => {
  setTimeout(() => log.push('io timeout'), 0);
  setImmediate(() => log.push('io immediate'));
});
setTimeout(() => console.log(log.join(' | ')), 50);
