/**
 * The examples on real npm libraries, through the CLI: the fuzzer finds each bug within a
 * time limit and writes the artifact; the committed reproducers (examples/<name>/crashes/)
 * fail against the vulnerable version and pass against the fixed one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../helpers.js';
import { fuzzCli } from './run.js';

const EX = path.join(REPO, 'examples');

interface Example {
  name: string;
  target: string;
  fixed: string;
  /** Exit code of the finding. */
  code: number;
  /** Artifact kind of the finding. */
  kind: string;
  /** Text the report must hold. */
  report: RegExp;
  /** Extra flags for the live fuzzing run. */
  live: string[];
}

const EXAMPLES: Example[] = [
  { name: 'js-yaml', target: 'fuzz.cjs', fixed: 'fuzz-fixed.cjs', code: 77, kind: 'crash', report: /TypeError: data\.charCodeAt is not a function/, live: [] },
  {
    name: 'decode-uri-component', target: 'fuzz.mjs', fixed: 'fuzz-fixed.mjs', code: 77, kind: 'crash',
    report: /TypeError: decodeComponents\(\.\.\.\)\.join is not a function/, live: [`-dict=${path.join(EX, 'decode-uri-component', 'uri.dict')}`],
  },
  { name: 'semver', target: 'fuzz.mjs', fixed: 'fuzz-fixed.mjs', code: 77, kind: 'crash', report: /super-linear range parsing/, live: ['-timeout=20', '-use_slowness=1'] },
  // The jpeg-js hang needs three coordinated byte changes (about 73k runs with -seed=1): the
  // budget leaves room for a slow machine; the run stops as soon as it finds the hang.
  { name: 'jpeg-js', target: 'fuzz.cjs', fixed: 'fuzz-fixed.cjs', code: 70, kind: 'timeout', report: /timeout after \d+ seconds/, live: ['-timeout=10', '-max_total_time=900'] },
];

const run = fuzzCli;

for (const ex of EXAMPLES) {
  const dir = path.join(EX, ex.name);

  test(`${ex.name}: reproducers fail on the vulnerable version and pass on the fixed one`, async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `kcovjs-ex-${ex.name}-`));
    const repro = fs.readdirSync(path.join(dir, 'crashes')).map((f) => path.join(dir, 'crashes', f));
    assert.ok(repro.length > 0);
    // Timeouts are the finding of jpeg-js only; the others get time to show theirs.
    const timeout = ex.kind === 'timeout' ? '-timeout=5' : '-timeout=60';
    const bad = await run([path.join(dir, ex.target), ...repro, `-artifact_prefix=${tmp}/`, timeout], tmp);
    assert.equal(bad.code, ex.code, bad.out);
    assert.match(bad.out, ex.report);
    const good = await run([path.join(dir, ex.fixed), ...repro, `-artifact_prefix=${tmp}/`, timeout], tmp);
    assert.equal(good.code, 0, good.out);
    assert.match(good.out, /NOTE: fuzzing was not performed/);
  });

  test(`${ex.name}: the fuzzer finds the bug and the artifact replays it`, async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `kcovjs-ex-${ex.name}-`));
    const r = await run([path.join(dir, ex.target), path.join(tmp, 'corpus'), path.join(dir, 'seeds'), '-seed=1',
      '-max_total_time=300', `-artifact_prefix=${tmp}/`, ...ex.live], tmp);
    assert.equal(r.code, ex.code, r.out.split('\n').slice(-30).join('\n'));
    assert.match(r.out, ex.report);
    const found = fs.readdirSync(tmp).filter((f) => f.startsWith(`${ex.kind}-`));
    assert.equal(found.length, 1, r.out);
    const artifact = path.join(tmp, found[0]!);
    // A time oracle's finding sits just past its limit: replay it against half the limit.
    const replayEnv = { SEMVER_ORACLE_MS: '125' };
    const again = await run([path.join(dir, ex.target), artifact, `-artifact_prefix=${tmp}/replay-`, ...ex.live], tmp, replayEnv);
    assert.equal(again.code, ex.code, again.out);
    const fixed = await run([path.join(dir, ex.fixed), artifact, `-artifact_prefix=${tmp}/replay-`, ...ex.live], tmp, replayEnv);
    assert.equal(fixed.code, 0, fixed.out);
  });
}
