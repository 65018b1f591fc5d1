/**
 * The coverage recorder writes one file per thread from every way a thread can end:
 * normal exit, an uncaught exception, process.exit(), a signal, and in a worker thread.
 * Each case runs a real child process that registers a module the way instrumented code
 * does and bumps its counters.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { Runtime } from '../../src/runtime/registry.js';
import { snapshotCoverage, startCoverageRecorder, type CoverageFile } from '../../src/loader/coverage-recorder.js';

const distSrc = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../src');
const TABLE = JSON.stringify({ b: [1, 0, 1, 5, 1, 2, 0, 2, 5, 1, 3, 0, 3, 5, 1], s: [], c: {}, l: [] });

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kcovjs-rec-'));
}

function readDir(dir: string): CoverageFile[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CoverageFile);
}

/** A child script: registers `a.js` with 3 blocks, hits block 0 twice and block 2 once, then `ending`. */
function script(root: string, covDir: string, ending: string, prelude = ''): string {
  const reg = pathToFileURL(path.join(distSrc, 'runtime/registry.js')).href;
  const rec = pathToFileURL(path.join(distSrc, 'loader/coverage-recorder.js')).href;
  return `
import { Runtime } from ${JSON.stringify(reg)};
import { startCoverageRecorder } from ${JSON.stringify(rec)};
${prelude}
const rt = new Runtime({ root: ${JSON.stringify(root)} });
startCoverageRecorder(rt, ${JSON.stringify(covDir)}, { intervalMs: 0 });
const k = rt.register(${JSON.stringify(path.join(root, 'a.js'))}, 'h1', 3, 0, ${JSON.stringify(TABLE)});
k.c[0] += 2; k.c[2] += 1;
${ending}
`;
}

function runChild(ending: string, prelude = ''): { files: CoverageFile[]; status: number | null; signal: string | null; stderr: string } {
  const root = tmp();
  const covDir = path.join(root, 'cov');
  const file = path.join(root, 'child.mjs');
  fs.writeFileSync(file, script(root, covDir, ending, prelude));
  const r = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 60_000 });
  return { files: fs.existsSync(covDir) ? readDir(covDir) : [], status: r.status, signal: r.signal, stderr: r.stderr };
}

function assertCounts(files: CoverageFile[]): void {
  const entries = files.flatMap((f) => f.files);
  assert.equal(entries.length, 1, JSON.stringify(files));
  assert.equal(entries[0]!.path, 'a.js');
  assert.deepEqual(entries[0]!.counts, [2, 0, 1]);
}

test('snapshot sums counters of the same file version and keeps manifest facts', () => {
  const root = tmp();
  const rt = new Runtime({ root });
  const a = rt.register(path.join(root, 'a.js'), 'h1', 3, 0, TABLE);
  const b = rt.register(path.join(root, 'a.js'), 'h1', 3, 0, TABLE);
  a.c[1] = 4;
  b.c[1] = 1;
  b.c[2] = 7;
  const snap = snapshotCoverage(rt);
  assert.equal(snap.files.length, 1);
  assert.deepEqual(snap.files[0]!.counts, [0, 5, 7]);
  assert.equal(snap.files[0]!.base, rt.modules[0]!.entry.base);
  assert.equal(snap.manifest, rt.manifest.file);
  assert.equal(snap.root, root);
});

test('flush writes atomically and stop removes the handlers', () => {
  const root = tmp();
  const rt = new Runtime({ root });
  const before = process.listenerCount('exit');
  const rec = startCoverageRecorder(rt, path.join(root, 'cov'), { intervalMs: 0, mainThread: false });
  assert.equal(process.listenerCount('exit'), before + 1);
  const k = rt.register(path.join(root, 'a.js'), 'h1', 3, 0, TABLE);
  k.c[0] = 1;
  rec.flush();
  assert.deepEqual((JSON.parse(fs.readFileSync(rec.file, 'utf8')) as CoverageFile).files[0]!.counts, [1, 0, 0]);
  k.c[2] = 3;
  rec.stop();
  assert.equal(process.listenerCount('exit'), before);
  assert.deepEqual((JSON.parse(fs.readFileSync(rec.file, 'utf8')) as CoverageFile).files[0]!.counts, [1, 0, 3]);
  assert.deepEqual(fs.readdirSync(path.dirname(rec.file)).filter((f) => f.endsWith('.tmp')), []);
});

test('a bad flush interval is a clear error', () => {
  const root = tmp();
  assert.throws(() => startCoverageRecorder(new Runtime({ root }), root, { intervalMs: -1 }), /KCOVJS_COVERAGE_INTERVAL_MS/);
});

test('normal exit writes the counters', () => {
  const r = runChild('');
  assert.equal(r.status, 0, r.stderr);
  assertCounts(r.files);
});

test('an uncaught exception still writes the counters and keeps exit code 1', () => {
  const r = runChild(`throw new Error('boom');`);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /boom/);
  assertCounts(r.files);
});

test('process.exit() writes the counters and keeps the exit code', () => {
  const r = runChild(`process.exit(7);`);
  assert.equal(r.status, 7);
  assertCounts(r.files);
});

test('SIGTERM writes the counters and the process still dies of the signal', () => {
  const r = runChild(`setInterval(() => {}, 1000); process.kill(process.pid, 'SIGTERM');`);
  assert.equal(r.signal, 'SIGTERM');
  assertCounts(r.files);
});

test('a program that handles SIGINT itself keeps running after the flush', () => {
  const r = runChild(`process.on('SIGINT', () => { console.log('handled'); process.exitCode = 5; }); process.kill(process.pid, 'SIGINT'); setTimeout(() => {}, 50);`);
  assert.equal(r.status, 5, r.stderr);
  assertCounts(r.files);
});

test('a worker thread writes its own file', () => {
  const workerEnding = `
if (!isMainThread) { k.c[1] += 9; }
else { const w = new Worker(new URL(import.meta.url)); await new Promise((res) => w.on('exit', res)); }`;
  const r = runChild(workerEnding, `import { Worker, isMainThread } from 'node:worker_threads';`);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.files.length, 2);
  const byThread = new Map(r.files.map((f) => [f.threadId, f.files[0]!.counts]));
  assert.deepEqual(byThread.get(0), [2, 0, 1]);
  const worker = [...byThread.entries()].find(([t]) => t !== 0);
  assert.deepEqual(worker?.[1], [2, 9, 1]);
});
