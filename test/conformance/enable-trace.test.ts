/**
 * kcov conformance, checklist sections D (KCOV_ENABLE) and E (TRACE_PC contents) of
 * shared/reference/kcov-spec.md section 3. "Threads" T1/T2 are tasks (`runTask`); a
 * "syscall" is running blocks of instrumented code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setImmediate as tick } from 'node:timers/promises';
import { KCOV_DISABLE, KCOV_ENABLE, KCOV_INIT_TRACE, PC_BASE, PC_LIMIT, open, runTask } from '../../src/index.js';
import { enabled, fakeModule, initMapped, isOwnedByCaller, pcsOf, setupRuntime, throwsErrno } from '../kcov/helpers.js';

const rt = setupRuntime();
const mod = fakeModule(rt, 64);
const S = 4096;

/** A promise and its resolver, for handshakes between tasks. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((r) => { open = r; });
  return { wait, open };
}

test('item 27: ENABLE on a fresh file -> EINVAL', () => {
  throwsErrno(() => open().ioctl(KCOV_ENABLE, 0), 'EINVAL', 'ioctl');
});

test('item 28: ENABLE without mmap is ok; a later mmap sees the data', () => {
  const f = open();
  f.ioctl(KCOV_INIT_TRACE, S);
  f.ioctl(KCOV_ENABLE, 0);
  mod.hit(1);
  f.ioctl(KCOV_DISABLE, 0);
  assert.deepEqual(pcsOf(f.mmap(S * 8)), [mod.pc(1)]);
});

test('item 29: ENABLE does not reset area[0]; entries continue after it', () => {
  const { f, area } = initMapped();
  area[0] = 123n;
  f.ioctl(KCOV_ENABLE, 0);
  assert.equal(area[0], 123n);
  mod.hit(2);
  mod.hit(3);
  f.ioctl(KCOV_DISABLE, 0);
  assert.equal(area[0], 125n);
  assert.deepEqual([area[124], area[125]], [mod.pc(2), mod.pc(3)]);
  assert.ok(area.subarray(1, 124).every((w) => w === 0n));
});

test('item 30: ENABLE(KCOV_TRACE_CMP) is supported; after DISABLE, ENABLE(0) ok', () => {
  const { f } = initMapped();
  f.ioctl(KCOV_ENABLE, 1);
  f.ioctl(KCOV_DISABLE, 0);
  f.ioctl(KCOV_ENABLE, 0);
  f.ioctl(KCOV_DISABLE, 0);
});

test('item 31: ENABLE(2), (0xffffffff), (256), (2^32) -> EINVAL (full 64-bit compare)', () => {
  const { f } = initMapped();
  for (const arg of [2, 0xffffffff, 256, 2 ** 32, 2n ** 32n, 2n ** 64n - 1n, -1]) {
    throwsErrno(() => f.ioctl(KCOV_ENABLE, arg), 'EINVAL');
  }
});

test('item 32: a failed ENABLE leaves the instance INIT', () => {
  const { f, area } = initMapped();
  throwsErrno(() => f.ioctl(KCOV_ENABLE, 256), 'EINVAL');
  mod.hit(4);
  assert.equal(area[0], 0n); // not enabled by the failure
  f.ioctl(KCOV_ENABLE, 0);
  f.ioctl(KCOV_DISABLE, 0);
});

test('item 33: second ENABLE by the same task -> EINVAL', () => {
  const { f } = enabled();
  throwsErrno(() => f.ioctl(KCOV_ENABLE, 0), 'EINVAL');
  f.ioctl(KCOV_DISABLE, 0);
});

test('item 34: T2 ENABLE on T1\'s file -> EINVAL; T1 unaffected', async () => {
  const { f, area } = enabled();
  await runTask(() => throwsErrno(() => f.ioctl(KCOV_ENABLE, 0), 'EINVAL'));
  mod.hit(5);
  f.ioctl(KCOV_DISABLE, 0);
  assert.deepEqual(pcsOf(area), [mod.pc(5)]);
});

test('item 35: a task owning fd1 cannot ENABLE fd2 -> EBUSY; fd2 stays INIT', async () => {
  const one = enabled();
  const two = initMapped();
  throwsErrno(() => two.f.ioctl(KCOV_ENABLE, 0), 'EBUSY');
  one.f.ioctl(KCOV_DISABLE, 0);
  await runTask(() => {
    two.f.ioctl(KCOV_ENABLE, 0);
    two.f.ioctl(KCOV_DISABLE, 0);
  });
});

test('item 36: busy is checked before the argument: EN(7) on fd2 -> EBUSY', () => {
  const one = enabled();
  const two = initMapped();
  throwsErrno(() => two.f.ioctl(KCOV_ENABLE, 7), 'EBUSY');
  one.f.ioctl(KCOV_DISABLE, 0);
  throwsErrno(() => two.f.ioctl(KCOV_ENABLE, 7), 'EINVAL');
});

test('item 37: two tasks enable their own files concurrently', async () => {
  const a = initMapped();
  const b = initMapped();
  const both = gate();
  let ready = 0;
  const body = (r: { f: ReturnType<typeof open>; area: BigUint64Array }, block: number) => async () => {
    r.f.ioctl(KCOV_ENABLE, 0);
    r.area[0] = 0n;
    if (++ready === 2) both.open();
    await both.wait;
    mod.hit(block);
    await tick();
    mod.hit(block);
    r.f.ioctl(KCOV_DISABLE, 0);
  };
  await Promise.all([runTask(body(a, 10)), runTask(body(b, 11))]);
  assert.deepEqual(pcsOf(a.area), [mod.pc(10), mod.pc(10)]);
  assert.deepEqual(pcsOf(b.area), [mod.pc(11), mod.pc(11)]);
});

test('item 38: entries A[1..n] are non-zero and A[n+1..] untouched', () => {
  const { f, area } = enabled();
  for (let i = 0; i < 8; i++) mod.hit(i);
  f.ioctl(KCOV_DISABLE, 0);
  const n = Number(area[0]);
  assert.equal(n, 8);
  assert.ok(area.subarray(1, n + 1).every((w) => w !== 0n));
  assert.ok(area.subarray(n + 1).every((w) => w === 0n));
});

test('item 39: PCs are synthetic, in [0xffffffff80000000, 0xffffffffff000000), one per block', () => {
  const { f, area } = enabled();
  for (let i = 0; i < 64; i++) mod.hit(i);
  f.ioctl(KCOV_DISABLE, 0);
  const pcs = pcsOf(area);
  assert.equal(pcs.length, 64);
  for (const pc of pcs) assert.ok(pc >= PC_BASE && pc < PC_LIMIT, pc.toString(16));
  assert.equal(new Set(pcs.map((p) => p & 0xffffffffn)).size, 64);
  assert.deepEqual(pcs, Array.from({ length: 64 }, (_, i) => mod.pc(i)));
});

test('item 40: the trace is in execution order with repeats (better than gVisor)', () => {
  const { f, area } = enabled();
  const order = [3, 1, 3, 3, 2, 1];
  for (const b of order) mod.hit(b);
  for (const b of order) mod.hit(b);
  f.ioctl(KCOV_DISABLE, 0);
  assert.deepEqual(pcsOf(area), [...order, ...order].map((b) => mod.pc(b)));
});

test('item 41: A[0] = 0 between runs restarts entries at A[1]', () => {
  const { f, area } = enabled();
  mod.hit(1);
  mod.hit(2);
  area[0] = 0n;
  mod.hit(7);
  f.ioctl(KCOV_DISABLE, 0);
  assert.deepEqual(pcsOf(area), [mod.pc(7)]);
  assert.equal(area[2], mod.pc(2));
});

test('item 42: A[0] = k puts the next entries at A[k+1..], A[1..k] untouched', () => {
  const { f, area } = enabled();
  area[0] = 10n;
  mod.hit(8);
  f.ioctl(KCOV_DISABLE, 0);
  assert.equal(area[0], 11n);
  assert.equal(area[11], mod.pc(8));
  assert.ok(area.subarray(1, 11).every((w) => w === 0n));
});

test('item 43: overflow stops at exactly size-1 entries, no error', () => {
  const { f, area } = enabled(512);
  let last = -1n;
  while (area[0] !== last) {
    last = area[0];
    for (let i = 0; i < 64; i++) mod.hit(i);
  }
  f.ioctl(KCOV_DISABLE, 0);
  assert.equal(area[0], 511n);
  assert.equal(area.length, 512);
  assert.equal(area[511], mod.pc(510 % 64));
});

test('item 44: A[0] = S-1 or S+5 -> no new entries, A[0] unchanged', () => {
  const { f, area } = enabled(512);
  for (const k of [511n, 517n]) {
    area[0] = k;
    mod.hit(1);
    assert.equal(area[0], k);
  }
  f.ioctl(KCOV_DISABLE, 0);
  assert.ok(area.subarray(1).every((w) => w === 0n));
});

test('item 45: A[0] = 2^61 or 2^64-1 -> nothing written, A[0] unchanged (no wrap)', () => {
  const { f, area } = enabled(512);
  for (const k of [2n ** 61n, 2n ** 64n - 1n, 2n ** 32n]) {
    area[0] = k;
    mod.hit(1);
    assert.equal(area[0], k);
  }
  f.ioctl(KCOV_DISABLE, 0);
  assert.ok(area.subarray(1).every((w) => w === 0n));
});

test('item 46: count and PCs are little-endian u64 words', () => {
  const { f, area } = enabled();
  mod.hit(9);
  mod.hit(9);
  f.ioctl(KCOV_DISABLE, 0);
  const dv = new DataView(area.buffer);
  assert.equal(dv.getBigUint64(0, true), 2n);
  assert.equal(dv.getBigUint64(8, true), mod.pc(9));
  assert.equal(dv.getUint32(8, true), mod.pcLow(9));
  assert.equal(dv.getUint32(12, true), 0xffffffff);
  assert.equal(Atomics.load(new Uint32Array(area.buffer), 0), 2);
});

test('item 47: another task\'s blocks never appear in the owner\'s area', async () => {
  const { f, area } = enabled();
  await runTask(() => {
    mod.hit(20);
    mod.hit(21);
  });
  mod.hit(22);
  f.ioctl(KCOV_DISABLE, 0);
  assert.deepEqual(pcsOf(area), [mod.pc(22)]);
});

test('item 48: after DISABLE nothing more is added', () => {
  const { f, area } = enabled();
  mod.hit(23);
  f.ioctl(KCOV_DISABLE, 0);
  mod.hit(24);
  assert.deepEqual(pcsOf(area), [mod.pc(23)]);
  assert.equal(rt.tracing[0], 0, 'thread tracing is off once nothing is enabled');
});

test('item 49: asynchronous work of other tasks is never attributed; the owner\'s own is', async () => {
  const done = gate();
  const other = runTask(async () => {
    setTimeout(() => mod.hit(30), 0);
    setImmediate(() => mod.hit(31));
    await done.wait;
    mod.hit(32);
  });
  await runTask(async () => {
    const { f, area } = enabled();
    await new Promise<void>((r) => setTimeout(() => { mod.hit(33); r(); }, 5));
    done.open();
    await other;
    queueMicrotask(() => mod.hit(34));
    await tick();
    assert.ok(isOwnedByCaller(f));
    f.ioctl(KCOV_DISABLE, 0);
    assert.deepEqual(pcsOf(area), [mod.pc(33), mod.pc(34)]);
  });
});
