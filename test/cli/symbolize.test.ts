import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { FIXTURES, REPO, runCli, runNode, tmpDir } from '../helpers.js';

const LINE = /^(.+):(\d+)\.(\d+),(\d+)\.(\d+)$/;

function traced(dir: string) {
  const env = { KCOVJS_MANIFEST: path.join(dir, 'manifest.json'), KCOVJS_ROOT: REPO };
  return { env, run: runNode(path.join(FIXTURES, 'libs', 'yaml-roundtrip.mjs'), { env }) };
}

test('js-yaml instrumented gives the same output as plain', () => {
  const plain = runNode(path.join(FIXTURES, 'libs', 'yaml-roundtrip.mjs'), { instrument: false });
  const { run } = traced(tmpDir());
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, plain.stdout);
  assert.match(plain.stdout, /error YAMLException/);
});

test('acorn (CommonJS) instrumented gives the same output as plain', () => {
  const file = path.join(FIXTURES, 'libs', 'acorn-parse.cjs');
  const plain = runNode(file, { instrument: false });
  const inst = runNode(file, { env: { KCOVJS_MANIFEST: path.join(tmpDir(), 'm.json'), KCOVJS_ROOT: REPO } });
  assert.equal(inst.status, 0, inst.stderr);
  assert.equal(inst.stdout, plain.stdout);
  assert.equal(plain.stdout.trim().split('\n').length, 4);
});

test('symbolize --all lists every block, and every PC obeys the layout rules', () => {
  const dir = tmpDir();
  const { env } = traced(dir);
  const r = runCli(['symbolize', '--all', '--manifest', env.KCOVJS_MANIFEST]);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.ok(lines.length > 2000, `expected many blocks, got ${lines.length / 2}`);
  assert.equal(lines.length % 2, 0);
  const low = new Set<number>();
  const files = new Set<string>();
  for (let i = 0; i < lines.length; i += 2) {
    assert.match(lines[i]!, /^0x[0-9a-f]+$/);
    const pc = BigInt(lines[i]!);
    assert.ok(pc >= 0xffffffff80000000n && pc < 0xffffffffff000000n, lines[i]);
    assert.equal(pc % 8n, 0n);
    low.add(Number(pc & 0xffffffffn));
    const m = LINE.exec(lines[i + 1]!);
    assert.ok(m, lines[i + 1]);
    files.add(m[1]!);
    const [sl, sc, el, ec] = m.slice(2).map(Number);
    assert.ok(sl! >= 1 && sc! >= 1 && (el! > sl! || (el === sl && ec! >= sc!)), lines[i + 1]);
  }
  assert.equal(low.size, lines.length / 2, 'low 32 bits are unique');
  assert.ok([...files].some((f) => f.startsWith('node_modules/js-yaml/')), [...files].join(' '));
});

test('symbolize resolves pc, pc-1 and pc-5 to the same block, and rejects bad input', () => {
  const dir = tmpDir();
  const { env } = traced(dir);
  const all = runCli(['symbolize', '--all', '--manifest', env.KCOVJS_MANIFEST]).stdout.trim().split('\n');
  const pc = BigInt(all[200]!);
  const input = [pc, pc - 1n, pc - 5n].map((v) => v.toString(16)).join('\n') + '\n';
  const r = runCli(['symbolize', '--manifest', env.KCOVJS_MANIFEST], { input });
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout.trim().split('\n');
  assert.deepEqual([out[1], out[3], out[5]], [all[201], all[201], all[201]]);
  assert.deepEqual([out[0], out[2], out[4]], [`0x${pc.toString(16)}`, `0x${(pc - 1n).toString(16)}`, `0x${(pc - 5n).toString(16)}`]);

  const bad = runCli(['symbolize', '--manifest', env.KCOVJS_MANIFEST], { input: 'zzz\n' });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /malformed PC 'zzz'/);
  const unknown = runCli(['symbolize', '--manifest', env.KCOVJS_MANIFEST], { input: '0xfffffffffe000000\n' });
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /not a known block/);
  const outside = runCli(['symbolize', '--manifest', env.KCOVJS_MANIFEST], { input: '0x1234\n' });
  assert.equal(outside.status, 1);
  assert.match(outside.stderr, /outside the kcovjs range/);
});
