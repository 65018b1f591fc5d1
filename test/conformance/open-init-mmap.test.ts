/**
 * kcov conformance, checklist sections A (open / generic), B (KCOV_INIT_TRACE) and C (mmap)
 * of shared/reference/kcov-spec.md section 3. One test per item, named by its number.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import {
  KCOV_DISABLE, KCOV_ENABLE, KCOV_INIT_TRACE, KCOV_INIT_TRACE32, KCOV_REMOTE_ENABLE, KCOV_RESET_TRACE,
  KCOV_MAX_WORDS, open, runTask, KcovError,
} from '../../src/index.js';
import { enabled, fakeModule, initMapped, pcsOf, setupRuntime, throwsErrno } from '../kcov/helpers.js';

const rt = setupRuntime();
const mod = fakeModule(rt, 16);
const S = 4096;

/** Runs `code` (an ES module body) in a worker with no kcovjs runtime; resolves its message. */
function inBareWorker(code: string): Promise<unknown> {
  const indexUrl = new URL('../../src/index.js', import.meta.url).href;
  const src = `import(${JSON.stringify(indexUrl)}).then(async (k) => {
    const { parentPort } = await import('node:worker_threads');
    parentPort.postMessage(await (async () => { ${code} })());
  });`;
  return new Promise((resolve, reject) => {
    const w = new Worker(src, { eval: true });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

test('item 1: two opens give independent instances', () => {
  const a = open();
  const b = open();
  a.ioctl(KCOV_INIT_TRACE, S);
  b.ioctl(KCOV_INIT_TRACE, S);
  a.ioctl(KCOV_ENABLE, 0);
  const mapA = a.mmap(S * 8);
  const mapB = b.mmap(S * 8);
  mapA[0] = 0n;
  mod.hit(1);
  // b is still INIT: only the caller's ownership of a makes ENABLE on b EBUSY, and b's
  // area got nothing.
  throwsErrno(() => b.ioctl(KCOV_ENABLE, 0), 'EBUSY');
  assert.equal(mapB[0], 0n);
  assert.equal(mapA[0], 1n);
  a.ioctl(KCOV_DISABLE, 0);
  b.ioctl(KCOV_ENABLE, 0);
  b.ioctl(KCOV_DISABLE, 0);
});

test('item 2: no runtime, no blocks or another path -> open ENOENT', async () => {
  throwsErrno(() => open('/dev/kcov'), 'ENOENT', 'open');
  throwsErrno(() => open('/sys/kernel/debug/kcov/'), 'ENOENT', 'open');
  const noRuntime = await inBareWorker(`
    try { k.open(); return 'opened'; } catch (e) { return e.code + ' ' + e.syscall + ' ' + e.path; }`);
  assert.equal(noRuntime, 'ENOENT open /sys/kernel/debug/kcov');
  const noBlocks = await inBareWorker(`
    const os = await import('node:os'); const fs = await import('node:fs'); const path = await import('node:path');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kcovjs-'));
    k.installRuntime({ root, manifest: path.join(root, 'm.json') });
    try { k.open(); return 'opened'; } catch (e) { return e.code; }`);
  assert.equal(noBlocks, 'ENOENT');
});

test('item 3: no read/write/seek/stat on a kcov file (JS has no such calls on it)', () => {
  // Linux answers read/write EINVAL and pread/lseek ESPIPE; a KcovFile simply has no such
  // methods, so nothing can read or write the area except through mmap.
  const f = open();
  for (const m of ['read', 'write', 'pread', 'pwrite', 'lseek', 'fstat']) {
    assert.equal((f as unknown as Record<string, unknown>)[m], undefined, m);
  }
});

test('item 4: unknown commands -> ENOTTY', () => {
  const f = open();
  for (const cmd of [0x1234, 0x6366, 0x40046364, 0, 0x6369]) throwsErrno(() => f.ioctl(cmd, 0), 'ENOTTY', 'ioctl');
  f.ioctl(KCOV_INIT_TRACE, S); // nothing changed: still DISABLED
});

test('item 5: 32-bit INIT_TRACE encoding 0x80046301 -> ENOTTY', () => {
  const f = open();
  throwsErrno(() => f.ioctl(KCOV_INIT_TRACE32, S), 'ENOTTY');
  throwsErrno(() => f.mmap(S * 8), 'EINVAL', 'mmap'); // not initialised by it
});

test('item 6: KCOV_REMOTE_ENABLE -> ENOTTY, argument never touched, no state change', () => {
  const { f } = initMapped();
  let touched = false;
  const arg = { get valueOf() { touched = true; return () => 0; } };
  throwsErrno(() => f.ioctl(KCOV_REMOTE_ENABLE, arg as unknown as number), 'ENOTTY');
  throwsErrno(() => f.ioctl(KCOV_REMOTE_ENABLE, 0x1000), 'ENOTTY');
  assert.equal(touched, false);
  f.ioctl(KCOV_ENABLE, 0);
  f.ioctl(KCOV_DISABLE, 0);
});

test('item 7: INIT(0) and INIT(1) -> EINVAL, state stays DISABLED', () => {
  const f = open();
  throwsErrno(() => f.ioctl(KCOV_INIT_TRACE, 0), 'EINVAL');
  throwsErrno(() => f.ioctl(KCOV_INIT_TRACE, 1), 'EINVAL');
  throwsErrno(() => f.mmap(8), 'EINVAL');
  f.ioctl(KCOV_INIT_TRACE, S);
});

test('item 8: INIT(4096) ok, all words read 0', () => {
  const { area } = initMapped(4096);
  assert.equal(area.length, 4096);
  assert.ok(area.every((w) => w === 0n));
});

test('item 9: sizes that are not page multiples are accepted (Linux)', () => {
  for (const n of [2, 100, 1000]) open().ioctl(KCOV_INIT_TRACE, n);
});

test('item 10: INIT above INT_MAX/8, or 2^32+4096 -> EINVAL (no truncation)', () => {
  const f = open();
  throwsErrno(() => f.ioctl(KCOV_INIT_TRACE, KCOV_MAX_WORDS + 1), 'EINVAL');
  throwsErrno(() => f.ioctl(KCOV_INIT_TRACE, 268435456n), 'EINVAL');
  throwsErrno(() => f.ioctl(KCOV_INIT_TRACE, 2 ** 32 + 4096), 'EINVAL');
  throwsErrno(() => f.ioctl(KCOV_INIT_TRACE, 2n ** 64n + 4096n), 'EINVAL');
  f.ioctl(KCOV_INIT_TRACE, S);
});

test('item 11: INIT(10 Mi + 512) -> ok or ENOMEM, never EINVAL (no gVisor cap)', () => {
  const f = open();
  const n = 10485760 + 512;
  try {
    f.ioctl(KCOV_INIT_TRACE, n);
    assert.equal(f.mmap(n * 8).length, n);
  } catch (err) {
    assert.ok(err instanceof KcovError && err.code === 'ENOMEM', String(err));
  }
});

test('item 12: second INIT is EBUSY and size unchanged', () => {
  const f = open();
  f.ioctl(KCOV_INIT_TRACE, S);
  throwsErrno(() => f.ioctl(KCOV_INIT_TRACE, 2 * S), 'EBUSY');
  assert.equal(f.mmap(S * 8).length, S);
  throwsErrno(() => f.mmap(2 * S * 8), 'EINVAL');
});

test('item 13: INIT(S) then INIT(1) -> EINVAL (argument checked before state)', () => {
  const f = open();
  f.ioctl(KCOV_INIT_TRACE, S);
  throwsErrno(() => f.ioctl(KCOV_INIT_TRACE, 1), 'EINVAL');
});

test('item 14: INIT after an enable/disable cycle or owner exit -> EBUSY', async () => {
  const { f } = enabled();
  throwsErrno(() => f.ioctl(KCOV_INIT_TRACE, S), 'EBUSY');
  f.ioctl(KCOV_DISABLE, 0);
  throwsErrno(() => f.ioctl(KCOV_INIT_TRACE, S), 'EBUSY');
  const g = initMapped().f;
  await runTask(() => g.ioctl(KCOV_ENABLE, 0));
  throwsErrno(() => g.ioctl(KCOV_INIT_TRACE, S), 'EBUSY');
});

test('item 15: mmap before INIT -> EINVAL', () => {
  throwsErrno(() => open().mmap(S * 8), 'EINVAL', 'mmap');
});

test('item 16: INIT(S); mmap(S*8, 0) ok', () => {
  const f = open();
  f.ioctl(KCOV_INIT_TRACE, S);
  const a = f.mmap(S * 8, 0);
  assert.ok(a instanceof BigUint64Array);
  assert.ok(a.buffer instanceof SharedArrayBuffer);
  assert.equal(a.byteLength, S * 8);
});

test('item 17: mmap of half the area -> EINVAL', () => {
  const f = open();
  f.ioctl(KCOV_INIT_TRACE, S);
  throwsErrno(() => f.mmap((S * 8) / 2), 'EINVAL', 'mmap');
});

test('item 18: mmap one page longer than the area -> EINVAL', () => {
  const f = open();
  f.ioctl(KCOV_INIT_TRACE, S);
  throwsErrno(() => f.mmap(S * 8 + 4096), 'EINVAL', 'mmap');
});

test('item 19: mmap at offset 4096 -> EINVAL', () => {
  const f = open();
  f.ioctl(KCOV_INIT_TRACE, S);
  throwsErrno(() => f.mmap(S * 8, 4096), 'EINVAL', 'mmap');
  throwsErrno(() => f.mmap(S * 8, 1n), 'EINVAL', 'mmap');
});

test('item 20: INIT(1024); mmap(8000) ok (rounds up to 8192)', () => {
  const f = open();
  f.ioctl(KCOV_INIT_TRACE, 1024);
  assert.equal(f.mmap(8000).length, 1024);
  assert.equal(f.mmap(8192n).length, 1024);
  throwsErrno(() => f.mmap(8193), 'EINVAL');
});

test('item 21: INIT(100) ok, no mmap length can match, ENABLE still ok', () => {
  const f = open();
  f.ioctl(KCOV_INIT_TRACE, 100);
  for (const len of [800, 4096, 1]) throwsErrno(() => f.mmap(len), 'EINVAL', 'mmap');
  f.ioctl(KCOV_ENABLE, 0);
  f.ioctl(KCOV_DISABLE, 0);
});

test('item 22: two mappings alias: user and device writes visible in both', () => {
  const { f, area: a } = initMapped();
  const b = f.mmap(S * 8);
  a[5] = 7n;
  assert.equal(b[5], 7n);
  f.ioctl(KCOV_ENABLE, 0);
  b[0] = 0n;
  mod.hit(2);
  f.ioctl(KCOV_DISABLE, 0);
  assert.deepEqual(pcsOf(a), [mod.pc(2)]);
  assert.deepEqual(pcsOf(b), [mod.pc(2)]);
});

test('item 23: read-only consumer (no PROT_READ in JS): it resets with KCOV_RESET_TRACE', () => {
  // A typed array cannot be made read-only; the nearest analogue is a consumer that never
  // writes the area and resets the count through the ioctl instead.
  const { f, area } = initMapped();
  f.ioctl(KCOV_ENABLE, 0);
  mod.hit(3);
  assert.ok(area[0] >= 1n);
  f.ioctl(KCOV_RESET_TRACE, 0);
  assert.equal(area[0], 0n);
  mod.hit(4);
  f.ioctl(KCOV_DISABLE, 0);
  assert.deepEqual(pcsOf(area), [mod.pc(4)]);
});

test('item 24: mmap again while enabled -> ok, same area, live count', () => {
  const { f, area } = enabled();
  mod.hit(5);
  const again = f.mmap(S * 8);
  mod.hit(6);
  f.ioctl(KCOV_DISABLE, 0);
  assert.equal(again[0], 2n);
  assert.deepEqual(pcsOf(again), pcsOf(area));
});

test('item 25: the area outlives a dropped mapping (no munmap in JS: drop the view)', () => {
  const f = open();
  f.ioctl(KCOV_INIT_TRACE, S);
  let view: BigUint64Array | null = f.mmap(S * 8);
  view[5] = 7n;
  view = null;
  assert.equal(f.mmap(S * 8)[5], 7n);
});

test('item 26: the mapping cannot grow (no mremap; the buffer is not growable)', () => {
  const { f, area } = initMapped();
  assert.notEqual((area.buffer as { growable?: boolean }).growable, true);
  throwsErrno(() => f.mmap(S * 8 * 2), 'EINVAL', 'mmap');
});
