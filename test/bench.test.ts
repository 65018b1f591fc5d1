/**
 * The benchmark suite's quick mode runs to completion and writes every table to the file it
 * is given (never the committed bench/RESULTS.md). Timings are not asserted: the machine is
 * shared and noisy, and the figures are for humans.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const runner = path.join(root, 'bench', 'run.mjs');

test('bench --quick completes and writes all five tables to --out', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcovjs-bench-test-'));
  const out = path.join(dir, 'results.md');
  const committed = path.join(root, 'bench', 'RESULTS.md');
  const before = fs.existsSync(committed) ? fs.readFileSync(committed, 'utf8') : null;
  try {
    const r = spawnSync(process.execPath, [runner, '--quick', '--out', out], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const text = fs.readFileSync(out, 'utf8');
    for (const heading of ['## 1. Execution overhead', '## 2. Cost of collecting', '## 3. Instrumentation throughput', '## 4. Fuzzer throughput', '## 5. Memory']) {
      assert.ok(text.includes(heading), `missing section '${heading}'`);
    }
    // Every table has its header separator and at least one data row.
    const tables = text.split('\n').filter((l) => l.startsWith('| ---')).length;
    assert.ok(tables >= 5, `expected at least 5 tables, found ${tables}`);
    assert.ok(!/\| NaN|undefined/.test(text), 'a cell holds NaN or undefined');
    assert.equal(fs.existsSync(committed) ? fs.readFileSync(committed, 'utf8') : null, before, 'bench/RESULTS.md was modified');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('bench rejects an unknown option with a clear error', () => {
  const r = spawnSync(process.execPath, [runner, '--bogus'], { cwd: root, encoding: 'utf8' });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /unknown option '--bogus'/);
});
