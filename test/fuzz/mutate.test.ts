import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Mutator, toAscii, replaceRange, indexOfFrom } from '../../src/fuzz/mutate.js';
import { Rng } from '../../src/fuzz/rng.js';
import { Dictionary } from '../../src/fuzz/dict.js';
import { CmpTable } from '../../src/fuzz/cmp.js';

function sources(other?: Uint8Array) {
  return {
    manual: new Dictionary(16), auto: new Dictionary(16), autoShort: new Dictionary(16), persistent: new Dictionary(16), cmp: new CmpTable(),
    localCmp: (): CmpTable | undefined => undefined,
    other: () => other,
  };
}

test('Rng is deterministic per seed and in range', () => {
  const a = new Rng(42);
  const b = new Rng(42);
  const c = new Rng(43);
  const sa = Array.from({ length: 20 }, () => a.u32());
  assert.deepEqual(sa, Array.from({ length: 20 }, () => b.u32()));
  assert.notDeepEqual(sa, Array.from({ length: 20 }, () => c.u32()));
  for (let i = 0; i < 1000; i++) {
    const v = a.below(7);
    assert.ok(v >= 0 && v < 7 && Number.isInteger(v));
  }
});

test('mutations stay within max length and change the input', () => {
  const m = new Mutator(new Rng(1), sources(Buffer.from('other input')));
  const buf = new Uint8Array(64);
  let changed = 0;
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    buf.set(Buffer.from('hello world 123'));
    const n = m.mutate(buf, 15, 64);
    assert.ok(n >= 1 && n <= 64, `size ${n}`);
    assert.ok(m.lastSequence.length >= 1);
    for (const s of m.lastSequence) seen.add(s);
    if (Buffer.compare(buf.subarray(0, n), Buffer.from('hello world 123')) !== 0) changed++;
  }
  assert.ok(changed > 1800, `changed ${changed}`);
  for (const name of ['EraseBytes', 'InsertByte', 'ChangeBit', 'ChangeASCIIInt', 'CrossOver', 'CopyPart']) {
    assert.ok(seen.has(name), `never used ${name}`);
  }
});

test('an empty input grows and max length 1 is honoured', () => {
  const m = new Mutator(new Rng(5), sources());
  const buf = new Uint8Array(1);
  for (let i = 0; i < 200; i++) assert.equal(m.mutate(buf, 0, 1) <= 1, true);
});

test('dictionary words get inserted', () => {
  const src = sources();
  src.manual.add(Buffer.from('MAGICWORD'));
  const m = new Mutator(new Rng(3), src);
  const buf = new Uint8Array(128);
  let hits = 0;
  for (let i = 0; i < 500; i++) {
    buf.fill(0x61, 0, 20);
    const n = m.mutate(buf, 20, 128);
    if (Buffer.from(buf.subarray(0, n)).includes('MAGICWORD')) hits++;
  }
  assert.ok(hits > 10, `hits ${hits}`);
});

test('CMP pairs drive input-to-state replacement', () => {
  const src = sources();
  src.cmp.addStrings('abcd', '__proto__');
  const m = new Mutator(new Rng(9), src);
  const buf = new Uint8Array(64);
  let replaced = 0;
  for (let i = 0; i < 400; i++) {
    buf.set(Buffer.from('xxabcdyy'));
    const n = m.mutate(buf, 8, 64);
    const s = Buffer.from(buf.subarray(0, n)).toString('latin1');
    if (s.includes('xx__proto__yy')) replaced++;
  }
  assert.ok(replaced > 5, `replaced ${replaced}`);
});

test('only_ascii keeps bytes printable', () => {
  const m = new Mutator(new Rng(11), sources(), true);
  const buf = new Uint8Array(64);
  for (let i = 0; i < 300; i++) {
    buf.set([0, 200, 65, 10]);
    const n = m.mutate(buf, 4, 64);
    for (const c of buf.subarray(0, n)) assert.ok((c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13, String(c));
  }
  const d = Uint8Array.from([0x00, 0xc1, 0x0a]);
  toAscii(d, 3);
  assert.deepEqual([...d], [0x20, 0x41, 0x0a]);
});

test('replaceRange and indexOfFrom', () => {
  const d = new Uint8Array(16);
  d.set(Buffer.from('abcdef'));
  assert.equal(replaceRange(d, 6, 16, 1, 3, Buffer.from('XYZW')), 8);
  assert.equal(Buffer.from(d.subarray(0, 8)).toString(), 'aXYZWdef');
  assert.equal(replaceRange(d, 8, 9, 0, 1, Buffer.from('123')), 0);
  assert.equal(indexOfFrom(d, 8, Buffer.from('de'), 7), 5);
  assert.equal(indexOfFrom(d, 8, Buffer.from('qq'), 0), -1);
});
