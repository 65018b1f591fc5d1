/**
 * End to end through the CLI on js-yaml: `kcovjs run --coverage-dir` (main thread plus a
 * worker thread), then `kcovjs report` in every format, each parsed back and checked for
 * what the run really did: which functions ran and how often, which lines never ran, and
 * that the covered blocks agree with what `kcovjs trace` saw on the same program.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import libCoverage from 'istanbul-lib-coverage';
import type { CoverageMapData } from 'istanbul-lib-coverage';
import { REPO, runCli } from '../helpers.js';
import { APP, FILTER, LINES, YAML, parseRange, symbolize, workspace } from './fixture.js';

const ws = workspace();
const covDir = path.join(ws.dir, 'cov');

function report(format: string, out?: string): string {
  const r = runCli(['report', '--coverage-dir', covDir, '--format', format, ...(out ? ['--out', out] : [])], { env: ws.env });
  assert.equal(r.status, 0, r.stderr);
  return out && format !== 'html' ? fs.readFileSync(out, 'utf8') : r.stdout;
}

before(() => {
  const r = runCli(['run', '--filter', FILTER, '--coverage-dir', covDir, '--manifest', ws.manifest, '--', process.execPath, APP, 'worker'], { env: ws.env });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /worker 2/);
});

test('run writes one coverage file per thread', () => {
  const files = fs.readdirSync(covDir).filter((f) => f.endsWith('.json'));
  assert.equal(files.length, 2, files.join(' '));
});

test('text names both files', () => {
  const out = report('text');
  assert.match(out, /yaml-app\.mjs/);
  assert.match(out, /js-yaml\.mjs/);
});

test('lcov: functions and lines as the run executed them, merged over both threads', () => {
  const text = report('lcov', path.join(ws.dir, 'lcov.info'));
  const sections = text.split('end_of_record').filter((s) => s.includes('SF:'));
  const app = sections.find((s) => s.includes(`SF:${APP}`));
  const yaml = sections.find((s) => s.includes(`SF:${YAML}`));
  assert.ok(app && yaml, 'both files have a section');
  assert.match(app, /^FNDA:2,parseAll$/m, 'parseAll ran once per thread');
  assert.match(app, /^FNDA:0,neverCalled$/m);
  assert.match(app, new RegExp(`^DA:${LINES.workerOnly},1$`, 'm'), 'the worker-only line ran once');
  assert.match(app, new RegExp(`^DA:${LINES.neverCalledBody},0$`, 'm'));
  assert.match(yaml, /^FNDA:4,load2$/m, "two documents in each of two threads");
  assert.match(yaml, /^FNDA:0,dump2$/m, 'the program never dumps');
  assert.match(yaml, /^BRDA:\d+,\d+,\d+,[1-9]/m, 'some branch was taken');
});

test('json loads into istanbul-lib-coverage with the same facts', () => {
  const out = path.join(ws.dir, 'coverage-final.json');
  report('json', out);
  const map = libCoverage.createCoverageMap(JSON.parse(fs.readFileSync(out, 'utf8')) as CoverageMapData);
  const app = map.fileCoverageFor(path.join(REPO, APP));
  const lines = app.getLineCoverage();
  assert.equal(lines[LINES.workerOnly], 1);
  assert.equal(lines[LINES.neverCalledBody], 0);
  const fnCount = (name: string): number | undefined => {
    const [k] = Object.entries(app.fnMap).find(([, f]) => f.name === name) ?? [];
    return k === undefined ? undefined : app.f[k];
  };
  assert.equal(fnCount('parseAll'), 2);
  assert.equal(fnCount('neverCalled'), 0);
  const yaml = map.fileCoverageFor(path.join(REPO, YAML)).toSummary();
  assert.ok(yaml.statements.covered > 100 && yaml.statements.covered < yaml.statements.total, JSON.stringify(yaml.statements));
});

test('gocover parses by the coverprofile rules and counts per thread', () => {
  const lines = report('gocover').trimEnd().split('\n');
  assert.equal(lines[0], 'mode: count');
  const blocks = lines.slice(1).map((l) => {
    const m = /^(.+) (\d+) (\d+)$/.exec(l);
    assert.ok(m, `bad line '${l}'`);
    return { ...parseRange(m[1]!), stmts: Number(m[2]), count: Number(m[3]) };
  });
  const app = blocks.filter((b) => b.path === APP);
  assert.ok(app.some((b) => b.sl === LINES.workerOnly && b.count === 1), 'worker-only block counted once');
  assert.ok(app.filter((b) => b.sl === LINES.neverCalledBody).every((b) => b.count === 0));
  assert.ok(blocks.some((b) => b.path === YAML && b.count > 0));
  assert.ok(blocks.every((b) => b.sl <= b.el && b.sc >= 1), 'well-formed ranges');
});

test('runsc, sancov and a trace of the same program agree on the covered blocks', () => {
  const runsc = new Set(report('runsc').trimEnd().split('\n'));
  for (const l of runsc) parseRange(l);
  assert.ok(![...runsc].some((l) => parseRange(l).path === APP && parseRange(l).sl === LINES.neverCalledBody));

  const sancovFile = path.join(ws.dir, 'app.sancov');
  runCli(['report', '--coverage-dir', covDir, '--format', 'sancov', '--out', sancovFile], { env: ws.env });
  const buf = fs.readFileSync(sancovFile);
  assert.equal(buf.readBigUInt64LE(0), 0xc0bfffffffffff64n);
  const pcs: string[] = [];
  for (let o = 8; o < buf.length; o += 8) pcs.push(`0x${buf.readBigUInt64LE(o).toString(16)}`);
  assert.deepEqual(new Set(symbolize(ws.manifest, pcs)), runsc, 'sancov PCs symbolize to the runsc ranges');

  const traced = runCli(['trace', '--mode', 'unique', '--filter', FILTER, '--manifest', ws.manifest, '--symbolize', '--', process.execPath, APP, 'worker'], { env: ws.env });
  assert.equal(traced.status, 0, traced.stderr);
  const ranges = traced.stdout.trimEnd().split('\n').filter((l) => !l.startsWith('0x') && l.includes(':') && /\d+\.\d+,\d+\.\d+$/.test(l));
  assert.ok(ranges.length > 100);
  for (const r of ranges) assert.ok(runsc.has(r), `traced block ${r} is covered in the report`);
  const workerOnly = [...runsc].filter((l) => parseRange(l).path === APP && parseRange(l).sl === LINES.workerOnly);
  assert.ok(workerOnly.length > 0 && workerOnly.every((l) => !ranges.includes(l)), 'the worker-only block is in the report, not in the main-task trace');
});

test('child processes are followed and merged, including one that dies of an uncaught exception', () => {
  const dir = path.join(ws.dir, 'cov-procs');
  const script = `"${process.execPath}" ${APP} ok; "${process.execPath}" ${APP} throw; exit 0`;
  const r = runCli(['run', '--filter', FILTER, '--coverage-dir', dir, '--manifest', ws.manifest, '--', 'sh', '-c', script], { env: ws.env });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /fixture failure/);
  assert.ok(fs.readdirSync(dir).filter((f) => f.endsWith('.json')).length >= 2);
  const rep = runCli(['report', '--coverage-dir', dir, '--format', 'lcov'], { env: ws.env });
  assert.equal(rep.status, 0, rep.stderr);
  const app = rep.stdout.split('end_of_record').find((s) => s.includes(`SF:${APP}`)) ?? '';
  assert.match(app, /^FNDA:2,parseAll$/m, 'one call in each process');
  const go = runCli(['report', '--coverage-dir', dir, '--format', 'gocover'], { env: ws.env }).stdout.split('\n');
  const throwCol = fs.readFileSync(path.join(REPO, APP), 'utf8').split('\n')[LINES.throwLine - 1]!.indexOf('throw new') + 1;
  const throwBlock = go.find((l) => l.startsWith(`${APP}:${LINES.throwLine}.${throwCol},`));
  assert.ok(throwBlock, `a block starts at the throw (column ${throwCol})`);
  assert.equal(throwBlock.split(' ')[2], '1', 'the throw ran in the process that died of it');
});
