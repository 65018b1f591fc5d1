/**
 * A file the instrumenter cannot parse: one loud warning naming the file, the failure is
 * counted by the runtime, and the file runs exactly as Node would run it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REGISTER, REGISTER_FILE, ROOT, childEnv, normalizeStackFormat, runNode } from '../differential/proc.js';

const FIXTURES = path.join(ROOT, 'test', 'faults', 'fixtures');
const skip = fs.existsSync(REGISTER_FILE) ? false : 'the loader is not built';

function loaderEnv(): NodeJS.ProcessEnv {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcovjs-faults-'));
  return childEnv({ KCOVJS_ROOT: ROOT, KCOVJS_FILTER: 'test/faults/**', KCOVJS_MANIFEST: path.join(dir, 'manifest.json') });
}

const warningLine = (file: string): RegExp => new RegExp(`^kcovjs: .*${file.replace(/[.]/g, '\\.')}.*$`, 'gm');

test('an entry file that does not parse: one warning naming it, then Node\'s own SyntaxError', { skip }, async () => {
  for (const name of ['broken.mjs', 'broken.cjs']) {
    const file = path.join(FIXTURES, name);
    const plain = await runNode([file]);
    const loaded = await runNode(['--import', REGISTER, file], { env: loaderEnv() });
    const warnings = loaded.stderr.match(warningLine(file)) ?? [];
    assert.equal(warnings.length, 1, `${name}: expected one warning naming the file, got:\n${loaded.stderr}`);
    assert.match(warnings[0]!, /cannot instrument|syntax/i);
    assert.equal(loaded.code, plain.code, name);
    assert.ok(plain.code !== 0 && /SyntaxError/.test(plain.stderr), `${name} should not parse for Node either`);
    // kcovjs's own CommonJS hook frame is tracked by the hazard corpus (uncaught-error.cjs), not here.
    const ownFrame = new RegExp(`^\\s+at .*${path.join(ROOT, 'dist', 'src').replace(/[.]/g, '\\.')}.*\\n`, 'gm');
    const rest = loaded.stderr.replace(warningLine(file), '').replace(/^\n/, '').replace(ownFrame, '');
    assert.equal(normalizeStackFormat(rest), normalizeStackFormat(plain.stderr), `${name}: the rest of stderr changed`);
  }
});

test('imported files that do not parse are counted and their errors reach the program unchanged', { skip }, async () => {
  const file = path.join(FIXTURES, 'loads-broken.mjs');
  const plain = await runNode([file]);
  const loaded = await runNode(['--import', REGISTER, file], { env: loaderEnv() });
  assert.equal(plain.stdout.split('\n')[0], 'SyntaxError SyntaxError');
  assert.equal(loaded.stdout.split('\n')[0], plain.stdout.split('\n')[0], 'the program saw different errors');
  assert.deepEqual(JSON.parse(loaded.stdout.split('\n')[1]!), ['broken.cjs', 'broken.mjs'], 'the runtime did not count both failures');
  for (const name of ['broken.mjs', 'broken.cjs']) {
    assert.equal((loaded.stderr.match(warningLine(path.join(FIXTURES, name))) ?? []).length, 1, `one warning for ${name}:\n${loaded.stderr}`);
  }
  assert.equal(loaded.code, 0);
});
