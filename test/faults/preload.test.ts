/**
 * A `--require` preload next to `--import kcovjs/register` must run once, in the main
 * thread, as it does without kcovjs. (Node 20 runs preloads again in the thread of
 * module.register hooks, so a preload that prints, listens or counts would do it twice.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REGISTER, REGISTER_FILE, ROOT, childEnv, runNode } from '../differential/proc.js';

const skip = fs.existsSync(REGISTER_FILE) ? false : 'the loader is not built';

// Known limit (docs/differential.md): Node 20 runs --require preloads again in the hooks thread.
test('a --require preload runs once, in the main thread', { skip, todo: 'Node 20 runs --require preloads in the module.register hooks thread too' }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcovjs-preload-'));
  try {
    const preload = path.join(dir, 'preload.cjs');
    fs.writeFileSync(preload, "process.stdout.write('preload main=' + require('node:worker_threads').isMainThread + '\\n');\n");
    const main = path.join(dir, 'main.cjs');
    fs.writeFileSync(main, "console.log('main');\n");
    const plain = await runNode(['--require', preload, main]);
    const env = childEnv({ KCOVJS_ROOT: ROOT, KCOVJS_MANIFEST: path.join(dir, 'manifest.json') });
    const loaded = await runNode(['--require', preload, '--import', REGISTER, main], { env });
    assert.equal(plain.stdout, 'preload main=true\nmain\n');
    assert.equal(loaded.stdout, plain.stdout);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
