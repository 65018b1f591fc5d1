/**
 * The V8 oracle on a slice of the hazard corpus (every fifth JavaScript program): kcovjs's
 * counters and V8's block coverage agree, apart from the documented classes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { REGISTER_FILE } from './proc.js';
import { listHazards } from './hazards.js';
import { oracleOverCorpus } from './oracle.js';

const skip = fs.existsSync(REGISTER_FILE) ? false : 'the loader is not built';
const slice = listHazards({ withHugeBundle: false }).filter((c) => !c.needsStrip).filter((_, i) => i % 5 === 0);

test(`V8 block coverage and kcovjs counters agree on ${slice.length} corpus programs`, { skip }, async () => {
  const results = await oracleOverCorpus(slice);
  assert.equal(results.length, slice.length);
  for (const r of results) {
    assert.equal(r.unchecked, undefined, `${r.name}: ${r.unchecked}`);
    assert.ok(r.blocks > 0 && r.v8Ranges > 0, `${r.name}: nothing to compare`);
    assert.deepEqual(r.mismatches, [], `${r.name}: V8 and kcovjs disagree`);
  }
});
