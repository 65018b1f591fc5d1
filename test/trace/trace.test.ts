/**
 * `kcovjs trace` on a real program (js-yaml through test/fixtures/consumers/yaml-app.mjs):
 * each mode, the raw format, symbolize round trips, every way the program can end, area
 * overflow and bad input.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { CLI, REPO, runCli } from '../helpers.js';
import { APP, FILTER, symbolize, workspace } from '../report/fixture.js';

const ws = workspace();

function trace(args: string[], appArgs: string[] = []) {
  return runCli(['trace', '--filter', FILTER, '--manifest', ws.manifest, ...args, '--', process.execPath, APP, ...appArgs], { env: ws.env });
}

function pcLines(text: string): string[] {
  const lines = text.trimEnd().split('\n').filter((l) => /^0x[0-9a-f]+$/.test(l));
  for (const l of lines) {
    const pc = BigInt(l);
    assert.ok(pc >= 0xffffffff80000000n && pc < 0xffffffffff000000n && pc % 8n === 0n, `PC ${l} outside the synthetic range`);
  }
  return lines;
}

const pcRun = trace(['--out', path.join(ws.dir, 'pc.txt')]);
const uniqueRun = trace(['--mode', 'unique', '--out', path.join(ws.dir, 'unique.txt')]);

test('pc mode: every block execution in order, after the program output', () => {
  assert.equal(pcRun.status, 0, pcRun.stderr);
  assert.match(pcRun.stdout, /error YAMLException/);
  const pcs = pcLines(fs.readFileSync(path.join(ws.dir, 'pc.txt'), 'utf8'));
  assert.ok(pcs.length > 1000, `${pcs.length} PCs`);
  assert.ok(new Set(pcs).size < pcs.length, 'blocks in loops repeat');
});

test('unique mode: each block once, the same set as pc mode', () => {
  assert.equal(uniqueRun.status, 0, uniqueRun.stderr);
  const unique = pcLines(fs.readFileSync(path.join(ws.dir, 'unique.txt'), 'utf8'));
  assert.equal(new Set(unique).size, unique.length);
  const all = pcLines(fs.readFileSync(path.join(ws.dir, 'pc.txt'), 'utf8'));
  assert.deepEqual(new Set(unique), new Set(all));
  assert.equal(unique[0], all[0], 'both start at the same first block');
});

test('--symbolize prints what kcovjs symbolize prints for the same PCs', () => {
  const r = trace(['--mode', 'unique', '--symbolize']);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.slice(r.stdout.indexOf('0x')).trimEnd().split('\n');
  const pcs = lines.filter((_, i) => i % 2 === 0);
  const ranges = lines.filter((_, i) => i % 2 === 1);
  assert.ok(pcs.length > 100);
  assert.deepEqual(symbolize(ws.manifest, pcs), ranges);
  assert.ok(ranges.some((l) => l.startsWith(`${APP}:`)) && ranges.some((l) => l.startsWith('node_modules/js-yaml/')));
  const adjusted = pcs.slice(0, 20).map((p) => `0x${(BigInt(p) - 1n).toString(16)}`);
  assert.deepEqual(symbolize(ws.manifest, adjusted), ranges.slice(0, 20), 'pc-1 resolves to the same block');
});

test('cmp mode: one type arg1 arg2 ip record per line, ips are compare sites', () => {
  const r = trace(['--mode', 'cmp']);
  assert.equal(r.status, 0, r.stderr);
  const records = r.stdout.trimEnd().split('\n').filter((l) => /^0x[0-9a-f]+ 0x[0-9a-f]+ 0x[0-9a-f]+ 0x[0-9a-f]+$/.test(l)).map((l) => l.split(' ').map((v) => BigInt(v)));
  assert.ok(records.length > 100, `${records.length} records`);
  assert.ok(records.some(([type]) => (type! & 1n) === 1n), 'some compare has a literal');
  for (const [type, , , ip] of records) {
    assert.equal(type! & ~0x17n, 0n, `type ${type}`);
    assert.ok(ip! >= 0xffffffff80000000n && ip! % 8n === 0n);
  }
  const ips = [...new Set(records.map((rec) => `0x${rec[3]!.toString(16)}`))].slice(0, 10);
  assert.equal(symbolize(ws.manifest, ips).length, ips.length);
});

test('raw format: a little-endian u64 count, then the PCs of the text form', () => {
  const out = path.join(ws.dir, 'unique.raw');
  const r = trace(['--mode', 'unique', '--format', 'raw', '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  const buf = fs.readFileSync(out);
  const count = Number(buf.readBigUInt64LE(0));
  assert.equal(buf.length, 8 * (count + 1));
  const pcs = [];
  for (let i = 1; i <= count; i++) pcs.push(`0x${buf.readBigUInt64LE(8 * i).toString(16)}`);
  assert.deepEqual(pcs, pcLines(fs.readFileSync(path.join(ws.dir, 'unique.txt'), 'utf8')));
});

test('a program that throws or calls process.exit keeps its status and its trace', () => {
  const thrown = trace(['--mode', 'unique'], ['throw']);
  assert.equal(thrown.status, 1);
  assert.match(thrown.stderr, /fixture failure/);
  assert.ok(pcLines(thrown.stdout).length > 100);
  const exited = trace(['--mode', 'unique'], ['exit']);
  assert.equal(exited.status, 4);
  assert.ok(pcLines(exited.stdout).length > 100);
});

test('a long-running program stopped by SIGINT still gives its trace', async () => {
  const child = spawn(process.execPath, [CLI, 'trace', '--mode', 'unique', '--filter', FILTER, '--manifest', ws.manifest, '--', process.execPath, APP, 'wait'], {
    cwd: REPO, env: { ...process.env, NODE_OPTIONS: '', ...ws.env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const status = await new Promise<number | null>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      const first = !out.includes('ready');
      out += d.toString();
      if (first && out.includes('ready')) child.kill('SIGINT');
    });
    child.on('exit', (code) => resolve(code));
  });
  assert.equal(status, 130, err);
  assert.ok(pcLines(out).length > 100, out.slice(0, 500));
});

test('an area too small is reported, not silently truncated', () => {
  const r = trace(['--size', '512']);
  assert.equal(r.status, 3);
  assert.match(r.stderr, /filled up at 511 entries/);
  assert.equal(pcLines(r.stdout).length, 511);
});

test('bad input: unknown mode, bad size, symbolize of cmp, a command that is not Node', () => {
  assert.equal(trace(['--mode', 'edges']).status, 2);
  const size = trace(['--size', '1000']);
  assert.equal(size.status, 2);
  assert.match(size.stderr, /multiple of 512/);
  assert.equal(trace(['--mode', 'cmp', '--symbolize']).status, 2);
  const notNode = runCli(['trace', '--', '/bin/true'], { env: ws.env });
  assert.equal(notNode.status, 1);
  assert.match(notNode.stderr, /no trace was written/);
});
