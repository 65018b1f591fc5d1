/**
 * `node --import kcovjs/register app.js`: sets up coverage on the current thread.
 *
 * It installs the thread's runtime, enables source maps (so stack traces show original
 * TS/JS positions), hooks CommonJS, registers the ESM hooks, and makes sure worker threads
 * get the same treatment (Node 20 does not give workers the main thread's hooks; workers
 * inherit `--import` through execArgv, and this module adds it where a caller passes its
 * own execArgv). Configuration comes from the environment:
 *
 *   KCOVJS_FILTER        comma-separated globs relative to the root, `!` to exclude
 *   KCOVJS_ROOT          project root for relative paths (default: working directory)
 *   KCOVJS_MANIFEST      manifest path (default: <root>/.kcovjs/manifest.json)
 *   KCOVJS_COVERAGE_DIR  record block counters there when each thread ends (kcovjs run)
 */
import * as path from 'node:path';
import { createRequire, register } from 'node:module';
import { MessageChannel, isMainThread } from 'node:worker_threads';
import { installRuntime } from '../runtime/registry.js';
import { compileFilter, PACKAGE_DIR } from './filter.js';
import { instrument, stripTypes } from '../instrument/index.js';
import { installCjsHook } from './cjs.js';
import { propagateToWorkers } from './workers.js';

const root = path.resolve(process.env.KCOVJS_ROOT ?? process.cwd());
const runtime = installRuntime({ root });
const userSourceMaps = (process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled === true;
process.setSourceMapsEnabled(true);

const filterSpec = process.env.KCOVJS_FILTER ?? '';
installCjsHook(compileFilter(filterSpec, root), runtime, userSourceMaps);

const { port1, port2 } = new MessageChannel();
port1.on('message', (m: { file: string; reason: string }) => runtime.noteFailure(m.file, m.reason));
port1.unref();
register('./hooks.js', import.meta.url, { data: { filter: filterSpec, root, port: port2, userSourceMaps }, transferList: [port2] });

propagateToWorkers(import.meta.url);

// The CommonJS packages kcovjs runs on (picomatch, the parser's native bindings) go through
// the CommonJS loader and would sit in require.cache, where the program would see them.
// Load them all now (one small instrumentation does it), then drop their cache entries:
// they are bound here already, and the program has not started yet, so every entry under
// kcovjs's own directory is ours.
instrument('let warm = 1;', { filename: path.join(PACKAGE_DIR, 'warm-up.ts'), kind: 'module' });
stripTypes('let warm: number = 1;', { filename: path.join(PACKAGE_DIR, 'warm-up.ts'), kind: 'module' });
const cache = createRequire(import.meta.url).cache;
for (const key of Object.keys(cache)) if (key.startsWith(PACKAGE_DIR + path.sep)) delete cache[key];

const coverageDir = process.env.KCOVJS_COVERAGE_DIR;
if (coverageDir) {
  const { startCoverageRecorder } = await import('./coverage-recorder.js');
  startCoverageRecorder(runtime, path.resolve(coverageDir), { mainThread: isMainThread });
}
