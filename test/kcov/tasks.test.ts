/**
 * Tasks and threads: per-task attribution across interleaved async tasks, and a consumer on
 * the main thread reading a worker's area live.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { setImmediate as tick } from 'node:timers/promises';
import { KCOV_DISABLE, KCOV_ENABLE, runTask } from '../../src/index.js';
import { fakeModule, initMapped, pcsOf, setupRuntime } from './helpers.js';

const rt = setupRuntime();
const mod = fakeModule(rt, 16);

test('two interleaved tasks, each with its own instance, each area holds only its own blocks', async () => {
  const trace = async (blocks: number[]): Promise<bigint[]> => {
    const { f, area } = initMapped();
    f.ioctl(KCOV_ENABLE, 0);
    area[0] = 0n;
    for (const b of blocks) {
      mod.hit(b);
      await tick(); // let the other task run between our blocks
      await new Promise<void>((r) => setTimeout(() => { mod.hit(b + 1); r(); }, 0));
    }
    f.ioctl(KCOV_DISABLE, 0);
    return pcsOf(area);
  };
  const [a, b] = await Promise.all([runTask(() => trace([0, 2, 4])), runTask(() => trace([8, 10, 12]))]);
  assert.deepEqual(a, [0, 1, 2, 3, 4, 5].map((i) => mod.pc(i)));
  assert.deepEqual(b, [8, 9, 10, 11, 12, 13].map((i) => mod.pc(i)));
});

test('a root-task instance does not see blocks of running tasks, and tasks do not see its', async () => {
  const root = initMapped();
  root.f.ioctl(KCOV_ENABLE, 0);
  root.area[0] = 0n;
  const inner = runTask(async () => {
    const { f, area } = initMapped();
    f.ioctl(KCOV_ENABLE, 0);
    area[0] = 0n;
    await tick();
    mod.hit(6);
    return { f, area };
  });
  mod.hit(7);
  const { area } = await inner; // the task exited: its instance is disabled
  mod.hit(7);
  root.f.ioctl(KCOV_DISABLE, 0);
  assert.deepEqual(pcsOf(area), [mod.pc(6)]);
  assert.deepEqual(pcsOf(root.area), [mod.pc(7), mod.pc(7)]);
});

test('a consumer on the main thread reads a worker\'s area live', async () => {
  const helpers = new URL('./helpers.js', import.meta.url).href;
  // The worker opens its own device, posts the area, then runs one block per request.
  const src = `import(${JSON.stringify(helpers)}).then((h) => {
    const { parentPort } = require('node:worker_threads');
    const m = h.fakeModule(h.setupRuntime(), 8);
    const { area } = h.enabled(512);
    parentPort.postMessage({ buffer: area.buffer, pcs: [0, 1, 2].map((i) => m.pc(i)) });
    parentPort.on('message', (b) => {
      if (b < 0) return parentPort.close();
      m.hit(b);
      parentPort.postMessage('ran');
    });
  });`;
  const w = new Worker(src, { eval: true });
  const next = (): Promise<unknown> => new Promise((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
  });
  const first = (await next()) as { buffer: SharedArrayBuffer; pcs: bigint[] };
  const area = new BigUint64Array(first.buffer);
  const count = new Uint32Array(first.buffer);
  const seen: bigint[] = [];
  for (const b of [2, 0, 1]) {
    w.postMessage(b);
    await next();
    const n = Atomics.load(count, 0);
    seen.push(...area.subarray(1, 1 + n).slice(seen.length));
    assert.equal(n, seen.length);
  }
  assert.deepEqual(seen, [2, 0, 1].map((i) => first.pcs[i]));
  area[0] = 0n; // the consumer resets; the worker's next block lands at A[1]
  w.postMessage(1);
  await next();
  assert.deepEqual(pcsOf(area), [first.pcs[1]]);
  w.postMessage(-1);
  assert.equal(await new Promise((r) => w.once('exit', r)), 0);
});

test('a task that ends by throwing still exits (and disables what it owns)', async () => {
  const { f, area } = initMapped();
  await assert.rejects(runTask(() => {
    f.ioctl(KCOV_ENABLE, 0);
    mod.hit(3);
    throw new Error('boom');
  }), /boom/);
  mod.hit(4);
  f.ioctl(KCOV_ENABLE, 0); // free again
  f.ioctl(KCOV_DISABLE, 0);
  assert.deepEqual(pcsOf(area), [mod.pc(3)]);
  assert.equal(await runTask(() => 42), 42);
});

test('a callback left behind by an exited task cannot enable (nothing would disable it)', async () => {
  const { f, area } = initMapped();
  const late = new Promise<unknown>((resolve) => {
    void runTask(() => {
      setTimeout(() => {
        try {
          f.ioctl(KCOV_ENABLE, 0);
          resolve('enabled');
        } catch (err) {
          resolve(err);
        }
      }, 1);
    });
  });
  const err = await late;
  assert.ok(err instanceof Error && (err as { code?: string }).code === 'EINVAL', String(err));
  assert.match(err.message, /exited/);
  mod.hit(5);
  assert.equal(area[0], 0n);
  f.ioctl(KCOV_ENABLE, 0); // the root task still can
  f.ioctl(KCOV_DISABLE, 0);
});
