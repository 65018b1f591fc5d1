import { parentPort, workerData, threadId } from 'node:worker_threads';
function work(n) { let acc = 0; for (let i = 0; i < n; i++) { if (i % 3 === 0) acc += i; else acc -= 1; } return acc; }
parentPort.postMessage({ result: work(workerData.n), threadIdPositive: threadId > 0 });
if (workerData.fail) {
  setTimeout(() => { throw new RangeError('worker failure'); }, 0);
}
