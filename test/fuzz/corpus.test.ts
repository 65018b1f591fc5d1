import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Corpus, readInputs, sha1 } from '../../src/fuzz/corpus.js';
import { removeStaleTemporaries, writeFileAtomic } from '../../src/runtime/atomic-file.js';
import { FeatureMap, bucketOf } from '../../src/fuzz/features.js';

const tmpDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'kcovjs-corpus-'));

test('writeFileAtomic leaves only the final file, replacing old content', () => {
  const dir = tmpDir();
  const f = path.join(dir, 'x');
  writeFileAtomic(f, Buffer.from('one'));
  writeFileAtomic(f, Buffer.from('two'));
  assert.equal(fs.readFileSync(f, 'utf8'), 'two');
  assert.deepEqual(fs.readdirSync(dir), ['x']);
  assert.throws(() => writeFileAtomic(path.join(dir, 'missing', 'y'), Buffer.from('z')));
});

test('removeStaleTemporaries removes what dead writers left, not live writers\' files', () => {
  const dir = tmpDir();
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
  fs.writeFileSync(path.join(dir, `.abc.${dead}.0123abcd.tmp`), 'partial');
  fs.writeFileSync(path.join(dir, `.abc.${process.pid}.89abcdef.tmp`), 'in flight');
  fs.writeFileSync(path.join(dir, 'abc'), 'whole');
  assert.equal(removeStaleTemporaries(dir), 1);
  assert.deepEqual(fs.readdirSync(dir).sort(), [`.abc.${process.pid}.89abcdef.tmp`, 'abc']);
});

test('readInputs skips dot files (in-flight temporaries), truncates and tracks what was read', () => {
  const dir = tmpDir();
  fs.writeFileSync(path.join(dir, 'a'), 'abcdef');
  fs.writeFileSync(path.join(dir, '.a.123.tmp'), 'partial');
  fs.mkdirSync(path.join(dir, 'sub'));
  const seen = new Set<string>();
  const got = readInputs([dir], 4, seen);
  assert.deepEqual(got.map((g) => [path.basename(g.file), g.data.toString()]), [['a', 'abcd']]);
  fs.writeFileSync(path.join(dir, 'b'), 'b');
  assert.deepEqual(readInputs([dir], 4, seen).map((g) => path.basename(g.file)), ['b']);
  assert.throws(() => readInputs([path.join(dir, 'nope')], 4), /does not exist/);
});

test('Corpus writes new inputs under their sha1 and reduces to smaller equivalents', () => {
  const dir = tmpDir();
  const c = new Corpus(dir);
  const big = Buffer.from('a big input');
  const feats = Int32Array.from([1, 5, 9]);
  const e = c.add(big, feats)!;
  assert.equal(e.name, sha1(big));
  assert.deepEqual(fs.readdirSync(dir), [sha1(big)]);
  assert.equal(c.add(big, feats), undefined);
  assert.equal(c.reduce(Buffer.from('a much bigger input'), Int32Array.from([1, 5, 9])), undefined);
  assert.equal(c.reduce(Buffer.from('sm'), Int32Array.from([1, 5])), undefined);
  const r = c.reduce(Buffer.from('sm'), Int32Array.from([1, 5, 9]));
  assert.equal(r, e);
  assert.deepEqual(fs.readdirSync(dir), [sha1(Buffer.from('sm'))]);
  assert.equal(c.entries.length, 1);
  assert.equal(c.bytes, 2);
});

function trace(slots: number[]): Uint32Array {
  const u = new Uint32Array(2 + slots.length * 2);
  slots.forEach((s, i) => {
    u[2 + 2 * i] = 0x80000000 + 8 * s;
    u[3 + 2 * i] = 0xffffffff;
  });
  return u;
}

test('FeatureMap: blocks, edges and hit-count buckets are new exactly once', () => {
  const f = new FeatureMap();
  const t1 = trace([1, 2, 3]);
  assert.ok(f.collect(t1, 1, 3, true) > 0);
  f.commit();
  assert.equal(f.blocks, 3);
  assert.equal(f.collect(t1, 1, 3, true), 0);
  // Same blocks, new edge 3->1.
  assert.ok(f.collect(trace([1, 2, 3, 1]), 1, 4, true) > 0);
  f.commit();
  // Same blocks and edges, but block 1 now runs in a new bucket (4-7 times).
  const many = trace([1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1]);
  assert.ok(f.collect(many, 1, 13, true) > 0);
  f.commit();
  assert.equal(f.blocks, 3);
  // Unique mode: a set of PCs, no edges or buckets.
  assert.equal(f.collect(trace([3, 2]), 1, 2, false), 0);
  assert.equal(f.collect(trace([7]), 1, 1, false), 1);
  assert.deepEqual(f.lastFeatures().length, 1);
  assert.deepEqual([1, 2, 3, 4, 7, 8, 15, 16, 31, 32, 127, 128, 1000].map(bucketOf), [1, 2, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8]);
});
