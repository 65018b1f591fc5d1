/**
 * End to end: the device over real code instrumented by the loader
 * (`node --import kcovjs/register`), and the kcov.rst sample program of examples/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readIndex } from '../../src/runtime/manifest.js';
import { KCOV_CMP_CONST, KCOV_CMP_SIZE, KCOVJS_CMP_STRING, PC_BASE } from '../../src/abi/constants.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cli = path.join(repo, 'dist', 'src', 'cli', 'main.js');

/** Runs node with the loader in the repo, a fresh manifest and extra environment. */
function runNode(args: string[], env: Record<string, string> = {}, input?: string): { stdout: string; manifest: string } {
  const manifest = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kcovjs-e2e-')), 'manifest.json');
  const r = spawnSync(process.execPath, args, {
    cwd: repo, encoding: 'utf8', input, env: { ...process.env, KCOVJS_MANIFEST: manifest, ...env },
  });
  assert.equal(r.status, 0, r.stderr);
  return { stdout: r.stdout, manifest };
}

test('examples/kcov-sample.mjs prints PCs of js-yaml that kcovjs symbolize resolves', () => {
  const { stdout, manifest } = runNode(['--import', 'kcovjs/register', 'examples/kcov-sample.mjs']);
  const pcs = stdout.trim().split('\n');
  assert.ok(pcs.length > 50, `only ${pcs.length} PCs`);
  for (const pc of pcs) {
    assert.match(pc, /^0x[0-9a-f]{16}$/);
    assert.ok(BigInt(pc) >= PC_BASE);
  }
  const sym = spawnSync(process.execPath, [cli, 'symbolize', '--manifest', manifest], {
    cwd: repo, encoding: 'utf8', input: stdout,
  });
  assert.equal(sym.status, 0, sym.stderr);
  const lines = sym.stdout.trim().split('\n');
  assert.equal(lines.length, 2 * pcs.length);
  const places = lines.filter((_, i) => i % 2 === 1);
  for (const p of places) assert.match(p, /^[^:]+:\d+\.\d+,\d+\.\d+$/);
  assert.ok(places.some((p) => p.startsWith('node_modules/js-yaml/')), 'js-yaml blocks in the trace');
  // A bigger document runs more of the parser.
  const more = runNode(['--import', 'kcovjs/register', 'examples/kcov-sample.mjs', 'a: [1, {b: "c"}]\nd: |\n  text\n']);
  assert.ok(more.stdout.trim().split('\n').length > pcs.length);
});

test('real instrumented code: PC trace, per-task traces, CMP records, unique mode', () => {
  const target = 'test/fixtures/kcov/target.mjs';
  const { stdout, manifest } = runNode(['--import', 'kcovjs/register', 'test/fixtures/kcov/driver.mjs'], {
    KCOVJS_FILTER: target,
  });
  const out = JSON.parse(stdout) as {
    pc: string[]; tasks: string[][]; cmp: Array<{ rec: string[]; ops: string[] }>;
    unique: { first: number; second: number; pcs: string[] };
  };
  const entry = readIndex(manifest).files.find((e) => e.path === target);
  assert.ok(entry, 'the target is in the manifest');
  const pc = (slot: number): string => `0x${(PC_BASE + 8n * BigInt(entry.base + slot)).toString(16)}`;
  const site = (s: number): string => pc(entry.blocks + s);
  // classify('a', 5000): entry, else-branch, after-if, default case, 'big'.
  assert.deepEqual(out.pc, [1, 2, 4, 7, 9].map(pc));
  // steps(2) and steps(3) ran interleaved in two tasks; each trace is its own, in order.
  const steps = (k: number): string[] => [10, ...Array.from({ length: k }, () => [11, 12]).flat(), 13].map(pc);
  assert.deepEqual(out.tasks, [steps(2), steps(3)]);
  const hex = (n: number | bigint): string => `0x${n.toString(16)}`;
  const str = (s: string): string => hex(Buffer.from(s.slice(0, 8).padEnd(8, '\0')).readBigUInt64LE(0));
  const strType = hex(KCOVJS_CMP_STRING | KCOV_CMP_CONST);
  assert.deepEqual(out.cmp, [
    { rec: [strType, str('__proto__'), str('__proto__'), site(0)], ops: ['__proto__', '__proto__'] },
    { rec: [strType, str('__proto__'), str('k'), site(0)], ops: ['__proto__', 'k'] },
    { rec: [strType, str('7'), str('x'), site(1)], ops: ['7', 'x'] },
    { rec: [strType, str('x'), str('x'), site(1)], ops: ['x', 'x'] },
    { rec: [strType, str('__proto__'), str('k'), site(0)], ops: ['__proto__', 'k'] },
    { rec: [hex(KCOV_CMP_SIZE(0) | KCOV_CMP_CONST), '0x7', '0x5', site(1)], ops: ['7', '5'] },
    { rec: [strType, str('x'), str('5'), site(1)], ops: ['x', '5'] },
    { rec: [hex(KCOV_CMP_SIZE(1) | KCOV_CMP_CONST), '0x3e8', '0x5', site(2)], ops: ['1000', '5'] },
  ]);
  // classify('a', 5) twice in unique mode: the second call adds nothing.
  assert.deepEqual(out.unique, { first: 5, second: 0, pcs: [1, 2, 4, 7, 8].map(pc) });
});
