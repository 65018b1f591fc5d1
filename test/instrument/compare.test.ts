/** Compare sites and switch sites: operands, results, const masks and case literals. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMPARE_OPS, SITE_SWITCH, siteAt } from '../../src/abi/table.js';
import type { CoverageSink } from '../../src/runtime/registry.js';
import { load, positionOf, runtime } from './harness.js';

interface Record {
  pcLow: number;
  constMask: number;
  a: unknown;
  b: unknown;
}

function recordingSink(): { sink: CoverageSink; compares: Record[]; switches: Array<{ value: unknown; cases: ReadonlyArray<string | number> }> } {
  const compares: Record[] = [];
  const switches: Array<{ value: unknown; cases: ReadonlyArray<string | number> }> = [];
  const sink: CoverageSink = {
    block: () => {},
    compare: (pcLow, constMask, a, b) => compares.push({ pcLow, constMask, a, b }),
    switchCases: (_pc, value, cases) => switches.push({ value, cases: [...cases] }),
  };
  return { sink, compares, switches };
}

function traced<T>(sink: CoverageSink, fn: () => T): T {
  runtime.setSink(sink);
  runtime.setTracing(false, true);
  try {
    return fn();
  } finally {
    runtime.setTracing(false, false);
    runtime.setSink(null);
  }
}

test('every compare operator keeps its result and reports both operands once', async () => {
  const m = await load(`
export function all(a, b) { return [a === b, a !== b, a == b, a != b, a < b, a <= b, a > b, a >= b]; }
`);
  const { sink, compares } = recordingSink();
  for (const [a, b] of [[1, 2], [2, 2], ['1', 1], [null, undefined]] as const) {
    const plain = [a === b, a !== b, a == b, a != b, (a as any) < (b as any), (a as any) <= (b as any), (a as any) > (b as any), (a as any) >= (b as any)];
    compares.length = 0;
    assert.deepEqual(traced(sink, () => m.exports.all(a, b)), plain);
    assert.equal(compares.length, 8);
    for (const c of compares) assert.deepEqual([c.a, c.b], [a, b]);
  }
  assert.equal(m.result.sites, 8);
  for (let i = 0; i < 8; i++) assert.equal(siteAt(m.result.table.s, i).kind, COMPARE_OPS.indexOf(COMPARE_OPS[i]!));
});

test('operands are evaluated once and in order; const mask marks literal sides', async () => {
  const m = await load(`
export function f(log, x) {
  const l = (v) => (log.push(v), v);
  return [l('L') === l('R'), x < 10, 'k' != x, -1 >= x, \`t\` === x, x === x];
}
`);
  const { sink, compares } = recordingSink();
  const log: string[] = [];
  const out = traced(sink, () => m.exports.f(log, 5));
  assert.deepEqual(log, ['L', 'R']);
  assert.deepEqual(out, [false, true, true, false, false, true]);
  assert.deepEqual(compares.map((c) => c.constMask), [0, 2, 1, 1, 1, 0]);
  const first = siteAt(m.result.table.s, 0);
  assert.deepEqual([first.startLine, first.startCol], positionOf(m.source, "l('L') ==="));
});

test('compare hooks do not report while compare tracing is off', async () => {
  const m = await load('export const eq = (a, b) => a === b;');
  const { sink, compares } = recordingSink();
  runtime.setSink(sink);
  try {
    assert.equal(m.exports.eq(1, 1), true);
  } finally {
    runtime.setSink(null);
  }
  assert.equal(compares.length, 0);
});

test('switch reports its discriminant against the literal cases, evaluated once', async () => {
  const m = await load(`
export function sw(get) {
  switch (get()) { case 1: return 'one'; case 'two': return 2; case -3: return 'neg'; case get: return 'fn'; }
  return 'none';
}
`);
  const { sink, switches } = recordingSink();
  let calls = 0;
  const r = traced(sink, () => m.exports.sw(() => (calls++, 'two')));
  assert.equal(r, 2);
  assert.equal(calls, 1);
  assert.deepEqual(switches, [{ value: 'two', cases: [1, 'two', -3] }]);
  const site = siteAt(m.result.table.s, 0);
  assert.equal(site.kind, SITE_SWITCH);
  assert.deepEqual(m.result.table.c['0'], [1, 'two', -3]);
});

test('table.l collects distinct short strings and numbers', async () => {
  const long = 'x'.repeat(65);
  const m = await load(`export const v = ['abc', 'abc', 42, 1.5, '${long}', ''];`);
  assert.deepEqual(m.result.table.l.sort(), [1.5, 42, 'abc'].sort());
});
