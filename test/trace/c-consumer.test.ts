/**
 * The C consumer of docs/consumers.md, compiled from the doc itself with gcc, reads trace
 * files of `kcovjs trace --format raw` and prints what `kcovjs trace --format text` prints.
 * Without gcc the test is skipped with that reason, loudly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { REPO, runCli } from '../helpers.js';
import { APP, FILTER, workspace } from '../report/fixture.js';

const gcc = spawnSync('gcc', ['--version']).status === 0;
const skip = gcc ? false : 'gcc not found: the C consumer in docs/consumers.md is NOT compiled or checked';

function compile(dir: string): string {
  const doc = fs.readFileSync(path.join(REPO, 'docs', 'consumers.md'), 'utf8');
  const m = /```c\n([\s\S]*?)```/.exec(doc);
  assert.ok(m, 'docs/consumers.md has a ```c block');
  const src = path.join(dir, 'kcovjs-read.c');
  fs.writeFileSync(src, m[1]!);
  const bin = path.join(dir, 'kcovjs-read');
  const cc = spawnSync('gcc', ['-Wall', '-Wextra', '-Werror', '-O2', '-o', bin, src], { encoding: 'utf8' });
  assert.equal(cc.status, 0, cc.stderr);
  return bin;
}

test('the C program prints the same PCs and cmp records as kcovjs trace', { skip }, () => {
  const ws = workspace();
  const bin = compile(ws.dir);
  const trace = (args: string[]) => {
    const r = runCli(['trace', '--filter', FILTER, '--manifest', ws.manifest, ...args, '--', process.execPath, APP], { env: ws.env });
    assert.equal(r.status, 0, r.stderr);
    return r;
  };
  for (const mode of ['unique', 'cmp']) {
    const raw = path.join(ws.dir, `${mode}.bin`);
    const text = path.join(ws.dir, `${mode}.txt`);
    trace(['--mode', mode, '--format', 'raw', '--out', raw]);
    trace(['--mode', mode, '--out', text]);
    const c = spawnSync(bin, mode === 'cmp' ? [raw, 'cmp'] : [raw], { encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(c.status, 0, c.stderr);
    const want = fs.readFileSync(text, 'utf8');
    assert.ok(want.split('\n').length > 100, `${mode}: a real trace`);
    assert.equal(c.stdout, want, `${mode}: C output equals the text trace`);
  }
  const bad = spawnSync(bin, [path.join(ws.dir, 'missing.bin')], { encoding: 'utf8' });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /No such file/);
  const truncated = path.join(ws.dir, 'truncated.bin');
  fs.writeFileSync(truncated, Buffer.from([5, 0, 0, 0, 0, 0, 0, 0, 1, 2]));
  const t = spawnSync(bin, [truncated], { encoding: 'utf8' });
  assert.equal(t.status, 1);
  assert.match(t.stderr, /truncated at entry 0 of 5/);
});
