/**
 * `kcovjs report` in every format, on coverage recorded by the real recorder for a real
 * source file whose block table is written by hand (so every expected count is known).
 * Each output is parsed back and checked against those counts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import libCoverage from 'istanbul-lib-coverage';
import type { CoverageMapData } from 'istanbul-lib-coverage';
import { Runtime } from '../../src/runtime/registry.js';
import { startCoverageRecorder } from '../../src/loader/coverage-recorder.js';
import { SANCOV_MAGIC_64 } from '../../src/report/index.js';

const CLI = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../src/cli/main.js');

const SOURCE = `function pick(a, b) {
  if (a > b) {
    return a;
  } else {
    return b;
  }
}
const twice = (x) => x ? x * 2 : 0;
module.exports = { pick, twice };
`;
// [startLine, startCol, endLine, endCol, statements], columns 0-based; and the hit count.
const BLOCKS: Array<[number, number, number, number, number, number]> = [
  [1, 0, 9, 33, 3, 1], // top level
  [1, 20, 2, 13, 1, 3], // pick: entry up to the if
  [2, 13, 4, 3, 1, 2], // then
  [4, 9, 6, 3, 1, 1], // else
  [8, 21, 8, 34, 0, 0], // twice: body
  [8, 25, 8, 30, 0, 0], // x * 2
  [8, 33, 8, 34, 0, 0], // 0
];

interface Fixture {
  root: string;
  covDir: string;
  base: number;
}

function record(): Fixture {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kcovjs-report-'));
  fs.writeFileSync(path.join(root, 'lib.js'), SOURCE);
  const rt = new Runtime({ root });
  const table = { b: BLOCKS.flatMap((b) => b.slice(0, 5)), s: [], c: {}, l: [] };
  const hash = createHash('sha1').update(SOURCE).digest('hex');
  const k = rt.register(path.join(root, 'lib.js'), hash, BLOCKS.length, 0, JSON.stringify(table));
  BLOCKS.forEach((b, i) => (k.c[i] = b[5]));
  const covDir = path.join(root, 'cov');
  startCoverageRecorder(rt, covDir, { intervalMs: 0, mainThread: false }).stop();
  return { root, covDir, base: rt.modules[0]!.entry.base };
}

const fx = record();

function report(format: string, out?: string, cwd = fx.root): { stdout: string; stderr: string; status: number | null } {
  const args = [CLI, 'report', '--coverage-dir', fx.covDir, '--format', format, ...(out ? ['--out', out] : [])];
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

test('gocover: mode line, one line per block with statements and counts', () => {
  const r = report('gocover');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines[0], 'mode: count');
  const parsed = lines.slice(1).map((l) => {
    const m = /^(.+):(\d+)\.(\d+),(\d+)\.(\d+) (\d+) (\d+)$/.exec(l);
    assert.ok(m, `bad profile line '${l}'`);
    return m.slice(1).map((v, i) => (i === 0 ? v : Number(v)));
  });
  assert.deepEqual(parsed, BLOCKS.map(([sl, sc, el, ec, st, n]) => ['lib.js', sl, sc + 1, el, ec + 1, st, n]));
});

test('runsc: one range per covered block', () => {
  const r = report('runsc');
  assert.equal(r.status, 0, r.stderr);
  const want = BLOCKS.filter((b) => b[5] > 0).map(([sl, sc, el, ec]) => `lib.js:${sl}.${sc + 1},${el}.${ec + 1}`);
  assert.deepEqual(r.stdout.trimEnd().split('\n'), want);
});

test('sancov: 64-bit magic then the PCs of covered blocks, little-endian', () => {
  const out = path.join(fx.root, 'out', 'lib.sancov');
  const r = report('sancov', out);
  assert.equal(r.status, 0, r.stderr);
  const buf = fs.readFileSync(out);
  assert.deepEqual([...buf.subarray(0, 8)], [0x64, 0xff, 0xff, 0xff, 0xff, 0xff, 0xbf, 0xc0]);
  assert.equal(buf.readBigUInt64LE(0), SANCOV_MAGIC_64);
  const pcs = [];
  for (let o = 8; o < buf.length; o += 8) pcs.push(buf.readBigUInt64LE(o));
  const want = BLOCKS.map((b, i) => [b, i] as const).filter(([b]) => b[5] > 0)
    .map(([, i]) => 0xffffffff80000000n + 8n * BigInt(fx.base + i));
  assert.deepEqual(pcs, want);
});

test('json: istanbul coverage-final.json that istanbul-lib-coverage loads', () => {
  const out = path.join(fx.root, 'out', 'coverage-final.json');
  const r = report('json', out);
  assert.equal(r.status, 0, r.stderr);
  const data = JSON.parse(fs.readFileSync(out, 'utf8')) as CoverageMapData;
  const map = libCoverage.createCoverageMap(data);
  const fc = map.fileCoverageFor(path.join(fx.root, 'lib.js'));
  const lines = fc.getLineCoverage();
  assert.equal(lines[1], 3, 'a line holding two blocks shows the larger count');
  assert.equal(lines[2], 3);
  assert.equal(lines[3], 2);
  assert.equal(lines[5], 1);
  assert.equal(lines[8], 1);
  assert.equal(lines[7], undefined, 'a line with only a brace of an outer block is not a statement');
  const fns = Object.values(fc.fnMap).map((f, i) => [f.name, fc.f[i]]);
  assert.deepEqual(fns, [['pick', 3], ['twice', 0]]);
  const branches = Object.values(fc.branchMap).map((b, i) => [b.type, fc.b[i]]);
  assert.deepEqual(branches, [['if', [2, 1]], ['cond-expr', [0, 0]]]);
});

test('lcov: SF, FN/FNDA, DA and BRDA lines that match the counts', () => {
  const out = path.join(fx.root, 'out', 'lcov.info');
  const r = report('lcov', out);
  assert.equal(r.status, 0, r.stderr);
  const text = fs.readFileSync(out, 'utf8');
  assert.match(text, /^SF:lib\.js$/m);
  assert.match(text, /^FNDA:3,pick$/m);
  assert.match(text, /^FNDA:0,twice$/m);
  assert.match(text, /^DA:3,2$/m);
  assert.match(text, /^DA:5,1$/m);
  assert.match(text, /^BRDA:2,0,0,2$/m);
  assert.match(text, /^BRDA:2,0,1,1$/m);
  assert.match(text, /^end_of_record$/m);
});

test('text: a summary table naming the file', () => {
  const r = report('text');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /lib\.js\s*\|\s*[\d.]+\s*\|/);
  assert.match(r.stdout, /All files/);
});

test('html: an index and a page per file under the --out directory', () => {
  const out = path.join(fx.root, 'html');
  const r = report('html', out);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(fs.existsSync(path.join(out, 'index.html')));
  const page = fs.readFileSync(path.join(out, 'lib.js.html'), 'utf8');
  assert.match(page, /cline-yes/);
  assert.match(page, /fstat-no/, 'the never-called function is marked');
});

test('a changed source degrades to statements and says so', () => {
  const copy = record();
  fs.appendFileSync(path.join(copy.root, 'lib.js'), '// edited\n');
  const r = spawnSync(process.execPath, [CLI, 'report', '--coverage-dir', copy.covDir, '--format', 'json'], { cwd: copy.root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /source changed/);
  const data = JSON.parse(r.stdout) as CoverageMapData;
  assert.equal(Object.keys(Object.values(data)[0]!.statementMap).length, BLOCKS.filter((b) => b[4] > 0).length);
});

test('bad input: unknown format, empty or missing directory', () => {
  const bad = report('pdf');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown format 'pdf'/);
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'kcovjs-empty-'));
  const r = spawnSync(process.execPath, [CLI, 'report', '--coverage-dir', empty], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no coverage files/);
  fs.writeFileSync(path.join(empty, 'kcovjs-1-0-x.json'), '{"kind":"other"}');
  const r2 = spawnSync(process.execPath, [CLI, 'report', '--coverage-dir', empty], { encoding: 'utf8' });
  assert.equal(r2.status, 1);
  assert.match(r2.stderr, /not usable/);
});
