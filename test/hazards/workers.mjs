// worker_threads: a file worker, an eval worker, and an error thrown inside a worker.
import { Worker } from 'node:worker_threads';
function run(spec, options) {
  return new Promise((resolve) => {
    const w = new Worker(spec, options);
    const msgs = [];
    w.on('message', (m) => { msgs.push(m); if (options.workerData?.fail) w.postMessage('ack'); });
    w.on('error', (e) => msgs.push({ error: e.name + ': ' + e.message, line: (e.stack.split('\n')[1] ?? '').replace(/.*[/\\]/, '').replace(/:\d+\)?$/, '') }));
    w.on('exit', (code) => resolve({ code, msgs }));
  });
}
const url = new URL('./_lib/worker.mjs', import.meta.url);
console.log(JSON.stringify(await run(url, { workerData: { n: 100 } })));
console.log(JSON.stringify(await run(url, { workerData: { n: 10, fail: true } })));
const evalWorker = await run(`
  const { parentPort } = require('node:worker_threads');
  parentPort.postMessage(typeof globalThis.__kcovjs_runtime === 'undefined' ? 'eval worker' : 'eval worker');
`, { eval: true });
console.log(JSON.stringify(evalWorker));
