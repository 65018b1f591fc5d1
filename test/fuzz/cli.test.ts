/**
 * End-to-end tests of `kcovjs fuzz` through the CLI: findings, artifacts, regression mode,
 * the watchdog, corpus persistence and workers. Each run has a short time limit; a test
 * fails if the expected finding does not show up within it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, REPO } from '../helpers.js';
import { fuzzCli } from './run.js';

const FIX = path.join(REPO, 'test', 'fixtures', 'fuzz');

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kcovjs-fuzz-'));
}

const fuzz = fuzzCli;

function artifacts(dir: string, kind: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.startsWith(`${kind}-`)).map((f) => path.join(dir, f));
}

test('finds a CMP-guarded bug in a TS target, reports original positions, and regression mode replays it', async () => {
  const dir = tmp();
  const r = await fuzz([path.join(FIX, 'magic.ts'), '-seed=1', '-max_total_time=60', `-artifact_prefix=${dir}/`, '-use_literals=0'], dir);
  assert.equal(r.code, 77, r.out);
  assert.match(r.out, /Error: magic header with version 42/);
  assert.match(r.out, /magic\.ts:18:\d+/, 'stack in original TS positions');
  const [crash] = artifacts(dir, 'crash');
  assert.ok(crash, r.out);
  assert.equal(fs.readFileSync(crash).toString('latin1', 0, 5), 'KCOV*');
  assert.match(r.out, new RegExp(`Test unit written to ${crash}`));
  const again = await fuzz([path.join(FIX, 'magic.ts'), crash, `-artifact_prefix=${dir}/replay-`], dir);
  assert.equal(again.code, 77, again.out);
  assert.match(again.out, /magic header with version 42/);
  assert.equal(fs.existsSync(path.join(dir, `replay-${path.basename(crash)}`)), true);
  const fixed = await fuzz([path.join(FIX, 'magic-fixed.ts'), crash, `-artifact_prefix=${dir}/replay-`], dir);
  assert.equal(fixed.code, 0, fixed.out);
  assert.match(fixed.out, /Executed .* in \d+ ms/);
});

test('a target using the package\'s FuzzedDataProvider gets typed values to line up', async () => {
  const dir = tmp();
  const r = await fuzz([path.join(FIX, 'fdp-target.mjs'), '-seed=1', '-max_total_time=60', `-artifact_prefix=${dir}/`], dir);
  assert.equal(r.code, 77, r.out);
  assert.match(r.out, /Error: count 777 and name fdp/);
});

test('unique mode (KCOV_UNIQUE_ENABLE) guides the search too', async () => {
  const dir = tmp();
  const r = await fuzz([path.join(FIX, 'magic.ts'), '-kcov_mode=unique', '-seed=2', '-max_total_time=60', `-artifact_prefix=${dir}/`], dir);
  assert.equal(r.code, 77, r.out);
  const inited = /INITED cov: (\d+) ft: (\d+)/.exec(r.out);
  assert.ok(inited && Number(inited[1]) > 0 && inited[1] === inited[2], 'unique PCs only: one feature per block');
  assert.equal(artifacts(dir, 'crash').length, 1);
});

test('a synchronous infinite loop is a timeout (exit 70) with a timeout- artifact', async () => {
  const dir = tmp();
  const r = await fuzz([path.join(FIX, 'loop.mjs'), '-seed=2', '-timeout=1', '-max_total_time=60', `-artifact_prefix=${dir}/`], dir);
  assert.equal(r.code, 70, r.out);
  assert.match(r.out, /ALARM: working on the last Unit for \d+ seconds/);
  const [t] = artifacts(dir, 'timeout');
  assert.ok(t, r.out);
  assert.equal(fs.readFileSync(t)[0], 0x4c);
});

test('stack overflow and async rejection are findings (exit 77)', async () => {
  const dir = tmp();
  const deep = await fuzz([path.join(FIX, 'deep.cjs'), '-seed=3', '-max_total_time=60', `-artifact_prefix=${dir}/`], dir);
  assert.equal(deep.code, 77, deep.out);
  assert.match(deep.out, /RangeError: Maximum call stack size exceeded/);
  assert.match(deep.out, /deep\.cjs:3:/);
  const rej = await fuzz([path.join(FIX, 'reject.mjs'), '-seed=4', '-max_total_time=60', `-artifact_prefix=${dir}/`], dir);
  assert.equal(rej.code, 77, rej.out);
  assert.match(rej.out, /TypeError: async rejection/);
  assert.equal(artifacts(dir, 'crash').length, 2);
});

test('-rss_limit_mb turns runaway allocation into an oom- artifact', async () => {
  const dir = tmp();
  const r = await fuzz([path.join(FIX, 'memory.mjs'), '-seed=5', '-rss_limit_mb=400', '-timeout=30', '-max_total_time=60', `-artifact_prefix=${dir}/`], dir);
  assert.equal(r.code, 77, r.out);
  assert.match(r.out, /out-of-memory/);
  const [oom] = artifacts(dir, 'oom');
  assert.ok(oom, r.out);
  assert.equal(fs.readFileSync(oom)[0], 0x4d);
});

test('the corpus is written atomically, and a rerun resumes from it', async () => {
  const dir = tmp();
  const corpus = path.join(dir, 'corpus');
  const r = await fuzz([path.join(FIX, 'quiet.mjs'), corpus, '-seed=6', '-runs=3000'], dir);
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /#\d+\s+NEW\s+cov: \d+ ft: \d+ corp: \d+\/\d+b lim: \d+ exec\/s: \d+ rss: \d+Mb L: \d+\/\d+ MS: \d+ /);
  assert.match(r.out, /Done 3000 runs/);
  const files = fs.readdirSync(corpus);
  assert.ok(files.length >= 3, files.join());
  assert.ok(files.every((f) => /^[0-9a-f]{40}$/.test(f)), `no temporary files left: ${files.join()}`);
  const again = await fuzz([path.join(FIX, 'quiet.mjs'), corpus, '-seed=7', '-runs=10'], dir);
  assert.equal(again.code, 0, again.out);
  const inited = /INITED cov: \d+ ft: \d+ corp: (\d+)/.exec(again.out);
  assert.ok(inited && Number(inited[1]) >= 3, again.out);
});

test('a SIGKILL mid-run leaves only whole, correctly named corpus files', async () => {
  const dir = tmp();
  const corpus = path.join(dir, 'corpus');
  const child = spawn(process.execPath, [CLI, 'fuzz', path.join(FIX, 'quiet.mjs'), corpus, '-seed=9', '-max_total_time=120'], {
    cwd: REPO,
    env: { ...process.env, KCOVJS_MANIFEST: path.join(dir, 'manifest.json') },
    stdio: 'ignore',
  });
  const closed = new Promise((resolve) => child.on('close', resolve));
  for (let i = 0; i < 600 && (!fs.existsSync(corpus) || fs.readdirSync(corpus).length < 5); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  await closed;
  const files = fs.readdirSync(corpus).filter((f) => !f.startsWith('.'));
  assert.ok(files.length >= 5, files.join());
  for (const f of files) assert.equal(createHash('sha1').update(fs.readFileSync(path.join(corpus, f))).digest('hex'), f);
  const again = await fuzz([path.join(FIX, 'quiet.mjs'), corpus, '-seed=10', '-runs=10'], dir);
  assert.equal(again.code, 0, again.out);
});

test('-workers=2 share the corpus directory', async () => {
  const dir = tmp();
  const corpus = path.join(dir, 'corpus');
  const r = await fuzz([path.join(FIX, 'quiet.mjs'), corpus, '-seed=8', '-workers=2', '-runs=2000', '-print_final_stats=1'], dir);
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /Done 4000 runs/);
  assert.match(r.out, /stat::number_of_executed_units: 4000/);
  assert.ok(fs.readdirSync(corpus).length >= 3);
});

test('-runs=0 replays a corpus directory once; -exact_artifact_path names the artifact', async () => {
  const dir = tmp();
  const corpus = path.join(dir, 'corpus');
  fs.mkdirSync(corpus);
  fs.writeFileSync(path.join(corpus, 'a'), 'hello');
  fs.writeFileSync(path.join(corpus, 'b'), 'x!y');
  const exact = path.join(dir, 'found.bin');
  const r = await fuzz([path.join(FIX, 'reject.mjs'), corpus, '-runs=0', `-exact_artifact_path=${exact}`], dir);
  assert.equal(r.code, 77, r.out);
  assert.equal(fs.readFileSync(exact, 'latin1'), 'x!y');
  fs.rmSync(path.join(corpus, 'b'));
  const clean = await fuzz([path.join(FIX, 'reject.mjs'), corpus, '-runs=0'], dir);
  assert.equal(clean.code, 0, clean.out);
  assert.match(clean.out, /Executed .*corpus[\\/]a in \d+ ms/);
});

test('bad command lines are clear errors', async () => {
  const dir = tmp();
  const bad = await fuzz([path.join(FIX, 'quiet.mjs'), '-runs=many'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.out, /-runs needs an integer/);
  const missing = await fuzz([path.join(FIX, 'nope.mjs')], dir);
  assert.equal(missing.code, 1);
  assert.match(missing.out, /does not exist/);
  const noExport = await fuzz([path.join(FIX, 'magic.ts'), '-entry=other', '-runs=1'], dir);
  assert.equal(noExport.code, 1);
  assert.match(noExport.out, /does not export a function 'other'/);
});
