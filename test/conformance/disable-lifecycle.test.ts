/**
 * kcov conformance, checklist sections F (KCOV_DISABLE) and G (lifecycle) of
 * shared/reference/kcov-spec.md section 3. Threads are tasks (`runTask`); fork is a task
 * started inside the enabled task (a new task owns nothing, like a forked child); a
 * process is a worker thread.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { setImmediate as tick } from 'node:timers/promises';
import { KCOV_DISABLE, KCOV_ENABLE, KCOV_INIT_TRACE, open, runTask } from '../../src/index.js';
import { enabled, fakeModule, initMapped, isOwnedByCaller, pcsOf, setupRuntime, throwsErrno } from '../kcov/helpers.js';

const rt = setupRuntime();
const mod = fakeModule(rt, 32);
const S = 4096;

function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((r) => { open = r; });
  return { wait, open };
}

test('item 50: DISABLE keeps the area and A[0]; the mapping stays live for the next ENABLE', () => {
  const { f, area } = enabled();
  mod.hit(1);
  f.ioctl(KCOV_DISABLE, 0);
  assert.deepEqual(pcsOf(area), [mod.pc(1)]);
  f.ioctl(KCOV_ENABLE, 0);
  mod.hit(2);
  f.ioctl(KCOV_DISABLE, 0);
  assert.deepEqual(pcsOf(area), [mod.pc(1), mod.pc(2)]);
});

test('item 51: DISABLE(1) while enabled -> EINVAL; still enabled', () => {
  const { f, area } = enabled();
  throwsErrno(() => f.ioctl(KCOV_DISABLE, 1), 'EINVAL');
  mod.hit(3);
  f.ioctl(KCOV_DISABLE, 0);
  assert.deepEqual(pcsOf(area), [mod.pc(3)]);
});

test('item 52: DISABLE on a fresh file or after INIT only -> EINVAL', () => {
  const f = open();
  throwsErrno(() => f.ioctl(KCOV_DISABLE, 0), 'EINVAL');
  f.ioctl(KCOV_INIT_TRACE, S);
  throwsErrno(() => f.ioctl(KCOV_DISABLE, 0), 'EINVAL');
});

test('item 53: T2 DISABLE of T1\'s file -> EINVAL; T1 still enabled', async () => {
  const { f, area } = enabled();
  await runTask(() => throwsErrno(() => f.ioctl(KCOV_DISABLE, 0), 'EINVAL'));
  mod.hit(4);
  f.ioctl(KCOV_DISABLE, 0);
  assert.deepEqual(pcsOf(area), [mod.pc(4)]);
});

test('item 54: DISABLE twice -> second EINVAL', () => {
  const { f } = enabled();
  f.ioctl(KCOV_DISABLE, 0);
  throwsErrno(() => f.ioctl(KCOV_DISABLE, 0), 'EINVAL');
});

test('item 55: ENABLE, DISABLE, ENABLE without mmap -> coverage continues in the first mapping', () => {
  const { f, area } = enabled();
  f.ioctl(KCOV_DISABLE, 0);
  f.ioctl(KCOV_ENABLE, 0);
  mod.hit(5);
  f.ioctl(KCOV_DISABLE, 0);
  assert.deepEqual(pcsOf(area), [mod.pc(5)]);
});

test('item 56: ENABLE, DISABLE, mmap, ENABLE -> the new mapping aliases the old one', () => {
  const { f, area } = enabled();
  mod.hit(6);
  f.ioctl(KCOV_DISABLE, 0);
  const again = f.mmap(S * 8);
  assert.equal(again[1], mod.pc(6));
  f.ioctl(KCOV_ENABLE, 0);
  mod.hit(7);
  f.ioctl(KCOV_DISABLE, 0);
  assert.deepEqual(pcsOf(area), [mod.pc(6), mod.pc(7)]);
});

test('item 57: T1 ENABLE + DISABLE, then T2 mmap + ENABLE -> ok', async () => {
  const { f, area } = enabled();
  f.ioctl(KCOV_DISABLE, 0);
  await runTask(() => {
    const view = f.mmap(S * 8);
    f.ioctl(KCOV_ENABLE, 0);
    mod.hit(8);
    f.ioctl(KCOV_DISABLE, 0);
    assert.deepEqual(pcsOf(view), [mod.pc(8)]);
  });
  assert.deepEqual(pcsOf(area), [mod.pc(8)]);
});

test('item 58: owner exits without DISABLE -> INIT; another task ENABLEs, contents kept', async () => {
  const { f, area } = initMapped();
  await runTask(async () => {
    f.ioctl(KCOV_ENABLE, 0);
    mod.hit(9);
    await tick();
  });
  mod.hit(10); // the exited owner's thread goes on: nothing is recorded
  f.ioctl(KCOV_ENABLE, 0);
  mod.hit(11);
  f.ioctl(KCOV_DISABLE, 0);
  assert.deepEqual(pcsOf(area), [mod.pc(9), mod.pc(11)]);
});

test('item 59: a former owner\'s exit does not disturb the new owner (gVisor stale-owner bug)', async () => {
  const { f, area } = initMapped();
  const t1Disabled = gate();
  const t2Enabled = gate();
  const t1Exited = gate();
  const t1 = runTask(async () => {
    f.ioctl(KCOV_ENABLE, 0);
    f.ioctl(KCOV_DISABLE, 0);
    t1Disabled.open();
    await t2Enabled.wait;
  });
  const t2 = runTask(async () => {
    await t1Disabled.wait;
    f.ioctl(KCOV_ENABLE, 0);
    area[0] = 0n;
    t2Enabled.open();
    await t1Exited.wait;
    mod.hit(12);
    f.ioctl(KCOV_DISABLE, 0);
  });
  await t1;
  t1Exited.open();
  await t2;
  assert.deepEqual(pcsOf(area), [mod.pc(12)]);
});

test('item 60: close while enabled: the owner keeps collecting until it exits', async () => {
  let view: BigUint64Array = new BigUint64Array(0);
  await runTask(async () => {
    const g = open();
    g.ioctl(KCOV_INIT_TRACE, S);
    view = g.mmap(S * 8);
    g.ioctl(KCOV_ENABLE, 0);
    g.close();
    throwsErrno(() => g.ioctl(KCOV_DISABLE, 0), 'EBADF');
    mod.hit(13);
    await tick();
    mod.hit(14);
  });
  mod.hit(15);
  assert.deepEqual(pcsOf(view), [mod.pc(13), mod.pc(14)]);
  assert.equal(rt.tracing[0], 0, 'the exit disabled the closed instance');
});

test('item 61: dup, close the original -> the instance is intact through the dup', () => {
  const { f, area } = initMapped();
  const d = f.dup();
  f.close();
  throwsErrno(() => f.ioctl(KCOV_ENABLE, 0), 'EBADF');
  throwsErrno(() => f.close(), 'EBADF', 'close');
  d.ioctl(KCOV_ENABLE, 0);
  mod.hit(16);
  d.ioctl(KCOV_DISABLE, 0);
  assert.deepEqual(pcsOf(d.mmap(S * 8)), [mod.pc(16)]);
  assert.deepEqual(pcsOf(area), [mod.pc(16)]);
});

test('item 62: dropping the mapping and closing while the owner runs: no crash, clean exit', async () => {
  await runTask(async () => {
    let r: ReturnType<typeof enabled> | null = enabled();
    r.f.close();
    r = null;
    for (let i = 0; i < 5000; i++) mod.hit(i % 32);
    await tick();
    mod.hit(17);
  });
  assert.equal(rt.tracing[0], 0);
});

test('item 63: a child task (fork) cannot ENABLE/DISABLE the parent\'s file; its blocks stay out', async () => {
  await runTask(async () => {
    const { f, area } = enabled();
    await runTask(() => {
      throwsErrno(() => f.ioctl(KCOV_ENABLE, 0), 'EINVAL');
      throwsErrno(() => f.ioctl(KCOV_DISABLE, 0), 'EINVAL');
      mod.hit(18);
    });
    mod.hit(19);
    assert.ok(isOwnedByCaller(f), 'the child exit left the parent enabled');
    f.ioctl(KCOV_DISABLE, 0);
    assert.deepEqual(pcsOf(area), [mod.pc(19)]);
  });
});

test('item 64: fork pattern: parent INIT+mmap, each child ENABLEs; its exit returns to INIT', async () => {
  const { f, area } = initMapped();
  for (const block of [20, 21]) {
    await runTask(() => {
      f.ioctl(KCOV_ENABLE, 0);
      mod.hit(block);
    });
  }
  assert.deepEqual(pcsOf(area), [mod.pc(20), mod.pc(21)]);
});

test('item 65: a task created after ENABLE is not the owner: ENABLE/DISABLE -> EINVAL', async () => {
  const { f, area } = enabled();
  await runTask(() => {
    throwsErrno(() => f.ioctl(KCOV_ENABLE, 0), 'EINVAL');
    throwsErrno(() => f.ioctl(KCOV_DISABLE, 0), 'EINVAL');
    mod.hit(22);
  });
  f.ioctl(KCOV_DISABLE, 0);
  assert.deepEqual(pcsOf(area), []);
});

test('item 66: no execve in JS; the analogue: an enabled task maps again and disables', () => {
  // exec replaces the image but keeps the task and the fd; in JS a task cannot change its
  // code, so what remains testable is "MAP again while enabled, then DISABLE ok".
  const { f } = enabled();
  const view = f.mmap(S * 8);
  mod.hit(23);
  assert.equal(view[1], mod.pc(23));
  f.ioctl(KCOV_DISABLE, 0);
});

test('item 67: a worker (process) that exits with the device open and enabled exits cleanly', async () => {
  const helpers = new URL('../kcov/helpers.js', import.meta.url).href;
  const src = `import(${JSON.stringify(helpers)}).then((h) => {
    const { parentPort } = require('node:worker_threads');
    const m = h.fakeModule(h.setupRuntime(), 4);
    const { area } = h.enabled(512);
    m.hit(0); m.hit(1);
    parentPort.postMessage(area.buffer);
  });`;
  const w = new Worker(src, { eval: true });
  // Listen for the exit first: the worker may be gone before the message is handled.
  const exited = new Promise<number>((resolve) => w.once('exit', resolve));
  const buffer = await new Promise<SharedArrayBuffer>((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
  });
  const code = await exited;
  assert.equal(code, 0);
  const area = new BigUint64Array(buffer);
  assert.equal(area[0], 2n);
  assert.ok(area[1]! >= 0xffffffff80000000n);
  throwsErrno(() => open().ioctl(KCOV_ENABLE, 0), 'EINVAL'); // a new open starts DISABLED
});
