import { parentPort, workerData, threadId } from 'node:worker_threads';
function work(n) { let acc = 0; for (let i = 0; i < n; i++) { if (i % 3 === 0) acc += i; else acc -= 1; } return acc; }
parentPort.postMessage({ result: work(workerData.n), threadIdPositive: threadId > 0 });
if (workerData.fail) {
  // Throw once the parent has the result: Node does not order a worker's messages and its
  // error event, so the program waits for an acknowledgement to keep its output deterministic.
  parentPort.once('message', () => { throw new RangeError('worker failure'); });
}
