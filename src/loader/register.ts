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
import { register } from 'node:module';
import { MessageChannel, isMainThread } from 'node:worker_threads';
import { installRuntime } from '../runtime/registry.js';
import { compileFilter } from './filter.js';
import { installCjsHook } from './cjs.js';
import { propagateToWorkers } from './workers.js';

const root = path.resolve(process.env.KCOVJS_ROOT ?? process.cwd());
const runtime = installRuntime({ root });
process.setSourceMapsEnabled(true);

const filterSpec = process.env.KCOVJS_FILTER ?? '';
installCjsHook(compileFilter(filterSpec, root), runtime);

const { port1, port2 } = new MessageChannel();
port1.on('message', (m: { file: string; reason: string }) => runtime.noteFailure(m.file, m.reason));
port1.unref();
register('./hooks.js', import.meta.url, { data: { filter: filterSpec, root, port: port2 }, transferList: [port2] });

propagateToWorkers(import.meta.url);

const coverageDir = process.env.KCOVJS_COVERAGE_DIR;
if (coverageDir) {
  const { startCoverageRecorder } = await import('./coverage-recorder.js');
  startCoverageRecorder(runtime, path.resolve(coverageDir), { mainThread: isMainThread });
}
