/**
 * The hazard corpus (test/hazards/, see test/differential/hazards.ts): each program must
 * behave the same plain and instrumented, and must actually have been instrumented.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { REGISTER_FILE } from './differential/proc.js';
import { describeOutcome, listHazards, passed, runHazards } from './differential/hazards.js';

const ready = fs.existsSync(REGISTER_FILE);
const cases = listHazards();
const outcomes = ready ? await runHazards(cases) : [];

test('the corpus has at least 60 programs in every source flavour', () => {
  assert.ok(cases.length >= 60, `only ${cases.length} programs`);
  for (const ext of ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.jsx', '.tsx']) {
    assert.ok(cases.some((c) => c.name.endsWith(ext)), `no ${ext} program`);
  }
});

/** Divergences we cannot remove on Node 20; each is explained in docs/differential.md. */
const KNOWN: Record<string, string> = {
  'uncaught-error.cjs': 'a kcovjs frame (Module.kcovjsCompile) sits under a CommonJS module top level',
  'patched-builtins.cjs': 'builtins spied on by the program see the calls kcovjs makes while loading modules',
  'patched-builtins.mjs': 'builtins spied on by the program see the calls kcovjs makes while loading modules',
  'source-url.cjs': 'instrumented files map stack frames to their path, not their sourceURL',
};

for (const o of outcomes) {
  test(`hazard ${o.case.name}`, { todo: KNOWN[o.case.name] ?? false }, () => {
    // Every program prints a result: a baseline that printed nothing (say, type stripping
    // failed) would make the comparison vacuous.
    assert.notEqual(o.baseline.stdout, '', `${o.case.name}: the baseline run printed nothing:\n${o.baseline.stderr}`);
    assert.ok(passed(o), describeOutcome(o));
  });
}

test('the loader is built', { skip: ready ? false : `${REGISTER_FILE} is missing: build the loader first` }, () => {
  assert.equal(outcomes.length, cases.length);
});
