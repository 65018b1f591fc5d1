import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FuzzedDataProvider } from '../../src/index.js';

test('integers come from the end, bytes from the front', () => {
  const p = new FuzzedDataProvider(Buffer.from([1, 2, 3, 4, 0x12, 0x34]));
  assert.equal(p.consumeIntegral(2), 0x3412);
  assert.deepEqual([...p.consumeBytes(2)], [1, 2]);
  assert.equal(p.remainingBytes, 2);
  assert.equal(p.consumeIntegral(1, true), 4);
  assert.deepEqual([...p.consumeRemainingAsBytes()], [3]);
  assert.equal(p.consumeIntegral(4), 0);
  assert.equal(p.consumeBoolean(), false);
  assert.equal(p.consumeString(10), '');
});

test('signed integrals use two\'s complement of the bytes read', () => {
  assert.equal(new FuzzedDataProvider(Buffer.from([0xff])).consumeIntegral(1, true), -1);
  assert.equal(new FuzzedDataProvider(Buffer.from([0x00, 0x80])).consumeIntegral(2, true), -32768);
  assert.equal(new FuzzedDataProvider(Buffer.from([0xff, 0xff])).consumeBigIntegral(8, true), -1n);
  assert.equal(new FuzzedDataProvider(Buffer.alloc(8, 0xff)).consumeBigIntegral(8), 2n ** 64n - 1n);
});

test('ranges are respected for every input', () => {
  for (let seed = 0; seed < 300; seed++) {
    const bytes = Buffer.from([seed & 0xff, (seed * 7) & 0xff, (seed * 13) & 0xff, seed >> 8]);
    const p = new FuzzedDataProvider(bytes);
    const v = p.consumeIntegralInRange(-5, 17);
    assert.ok(v >= -5 && v <= 17, String(v));
    const f = new FuzzedDataProvider(bytes).consumeNumberInRange(-1e308, 1e308);
    assert.ok(f >= -1e308 && f <= 1e308 && Number.isFinite(f));
    const pr = new FuzzedDataProvider(bytes).consumeProbability();
    assert.ok(pr >= 0 && pr <= 1);
  }
});

test('strings: utf8, latin1, utf16le with lone surrogates, printable', () => {
  const take = (bytes: number[], enc: 'utf8' | 'latin1' | 'utf16le', printable = false): string =>
    new FuzzedDataProvider(Buffer.from(bytes)).consumeRemainingAsString(enc, printable);
  assert.equal(take([0xc3, 0xa9], 'utf8'), 'é');
  assert.equal(take([0xc3, 0xa9], 'latin1'), '\u00c3\u00a9');
  const s = take([0x00, 0xd8, 0x41, 0x00], 'utf16le');
  assert.equal(s.length, 2);
  assert.equal(s.charCodeAt(0), 0xd800);
  assert.equal(/[\ud800-\udbff](?![\udc00-\udfff])/.test(s), true); // a lone high surrogate
  assert.match(take([0, 1, 0xff, 0x80, 10], 'utf8', true), /^[\x20-\x7e]{5}$/);
  const bounded = new FuzzedDataProvider(Buffer.from('abcdefgh\x03')).consumeString(100, 'latin1');
  assert.equal(bounded, 'abc');
});

test('pickValue, arrays and bad arguments', () => {
  const p = new FuzzedDataProvider(Buffer.from([5, 1, 1, 1, 1]));
  assert.equal(['a', 'b', 'c'].includes(p.pickValue(['a', 'b', 'c'])), true);
  assert.equal(p.consumeBooleans(3).length, 3);
  assert.throws(() => p.consumeString(1.5), RangeError);
  assert.throws(() => p.consumeIntegral(7), RangeError);
  assert.throws(() => p.pickValue([]), RangeError);
  assert.throws(() => p.consumeIntegralInRange(3, 2), RangeError);
  assert.throws(() => new FuzzedDataProvider('text' as unknown as Buffer), TypeError);
});

test('consumeNumber reads 8 bytes as a double', () => {
  const b = Buffer.alloc(8);
  b.writeDoubleBE(-2.5); // read back to front = little-endian of the reversed bytes
  assert.equal(new FuzzedDataProvider(b).consumeNumber(), -2.5);
});
