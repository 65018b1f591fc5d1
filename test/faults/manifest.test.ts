/**
 * A corrupt or concurrently written PC manifest is detected, never used silently.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Manifest, ManifestError, readIndex } from '../../src/runtime/manifest.js';
import { REGISTER, REGISTER_FILE, ROOT, childEnv, pool, runNode } from '../differential/proc.js';

const VALID = path.join(ROOT, 'test', 'faults', 'fixtures', 'valid.cjs');
const skip = fs.existsSync(REGISTER_FILE) ? false : 'the loader is not built';

function tempManifest(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kcovjs-manifest-')), 'manifest.json');
}

function runWith(manifest: string, file = VALID): ReturnType<typeof runNode> {
  return runNode(['--import', REGISTER, file], {
    env: childEnv({ KCOVJS_ROOT: ROOT, KCOVJS_FILTER: 'test/faults/**', KCOVJS_MANIFEST: manifest }),
  });
}

const table = (blocks: number): string => JSON.stringify({ b: new Array(blocks * 5).fill(1), s: [], c: {}, l: [] });

test('a manifest that is not JSON, or has the wrong shape, stops the program with a clear error', { skip }, async () => {
  const shapes: Array<[string, string]> = [
    ['truncated write', '{"version":1,"denseNext":64,"files":[{"path":"a.js","hash":"ab'],
    ['not an object', '42'],
    ['wrong version', JSON.stringify({ version: 99, denseNext: 0, files: [] })],
    ['overlapping ranges', JSON.stringify({ version: 1, denseNext: 128, files: [
      { path: 'a.js', hash: 'a', base: 0, capacity: 64, blocks: 1, sites: 0, dense: 0 },
      { path: 'b.js', hash: 'b', base: 32, capacity: 64, blocks: 1, sites: 0, dense: 64 }] })],
    ['duplicate path', JSON.stringify({ version: 1, denseNext: 128, files: [
      { path: 'a.js', hash: 'a', base: 0, capacity: 64, blocks: 1, sites: 0, dense: 0 },
      { path: 'a.js', hash: 'b', base: 64, capacity: 64, blocks: 1, sites: 0, dense: 64 }] })],
  ];
  for (const [what, text] of shapes) {
    const manifest = tempManifest();
    fs.writeFileSync(manifest, text);
    assert.throws(() => readIndex(manifest), ManifestError, what);
    const r = await runWith(manifest);
    assert.notEqual(r.code, 0, `${what}: the program ran on a corrupt manifest`);
    assert.match(r.stderr, /manifest .* is corrupt/, `${what}: no clear error:\n${r.stderr}`);
    assert.doesNotMatch(r.stdout, /result/, `${what}: the program's code ran with made-up PCs`);
    assert.equal(fs.readFileSync(manifest, 'utf8'), text, `${what}: the corrupt manifest was overwritten`);
  }
});

test('a block table that does not match its manifest entry is reported', () => {
  const manifest = new Manifest(tempManifest());
  const entry = manifest.place({ relPath: 'x.js', hash: 'h1', blocks: 3, sites: 0, tableJson: table(3) });
  assert.equal(manifest.table(entry).b.length, 15);
  fs.writeFileSync(manifest.tablePath('h1'), table(2));
  assert.throws(() => manifest.table(entry), /does not match the manifest entry/);
  fs.writeFileSync(manifest.tablePath('h1'), '{"b": [');
  assert.throws(() => manifest.table(entry), /missing or corrupt/);
});

test('processes registering files at once leave a valid manifest with every file in its own slots', { skip }, async () => {
  const manifest = tempManifest();
  const dir = fs.mkdtempSync(path.join(ROOT, 'test', 'faults', 'fixtures', 'tmp-'));
  try {
    const files = Array.from({ length: 6 }, (_, i) => {
      const f = path.join(dir, `m${i}.cjs`);
      fs.writeFileSync(f, `let s = 0;\nfor (let i = 0; i < ${i + 2}; i++) { if (i % 2) s += i; else s--; }\nconsole.log(s);\n`);
      return f;
    });
    const runs = await pool(files, 3, (f) => runWith(manifest, f));
    for (const r of runs) assert.equal(r.code, 0, r.stderr);
    const index = readIndex(manifest);
    const rel = files.map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
    assert.deepEqual(index.files.map((e) => e.path).filter((p) => rel.includes(p)).sort(), [...rel].sort());
    const ranges = index.files.map((e) => [e.base, e.base + e.capacity] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < ranges.length; i++) assert.ok(ranges[i]![0] >= ranges[i - 1]![1], 'overlapping slot ranges');
    assert.ok(!fs.existsSync(`${manifest}.lock`), 'a lock file was left behind');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a lock left by a dead process is broken; entries already placed never move', () => {
  const file = tempManifest();
  const m = new Manifest(file);
  const first = m.place({ relPath: 'a.js', hash: 'h1', blocks: 4, sites: 1, tableJson: table(4) });
  fs.writeFileSync(`${file}.lock`, '');
  const old = new Date(Date.now() - 60_000);
  fs.utimesSync(`${file}.lock`, old, old);
  const other = new Manifest(file).place({ relPath: 'b.js', hash: 'h2', blocks: 2, sites: 0, tableJson: table(2) });
  assert.notEqual(other.base, first.base);
  const again = new Manifest(file).place({ relPath: 'a.js', hash: 'h1', blocks: 4, sites: 1, tableJson: table(4) });
  assert.deepEqual(again, first);
});
