import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CmpTable, encodeInt } from '../../src/fuzz/cmp.js';
import { Rng } from '../../src/fuzz/rng.js';

const hex = (s: string): string => Buffer.from(s).toString('hex');
const show = (t: CmpTable, rng: Rng, n = 600): Set<string> => {
  const out = new Set<string>();
  for (let i = 0; i < n; i++) {
    const p = t.pick(rng)!;
    out.add(`${Buffer.from(p.a).toString('hex')}>${Buffer.from(p.b).toString('hex')}`);
  }
  return out;
};

test('numbers give decimal text and binary encodings, both directions without an input', () => {
  const t = new CmpTable();
  t.addNumbers(7, 0x4a584c20, 4);
  const pairs = show(t, new Rng(1));
  assert.ok(pairs.has(`${hex('7')}>${hex(String(0x4a584c20))}`));
  assert.ok(pairs.has(`${hex(String(0x4a584c20))}>${hex('7')}`));
  assert.ok(pairs.has('07000000>204c584a'));
  assert.ok(pairs.has('00000007>4a584c20'));
  assert.equal(t.size, 6);
});

test('a table for one input keeps only directions whose operand occurs in it', () => {
  const input = Buffer.from('GET /x HTTP/1.1 \x21');
  const t = new CmpTable(64, input);
  t.addStrings('POST', 'GET');
  t.addStrings('nothere', 'neither');
  t.addNumbers(0x21, 0x3c, 1); // '!' vs '<' as char codes
  const pairs = show(t, new Rng(3));
  assert.ok(pairs.has(`${hex('GET')}>${hex('POST')}`));
  assert.ok(!pairs.has(`${hex('POST')}>${hex('GET')}`));
  assert.ok(pairs.has('21>3c'));
  assert.ok([...pairs].every((p) => input.includes(Buffer.from(p.split('>')[0]!, 'hex'))));
});

test('a sealed table keeps its pairs and takes no more', () => {
  const t = new CmpTable(8, Buffer.from('abc'));
  t.addStrings('abc', 'xyz');
  t.seal();
  t.addStrings('abc', 'other');
  assert.equal(t.size, 1);
  assert.deepEqual([...show(t, new Rng(5), 20)], [`${hex('abc')}>${hex('xyz')}`]);
});

test('equal, duplicate and oversized operands are dropped; capacity evicts oldest', () => {
  const t = new CmpTable(2);
  t.addStrings('same', 'same');
  t.addNumbers(3, 3, 8);
  assert.equal(t.size, 0);
  assert.equal(t.addBytes(Buffer.from('a'), Buffer.from('b')), true);
  assert.equal(t.addBytes(Buffer.from('a'), Buffer.from('b')), false);
  assert.equal(t.addBytes(Buffer.alloc(200), Buffer.from('b')), false);
  assert.equal(t.size, 2);
  t.addStrings('c', 'd');
  const pairs = show(t, new Rng(2), 100);
  assert.deepEqual([...pairs].sort(), [`${hex('c')}>${hex('d')}`, `${hex('d')}>${hex('c')}`]);
});

test('encodeInt: two\'s complement, endianness and range', () => {
  assert.deepEqual([...encodeInt(-1, 2, true)!], [0xff, 0xff]);
  assert.deepEqual([...encodeInt(0x1234, 2, false)!], [0x12, 0x34]);
  assert.equal(encodeInt(256, 1, true), null);
  assert.equal(encodeInt(1, 3, true), null);
  assert.deepEqual([...encodeInt(2 ** 40, 8, true)!], [0, 0, 0, 0, 0, 1, 0, 0]);
});
