import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatError } from '../../src/fuzz/engine.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

test('formatError keeps the message and user frames, drops kcovjs frames, folds repeats', () => {
  const err = new RangeError('Maximum call stack size exceeded');
  err.stack = [
    'RangeError: Maximum call stack size exceeded',
    `    at h (${path.join(ROOT, 'dist', 'src', 'runtime', 'registry.js')}:53:19)`,
    '    at rec (/app/deep.js:1:18)',
    '    at rec (/app/deep.js:1:26)',
    '    at rec (/app/deep.js:1:26)',
    '    at rec (/app/deep.js:1:26)',
    '    at main (/app/deep.js:9:1)',
    `    at Engine.run (${path.join(ROOT, 'src', 'fuzz', 'engine.ts')}:82:16)`,
  ].join('\n');
  assert.equal(formatError(err), [
    'RangeError: Maximum call stack size exceeded',
    '    at rec (/app/deep.js:1:18)',
    '    at rec (/app/deep.js:1:26)',
    '    ... (previous frame repeated 2 more times)',
    '    at main (/app/deep.js:9:1)',
  ].join('\n'));
});

test('formatError shows thrown non-Error values', () => {
  assert.equal(formatError('boom'), "Uncaught non-Error value: 'boom'");
  assert.match(formatError({ code: 7 }), /Uncaught non-Error value: \{ code: 7 \}/);
});
