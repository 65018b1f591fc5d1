/**
 * Entry point of a fuzzing worker thread. It is started with the kcovjs loader in its
 * execArgv, so the target and its libraries (node_modules included) are instrumented in
 * this thread. It loads the target, opens the kcov device and runs the engine.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { KcovCoverage } from './coverage.js';
import { Engine, type FuzzFunction } from './engine.js';
import type { WorkerConfig, WorkerMessage } from './protocol.js';
import { getRuntime } from '../runtime/registry.js';

const cfg = workerData as WorkerConfig;
const port = parentPort!;
const post = (m: WorkerMessage): void => port.postMessage(m);

async function loadTarget(): Promise<FuzzFunction> {
  const file = path.resolve(cfg.target);
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const dflt = mod.default as Record<string, unknown> | ((d: Buffer) => unknown) | undefined;
  const fn = mod[cfg.entry]
    ?? (dflt !== null && typeof dflt === 'object' ? dflt[cfg.entry] : undefined)
    ?? (typeof dflt === 'function' && cfg.entry === 'fuzz' ? dflt : undefined);
  if (typeof fn !== 'function') {
    throw new Error(`${cfg.target} does not export a function '${cfg.entry}' (expected: export function ${cfg.entry}(data) {...})`);
  }
  return fn as FuzzFunction;
}

async function main(): Promise<void> {
  let fn: FuzzFunction;
  try {
    fn = await loadTarget();
  } catch (err) {
    post({ type: 'fatal', text: `cannot load fuzz target: ${err instanceof Error ? err.stack ?? err.message : String(err)}` });
    return;
  }
  let coverage: KcovCoverage | null = null;
  try {
    coverage = new KcovCoverage(cfg.kcovMode, cfg.useCmp);
  } catch (err) {
    post({ type: 'info', text: `WARNING: no coverage feedback (${(err as Error).message}); inputs are not guided` });
  }
  if (cfg.workerIndex === 0) {
    const st = getRuntime()?.stats();
    if (st) post({ type: 'info', text: `INFO: Loaded ${st.modules} instrumented modules (${st.blocks} blocks, ${st.sites} compare sites)` });
    for (const f of st?.failures ?? []) post({ type: 'info', text: `WARNING: not instrumented: ${f.file}: ${f.reason}` });
  }
  const engine = new Engine(cfg, fn, coverage, post);
  // Exceptions that escape the call (timers, unawaited promises) belong to the input being run.
  process.on('uncaughtException', (err) => engine.reportCrash(err));
  process.on('unhandledRejection', (err) => engine.reportCrash(err));
  // Keep the thread alive while an async target awaits something that never settles, so
  // that the watchdog reports a timeout rather than the thread quietly running out of work.
  const keepAlive = setInterval(() => {}, 1 << 30);
  try {
    if (cfg.files) await engine.regress(cfg.files);
    else await engine.fuzz();
  } finally {
    clearInterval(keepAlive);
  }
}

main().catch((err: unknown) => post({ type: 'fatal', text: `fuzzing worker failed: ${err instanceof Error ? err.stack : String(err)}` }));
