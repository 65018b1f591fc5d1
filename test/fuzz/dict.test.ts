import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDictionary, DictionaryError, literalEntries, Dictionary } from '../../src/fuzz/dict.js';

test('parses named and unnamed entries, comments and escapes', () => {
  const text = [
    '# a comment',
    '',
    'kw1="foo"',
    '  "bar baz"  ',
    'hex="\\x41\\x00\\xff"',
    'q="a\\"b\\\\c"',
  ].join('\n');
  const d = parseDictionary(text);
  assert.deepEqual(d.map((b) => [...b]), [
    [...Buffer.from('foo')],
    [...Buffer.from('bar baz')],
    [0x41, 0x00, 0xff],
    [...Buffer.from('a"b\\c')],
  ]);
});

test('rejects bad lines with the line number', () => {
  assert.throws(() => parseDictionary('"ok"\nnoquotes'), (e: unknown) => e instanceof DictionaryError && e.line === 2);
  assert.throws(() => parseDictionary('"bad \\n escape"'), /bad escape/);
  assert.throws(() => parseDictionary('"\\xZZ"'), /bad \\x escape/);
  assert.throws(() => parseDictionary('""'), /empty entry/);
  assert.throws(() => parseDictionary('"unterminated'), DictionaryError);
});

test('literal entries: strings as utf8, interesting numbers as decimal text, char codes as chars', () => {
  const e = literalEntries(['JXL ', 3, 1234, 'é', '', 2.5, 0x3c]).map((b) => b.toString('utf8'));
  assert.deepEqual(e, ['JXL ', '1234', 'é', '2.5', '<', '60']);
});

test('Dictionary de-duplicates and respects capacity', () => {
  const d = new Dictionary(2);
  assert.equal(d.add(Buffer.from('a')), true);
  assert.equal(d.add(Buffer.from('a')), false);
  assert.equal(d.add(Buffer.from('b')), true);
  assert.equal(d.add(Buffer.from('c')), false); // full, no replacement policy given
  assert.equal(d.add(Buffer.from('c'), () => 0), true);
  assert.deepEqual(d.entries.map((b) => b.toString()), ['c', 'b']);
  assert.equal(d.add(Buffer.from('a'), () => 0), true); // 'a' was evicted, so it is new again
});
