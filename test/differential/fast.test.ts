/**
 * The fast slice of the differential suite that runs in `npm test`: 50 files through each
 * parser, 20 YAML/JSON files through js-yaml and its minified build, 20 Markdown files, and ua-parser-js's own test suite. The whole
 * suite is `npm run test:differential`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { REGISTER_FILE } from './proc.js';
import { inputsFor, parserDifferential, uaParserSuite, type DifferentialResult, type ParseTool } from './suites.js';

const skip = fs.existsSync(REGISTER_FILE) ? false : 'the loader is not built';

function check(r: DifferentialResult): void {
  assert.ok(r.compared > 0, `${r.name}: nothing compared`);
  assert.ok(r.instrumented, `${r.name}: the library was not instrumented`);
  assert.deepEqual(r.uninstrumentable, [], `${r.name}: files ran uninstrumented`);
  assert.deepEqual(r.divergences, [], `${r.name}: instrumented and plain runs differ`);
}

const slices: Array<[ParseTool, number]> = [['acorn', 50], ['esprima', 50], ['yaml', 20], ['yaml-min', 20], ['marked', 20]];
for (const [tool, limit] of slices) {
  test(`${tool}: the same results instrumented and plain on ${limit} files`, { skip }, async () => {
    const { files } = inputsFor(tool, { limit, maxBytes: 300_000 });
    check(await parserDifferential(tool, files));
  });
}

test('ua-parser-js@0.7.24: its own test suite gives the same results instrumented and plain', { skip }, async () => {
  check(await uaParserSuite());
});
