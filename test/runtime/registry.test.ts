import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Runtime, type CoverageSink } from '../../src/runtime/registry.js';
import { PC_LOW_BASE } from '../../src/abi/constants.js';
import { tracedCompare } from '../helpers.js';

function newRuntime(): Runtime {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kcovjs-rt-'));
  return new Runtime({ root, manifest: path.join(root, '.kcovjs', 'manifest.json') });
}

const table = (blocks: number, sites: number, extra: object = {}) => {
  const b: number[] = [];
  for (let i = 0; i < blocks; i++) b.push(i + 1, 0, i + 1, 1, 1);
  const s: number[] = [];
  for (let i = 0; i < sites; i++) s.push(1, 0, 1, 5, i === 0 ? 8 : 0, i === 1 ? 2 : 0);
  return JSON.stringify({ b, s, c: {}, l: [], ...extra });
};

/** Runs block i the way instrumented code does. */
function hit(h: ReturnType<Runtime['register']>, i: number): void {
  h.c[i]!++ || h.h(i);
}

test('first hits are consumed in O(hits) and clear only what was hit', () => {
  const rt = newRuntime();
  const a = rt.register(path.join(rt.root, 'a.js'), 'ha', 100, 0, table(100, 0));
  const b = rt.register(path.join(rt.root, 'b.js'), 'hb', 10, 0, table(10, 0));
  assert.equal(rt.hasBlocks(), true);
  for (const i of [5, 7, 5, 5]) hit(a, i);
  hit(b, 3);
  assert.equal(rt.hitBlockCount(), 3);
  const seen: Array<[string, number, number]> = [];
  rt.consumeHits((pcLow, m, block) => seen.push([m.relPath, block, pcLow]));
  const baseA = rt.modules[0]!.entry.base;
  assert.deepEqual(seen.map(([p, blk]) => [p, blk]), [['a.js', 5], ['a.js', 7], ['b.js', 3]]);
  assert.equal(seen[0]![2], PC_LOW_BASE + 8 * (baseA + 5));
  assert.equal(a.c[5], 0);
  assert.equal(rt.hitBlockCount(), 0);
  hit(a, 5);
  assert.equal(rt.hitBlockCount(), 1, 'a block cleared by consume counts as a first hit again');
});

test('tracing hands every hit to the sink, with PC and dense index; off means no calls', () => {
  const rt = newRuntime();
  const h = rt.register(path.join(rt.root, 'm.js'), 'hm', 4, 0, table(4, 0));
  const got: Array<[number, number]> = [];
  const sink: CoverageSink = { block: (pc, d) => got.push([pc, d]), compare() {}, switchCases() {} };
  rt.setSink(sink);
  hit(h, 1);
  assert.equal(got.length, 0);
  rt.setTracing(true, false);
  hit(h, 1);
  hit(h, 2);
  hit(h, 1);
  const e = rt.modules[0]!.entry;
  assert.deepEqual(got, [
    [PC_LOW_BASE + 8 * (e.base + 1), e.dense + 1],
    [PC_LOW_BASE + 8 * (e.base + 2), e.dense + 2],
    [PC_LOW_BASE + 8 * (e.base + 1), e.dense + 1],
  ]);
});

test('operand hooks pass operands through unchanged and report pairs only while tracing', () => {
  const rt = newRuntime();
  const h = rt.register(path.join(rt.root, 'c.js'), 'hc', 1, 2, table(1, 2, { c: { 0: [1, 'x'] } }));
  const cmps: unknown[] = [];
  const switches: unknown[] = [];
  rt.setSink({ block() {}, compare: (pc, mask, a, b) => cmps.push([pc, mask, a, b]), switchCases: (pc, v, c) => switches.push([pc, v, c]) });
  const ops: Array<[number, unknown, unknown, boolean]> = [
    [0, 1, 1, true], [1, 1, '1', true], [2, 1, '1', true], [3, null, undefined, false],
    [4, 'a', 'b', true], [5, 2, 2, true], [6, 3n, 2, true], [7, 1, 2, false],
  ];
  for (const [op, a, b, want] of ops) assert.equal(tracedCompare(h, op, a, b, 1), want, `op ${op}`);
  assert.equal(cmps.length, 0);
  rt.setTracing(false, true);
  let valueOfCalls = 0;
  const obj = { valueOf: () => (valueOfCalls++, 5) };
  assert.equal(tracedCompare(h, 4, obj, 6, 1), true);
  assert.equal(valueOfCalls, 1, 'operands are converted once, by the comparison itself');
  // A compare nested in a right operand, and a left operand whose right one never came.
  assert.equal(h.l('outer', 1), 'outer');
  h.l('dropped', 0);
  assert.equal(tracedCompare(h, 0, 'inner', 'x', 0), false);
  assert.equal(h.r('right', 1), 'right');
  const e = rt.modules[0]!.entry;
  assert.deepEqual(cmps[0], [PC_LOW_BASE + 8 * (e.base + 1 + 1), 2, obj, 6]);
  assert.deepEqual(cmps.slice(1).map((c) => (c as unknown[]).slice(2)), [['inner', 'x'], ['outer', 'right']]);
  assert.equal(h.w('x', 0), 'x');
  assert.deepEqual(switches, [[PC_LOW_BASE + 8 * (e.base + 1), 'x', [1, 'x']]]);
});

test('literals of all modules are offered for dictionaries', () => {
  const rt = newRuntime();
  rt.register(path.join(rt.root, 'l1.js'), 'l1', 1, 0, table(1, 0, { l: ['JXL ', 42] }));
  rt.register(path.join(rt.root, 'l2.js'), 'l2', 1, 0, table(1, 0, { l: ['__proto__', 42] }));
  assert.deepEqual(rt.literals().sort(), [42, 'JXL ', '__proto__'].sort());
});
