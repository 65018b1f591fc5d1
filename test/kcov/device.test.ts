/**
 * The device front beyond the checklist: garbage arguments, the error shape, closed files,
 * thread tracing flags, and the operand encoding of TRACE_CMP records.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  KCOV_CMP_CONST, KCOV_CMP_SIZE, KCOV_DISABLE, KCOV_ENABLE, KCOV_INIT_TRACE, KCOV_TRACE_CMP, KCOV_UNIQUE_ENABLE,
  KCOVJS_CMP_STRING, KcovError, open, runTask,
} from '../../src/index.js';
import { encodeOperands, operandHalves } from '../../src/kcov/cmp.js';
import { enabled, fakeModule, initMapped, pcsOf, setupRuntime, throwsErrno } from './helpers.js';
import { tracedCompare } from '../helpers.js';

const rt = setupRuntime();
const mod = fakeModule(rt, 4, [{ kind: 0, constMask: 0 }]);
const garbage: unknown[] = [NaN, -0.5, 1.5, Infinity, 2n ** 64n, -(2n ** 63n) - 1n, '4096', {}, [], null, true, Symbol('x')];

test('garbage ioctl arguments give EINVAL and change nothing', () => {
  const f = open();
  for (const g of garbage) throwsErrno(() => f.ioctl(KCOV_INIT_TRACE, g as number), 'EINVAL', 'ioctl');
  f.ioctl(KCOV_INIT_TRACE, 4096);
  for (const g of garbage) throwsErrno(() => f.ioctl(KCOV_ENABLE, g as number), 'EINVAL');
  for (const g of garbage) throwsErrno(() => f.ioctl(KCOV_UNIQUE_ENABLE, g as number), 'EINVAL');
  f.ioctl(KCOV_ENABLE, 0);
  for (const g of garbage) throwsErrno(() => f.ioctl(KCOV_DISABLE, g as number), 'EINVAL');
  f.ioctl(KCOV_DISABLE, 0);
});

test('garbage commands give ENOTTY, garbage mmap arguments EINVAL', () => {
  const f = open();
  for (const g of [...garbage, undefined, -0x6364, 25700.5, String(KCOV_INIT_TRACE)]) {
    throwsErrno(() => f.ioctl(g as number, 4096), 'ENOTTY');
  }
  f.ioctl(BigInt(KCOV_INIT_TRACE), 4096n);
  for (const g of [...garbage, undefined, 0, -32768]) throwsErrno(() => f.mmap(g as number), 'EINVAL', 'mmap');
  for (const g of garbage) throwsErrno(() => f.mmap(32768, g as number), 'EINVAL', 'mmap');
  assert.equal(f.mmap(32768n, 0n).length, 4096);
});

test('errors have the shape of Node system errors', () => {
  try {
    open().ioctl(KCOV_ENABLE, 0);
    assert.fail('ENABLE on a fresh file must throw');
  } catch (err) {
    assert.ok(err instanceof KcovError);
    assert.equal(err.code, 'EINVAL');
    assert.equal(err.errno, -22);
    assert.equal(err.syscall, 'ioctl');
    assert.match(err.message, /^EINVAL: KCOV_ENABLE: .*not initialised/);
  }
});

test('a closed file answers EBADF to everything', () => {
  const { f } = initMapped();
  f.close();
  throwsErrno(() => f.ioctl(KCOV_ENABLE, 0), 'EBADF', 'ioctl');
  throwsErrno(() => f.mmap(32768), 'EBADF', 'mmap');
  throwsErrno(() => f.dup(), 'EBADF');
  throwsErrno(() => f.close(), 'EBADF', 'close');
});

test('thread tracing is on only while an instance is enabled, compares only for CMP', () => {
  assert.deepEqual([...rt.tracing], [0, 0]);
  const pc = enabled();
  assert.deepEqual([...rt.tracing], [1, 0]);
  pc.f.ioctl(KCOV_DISABLE, 0);
  const cmp = enabled(4096, KCOV_TRACE_CMP);
  assert.deepEqual([...rt.tracing], [0, 1]);
  mod.hit(1); // blocks are not traced in CMP mode
  assert.equal(tracedCompare(mod.handle, 0, 3, 4, 0), false);
  cmp.f.ioctl(KCOV_DISABLE, 0);
  assert.deepEqual([...rt.tracing], [0, 0]);
  assert.equal(cmp.area[0], 1n);
  assert.equal(cmp.area[1], BigInt(KCOV_CMP_SIZE(0)));
});

test('an area that cannot be allocated gives ENOMEM and changes nothing', () => {
  // Run in a child whose address space is capped below the 2 GiB the largest area needs.
  const helpers = new URL('./helpers.js', import.meta.url).href;
  const index = new URL('../../src/index.js', import.meta.url).href;
  const script = `
    const h = await import(${JSON.stringify(helpers)});
    const k = await import(${JSON.stringify(index)});
    h.fakeModule(h.setupRuntime(), 1);
    const f = k.open();
    try { f.ioctl(k.KCOV_INIT_TRACE, 268435455); console.log('ok'); } catch (e) { console.log(e.code); }
    f.ioctl(k.KCOV_INIT_TRACE, 4096);
    console.log(f.mmap(32768).length);`;
  const r = spawnSync('sh', ['-c', `ulimit -v 2000000 && exec "${process.execPath}" --input-type=module -e "$0"`, script], {
    encoding: 'utf8',
  });
  assert.equal(r.stderr, '');
  assert.deepEqual(r.stdout.trim().split('\n'), ['ENOMEM', '4096']);
});

/** Encodes a pair and returns [type, arg1, arg2] with the halves joined. */
function enc(a: unknown, b: unknown): [number, bigint, bigint] | null {
  const t = encodeOperands(a, b);
  if (t < 0) return null;
  const h = operandHalves;
  return [t, (BigInt(h[1]!) << 32n) | BigInt(h[0]!), (BigInt(h[3]!) << 32n) | BigInt(h[2]!)];
}

test('operand encoding: widths, two\'s complement at the record width, bigints, booleans', () => {
  assert.deepEqual(enc(255, 0), [KCOV_CMP_SIZE(0), 255n, 0n]);
  assert.deepEqual(enc(256, 0), [KCOV_CMP_SIZE(1), 256n, 0n]);
  assert.deepEqual(enc(-1, 1), [KCOV_CMP_SIZE(0), 0xffn, 1n]);
  assert.deepEqual(enc(-129, 0), [KCOV_CMP_SIZE(1), 0xff7fn, 0n]);
  assert.deepEqual(enc(-1, 2 ** 31), [KCOV_CMP_SIZE(2), 0xffffffffn, 2n ** 31n]);
  assert.deepEqual(enc(-1, 2 ** 32), [KCOV_CMP_SIZE(3), 2n ** 64n - 1n, 2n ** 32n]);
  assert.deepEqual(enc(-(2 ** 63), 0), [KCOV_CMP_SIZE(3), 2n ** 63n, 0n]);
  assert.deepEqual(enc(2n ** 64n - 1n, -1n), [KCOV_CMP_SIZE(3), 2n ** 64n - 1n, 2n ** 64n - 1n]);
  assert.deepEqual(enc(true, 0n), [KCOV_CMP_SIZE(0), 1n, 0n]);
  assert.equal(enc(2 ** 64, 0), null);
  assert.equal(enc(2n ** 64n, 0), null);
  assert.equal(enc(0.5, 0), null);
  assert.equal(enc(null, 0), null);
  assert.equal(enc(undefined, undefined), null);
  assert.equal(enc('a', {}), null);
  assert.equal(enc('a', Symbol('a')), null);
});

test('operand encoding: strings keep their first 8 UTF-8 bytes, little-endian', () => {
  assert.deepEqual(enc('', 'abcdefghij'), [KCOVJS_CMP_STRING, 0n, Buffer.from('abcdefgh').readBigUInt64LE(0)]);
  assert.deepEqual(enc('1234567😀', 10n), [KCOVJS_CMP_STRING, Buffer.from('1234567\0').readBigUInt64LE(0), 0x3031n]);
  assert.deepEqual(enc('ab😀', true), [
    KCOVJS_CMP_STRING, Buffer.from('ab😀\0\0').readBigUInt64LE(0), Buffer.from('true\0\0\0\0').readBigUInt64LE(0),
  ]);
});

test('a CONST switch over a non-primitive discriminant gives no records', () => {
  const m = fakeModule(rt, 1, [{ kind: 8, constMask: 0, cases: [1, 'x'] }]);
  const { f, area } = enabled(4096, KCOV_TRACE_CMP);
  const obj = { toString(): string { throw new Error('must not be called'); } };
  assert.equal(m.handle.w(obj, 0), obj);
  assert.equal(m.handle.w('x', 0), 'x');
  f.ioctl(KCOV_DISABLE, 0);
  assert.equal(area[0], 2n); // 'x' vs 1 (as "1") and 'x' vs 'x'
  assert.equal(area[1], BigInt(KCOVJS_CMP_STRING | KCOV_CMP_CONST));
  assert.deepEqual(f.cmpOperands(1), ['x', 'x']);
});

test('unique mode: seen blocks are skipped, and a consumer that zeroes the bitmap by hand gets them again', () => {
  const m = fakeModule(rt, 4);
  const W = 256; // bitmap words: 16384 bits, enough for every fake module of this file
  assert.ok(rt.modules[rt.modules.length - 1]!.entry.dense + 4 <= W * 64);
  const { f, area } = initMapped(512);
  f.ioctl(KCOV_UNIQUE_ENABLE, W);
  const trace = () => [...area.subarray(W + 1, W + 1 + Number(area[W]))];
  area[W] = 0n;
  m.hit(1);
  m.hit(2);
  m.hit(1);
  m.hit(2);
  assert.deepEqual(trace(), [m.pc(1), m.pc(2)]);
  // The consumer resets by zeroing the bitmap words and the trace count, with no ioctl.
  area.fill(0n, 0, W + 1);
  m.hit(2);
  m.hit(2);
  assert.deepEqual(trace(), [m.pc(2)]);
  // A second enabled instance on the thread turns the runtime's shortcut off; results agree.
  const other = runTask(async () => {
    const o = initMapped(512);
    o.f.ioctl(KCOV_UNIQUE_ENABLE, W);
    m.hit(2);
    m.hit(3);
    m.hit(3);
    await Promise.resolve();
    return [...o.area.subarray(W + 1, W + 1 + Number(o.area[W]))];
  });
  return other.then((seenByOther) => {
    assert.deepEqual(seenByOther, [m.pc(2), m.pc(3)]);
    m.hit(2);
    m.hit(3);
    m.hit(3);
    assert.deepEqual(trace(), [m.pc(2), m.pc(3)]);
    f.close();
  });
});
