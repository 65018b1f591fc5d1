import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Manifest, ManifestError, readIndex } from '../../src/runtime/manifest.js';
import { PC_SLOTS, PC_BASE, PC_LIMIT } from '../../src/abi/constants.js';
import { Worker } from 'node:worker_threads';

function tmpManifest(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kcovjs-manifest-')), 'manifest.json');
}

function tableJson(blocks: number, sites = 0): string {
  const b: number[] = [];
  for (let i = 0; i < blocks; i++) b.push(i + 1, 0, i + 1, 10, 1);
  const s: number[] = [];
  for (let i = 0; i < sites; i++) s.push(1, 0, 1, 5, 0, 0);
  return JSON.stringify({ b, s, c: {}, l: [] });
}

function place(m: Manifest, relPath: string, blocks: number, sites = 0, hash = `h-${relPath}-${blocks}`) {
  return m.place({ relPath, hash, blocks, sites, tableJson: tableJson(blocks, sites) });
}

test('placement does not depend on load order', () => {
  const files = Array.from({ length: 40 }, (_, i) => [`src/file${i}.js`, 5 + ((i * 37) % 300)] as const);
  const a = new Manifest(tmpManifest());
  const b = new Manifest(tmpManifest());
  const inA = new Map(files.map(([p, n]) => [p, place(a, p, n).base]));
  const inB = new Map([...files].reverse().map(([p, n]) => [p, place(b, p, n).base]));
  assert.deepEqual(new Map([...inB].sort()), new Map([...inA].sort()));
});

test('slot ranges never overlap and stay inside the PC range', () => {
  const m = new Manifest(tmpManifest());
  for (let i = 0; i < 200; i++) place(m, `lib/${i}.js`, 1 + ((i * 7919) % 5000), i % 3);
  const ranges = m.entries().map((e) => [e.base, e.base + e.capacity]).sort((x, y) => x[0]! - y[0]!);
  for (let i = 1; i < ranges.length; i++) assert.ok(ranges[i]![0]! >= ranges[i - 1]![1]!, 'ranges overlap');
  for (const [s, e] of ranges) {
    assert.ok(s! >= 0 && e! <= PC_SLOTS);
    const first = PC_BASE + 8n * BigInt(s!);
    assert.ok(first >= PC_BASE && first < PC_LIMIT);
  }
  // Dense indices are disjoint too.
  const dense = m.entries().map((e) => [e.dense, e.dense + e.blocks]).sort((x, y) => x[0]! - y[0]!);
  for (let i = 1; i < dense.length; i++) assert.ok(dense[i]![0]! >= dense[i - 1]![1]!);
});

test('a second manifest object reads back the same entries', () => {
  const file = tmpManifest();
  const a = new Manifest(file);
  const e1 = place(a, 'a.js', 10, 2);
  const b = new Manifest(file);
  const e2 = place(b, 'a.js', 10, 2);
  assert.deepEqual(e2, e1);
  assert.equal(b.table(e2).b.length, 50);
});

test('a changed file that still fits keeps its slots; one that grows past them moves', () => {
  const m = new Manifest(tmpManifest());
  const first = place(m, 'x.js', 10, 0, 'v1');
  const edited = place(m, 'x.js', 12, 0, 'v2');
  assert.equal(edited.base, first.base);
  assert.equal(edited.hash, 'v2');
  const grown = place(m, 'x.js', first.capacity + 1, 0, 'v3');
  assert.equal(grown.hash, 'v3');
  assert.ok(grown.capacity > first.capacity);
  assert.equal(m.entries().filter((e) => e.path === 'x.js').length, 1);
});

test('a corrupt manifest is reported, not guessed at', () => {
  const file = tmpManifest();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '{"version":1,"denseNext":0,"files":[{"path":"a.js"');
  assert.throws(() => readIndex(file), (e: unknown) => e instanceof ManifestError && /corrupt/.test(e.message));
  fs.writeFileSync(file, JSON.stringify({ version: 1, denseNext: 100, files: [
    { path: 'a.js', hash: 'x', base: 0, capacity: 64, blocks: 3, sites: 0, dense: 0 },
    { path: 'b.js', hash: 'y', base: 10, capacity: 64, blocks: 3, sites: 0, dense: 64 },
  ] }));
  assert.throws(() => new Manifest(file).entries(), /overlapping/);
  fs.writeFileSync(file, JSON.stringify({ version: 99, denseNext: 0, files: [] }));
  assert.throws(() => new Manifest(file).entries(), /version/);
});

test('a block table that does not match its entry is reported', () => {
  const m = new Manifest(tmpManifest());
  const e = place(m, 'a.js', 4);
  fs.writeFileSync(m.tablePath(e.hash), JSON.stringify({ b: [1, 2, 3], s: [], c: {}, l: [] }));
  assert.throws(() => m.table(e), /does not match/);
});

test('threads placing files at once agree and leave a valid manifest', async () => {
  const file = tmpManifest();
  const manifestModule = new URL('../../src/runtime/manifest.js', import.meta.url).href;
  const code = `
    const { workerData, parentPort } = require('node:worker_threads');
    import(workerData.mod).then(({ Manifest }) => {
      const m = new Manifest(workerData.file);
      const out = {};
      for (let i = 0; i < 30; i++) {
        const p = 'f' + ((i * 7 + workerData.k) % 30) + '.js';
        const b = [1, 0, 1, 1, 1];
        out[p] = m.place({ relPath: p, hash: 'h' + p, blocks: 1, sites: 0, tableJson: JSON.stringify({ b, s: [], c: {}, l: [] }) }).base;
      }
      parentPort.postMessage(out);
    });`;
  const results = await Promise.all([0, 1, 2, 3].map((k) => new Promise<Record<string, number>>((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { file, mod: manifestModule, k } });
    w.once('message', resolve);
    w.once('error', reject);
  })));
  for (const r of results.slice(1)) assert.deepEqual(r, results[0]);
  assert.equal(readIndex(file).files.length, 30);
});
