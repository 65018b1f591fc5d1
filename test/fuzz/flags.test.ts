import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFuzzArgs, UsageError, fuzzUsage } from '../../src/fuzz/flags.js';

test('target, corpus dirs and libFuzzer flags', () => {
  const o = parseFuzzArgs(['t.js', 'corpus', 'seeds', '-runs=100', '-max_len=64', '-seed=7', '-timeout=2',
    '-dict=a.dict', '-dict=b.dict', '-artifact_prefix=out/', '-workers=2', '-only_ascii=1', '-print_final_stats=1',
    '--max_total_time=30', '-rss_limit_mb=512', '-kcov_mode=unique']);
  assert.equal(o.target, 't.js');
  assert.deepEqual(o.inputs, ['corpus', 'seeds']);
  assert.equal(o.runs, 100);
  assert.equal(o.maxLen, 64);
  assert.equal(o.seed, 7);
  assert.equal(o.timeout, 2);
  assert.deepEqual(o.dicts, ['a.dict', 'b.dict']);
  assert.equal(o.artifactPrefix, 'out/');
  assert.equal(o.workers, 2);
  assert.equal(o.onlyAscii, true);
  assert.equal(o.printFinalStats, true);
  assert.equal(o.maxTotalTime, 30);
  assert.equal(o.rssLimitMb, 512);
  assert.equal(o.kcovMode, 'unique');
});

test('defaults follow libFuzzer', () => {
  const o = parseFuzzArgs(['t.js']);
  assert.equal(o.runs, -1);
  assert.equal(o.maxLen, 4096);
  assert.equal(o.errorExitCode, 77);
  assert.equal(o.timeoutExitCode, 70);
  assert.equal(o.workers, 1);
  assert.equal(parseFuzzArgs(['t.js', '-jobs=3']).workers, 3);
});

test('bad flags are clear errors; known libFuzzer flags only warn', () => {
  assert.throws(() => parseFuzzArgs(['t.js', '-runs=abc']), UsageError);
  assert.throws(() => parseFuzzArgs(['t.js', '-max_len=0']), /max_len/);
  assert.throws(() => parseFuzzArgs(['t.js', '-bogus=1']), /unknown flag -bogus/);
  assert.throws(() => parseFuzzArgs(['t.js', '-runs']), /-name=value/);
  assert.throws(() => parseFuzzArgs(['-runs=1']), /missing TARGET/);
  assert.throws(() => parseFuzzArgs(['t.js', '-only_ascii=2']), /0 or 1/);
  const o = parseFuzzArgs(['t.js', '-use_value_profile=1', '-close_fd_mask=3']);
  assert.equal(o.warnings.length, 2);
  assert.equal(parseFuzzArgs(['-help=1']).help, true);
  assert.match(fuzzUsage(), /-max_len/);
});
