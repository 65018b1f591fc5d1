import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { FIXTURES, REPO, runCli, runNode, tmpDir } from '../helpers.js';
import { readIndex } from '../../src/runtime/manifest.js';

const mixed = path.join(FIXTURES, 'loader', 'mixed');
const tsapp = path.join(FIXTURES, 'loader', 'tsapp');

function env(dir: string, filter?: string): Record<string, string | undefined> {
  return { KCOVJS_MANIFEST: path.join(dir, 'manifest.json'), KCOVJS_ROOT: REPO, KCOVJS_FILTER: filter };
}

test('ESM, CommonJS and a worker started with execArgv: [] are all instrumented, with unchanged output', () => {
  const plain = runNode(path.join(mixed, 'main.mjs'), { instrument: false });
  assert.equal(plain.status, 0, plain.stderr);
  const dir = tmpDir();
  const inst = runNode(path.join(mixed, 'main.mjs'), { env: env(dir) });
  assert.equal(inst.status, 0, inst.stderr);
  assert.equal(inst.stderr, '');
  const [first, worker] = inst.stdout.trim().split('\n');
  assert.equal(first, plain.stdout.trim().split('\n')[0]);
  assert.equal(worker, 'worker says 49 worker-only.mjs,worker.mjs');
  assert.match(plain.stdout, /worker says 49 no runtime/);
  const files = readIndex(path.join(dir, 'manifest.json')).files.map((f) => f.path).sort();
  assert.deepEqual(files, ['cjs-lib.cjs', 'esm-lib.mjs', 'main.mjs', 'worker-only.mjs', 'worker.mjs'].map((f) => `test/fixtures/loader/mixed/${f}`));
});

test('KCOVJS_FILTER selects files by glob, with ! excludes', () => {
  const dir = tmpDir();
  const r = runNode(path.join(mixed, 'main.mjs'), { env: env(dir, 'test/fixtures/loader/mixed/*-lib.*,!**/cjs-lib.cjs') });
  assert.equal(r.status, 0, r.stderr);
  const files = readIndex(path.join(dir, 'manifest.json')).files.map((f) => f.path);
  assert.deepEqual(files, ['test/fixtures/loader/mixed/esm-lib.mjs']);
});

test('TypeScript runs instrumented, and stack traces point at the original .ts lines', () => {
  const dir = tmpDir();
  const stripped = runNode(path.join(tsapp, 'main.ts'), { env: env(dir, '!**') });
  assert.equal(stripped.status, 0, stripped.stderr);
  const inst = runNode(path.join(tsapp, 'main.ts'), { env: env(dir) });
  assert.equal(inst.status, 0, inst.stderr);
  assert.equal(inst.stdout, stripped.stdout);
  assert.match(inst.stdout, /^9 true\nthrown at shapes\.ts:13:9\n$/);
  const files = readIndex(path.join(dir, 'manifest.json')).files.map((f) => f.path).sort();
  assert.deepEqual(files, ['test/fixtures/loader/tsapp/main.ts', 'test/fixtures/loader/tsapp/shapes.ts']);
});

test('a file that cannot be instrumented runs plain, is warned about once, and is counted in the recorded run', () => {
  const dir = tmpDir();
  const cov = path.join(dir, 'cov');
  const main = path.join(FIXTURES, 'loader', 'broken', 'main.cjs');
  const r = runCli(['run', '--coverage-dir', cov, '--manifest', path.join(dir, 'm.json'), '--', process.execPath, main]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'caught SyntaxError\ngood\n');
  const warnings = r.stderr.split('\n').filter((l) => l.includes('cannot instrument'));
  assert.equal(warnings.length, 1, r.stderr);
  assert.match(warnings[0]!, /broken\/bad\.cjs.*syntax error.*runs uninstrumented/);
  const rep = runCli(['report', '--coverage-dir', cov, '--format', 'runsc']);
  assert.equal(rep.status, 0, rep.stderr);
  assert.match(rep.stderr, /bad\.cjs ran uninstrumented/);
  assert.match(rep.stdout, /broken\/good\.cjs:/);
});
