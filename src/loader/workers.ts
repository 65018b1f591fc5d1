/**
 * Worker propagation. A worker started with its own `execArgv` (or `env`) would lose the
 * `--import` that sets coverage up; this wraps `worker_threads.Worker` so that such
 * workers get it back, along with the KCOVJS_* environment.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';
import type { WorkerOptions } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const wrapped = Symbol.for('kcovjs.worker-wrapped');

function hasImport(execArgv: readonly string[], registerUrl: string): boolean {
  return execArgv.some((a, i) => a === registerUrl || (a === '--import' && execArgv[i + 1] === registerUrl) || a === `--import=${registerUrl}`);
}

/** Wraps `Worker` so every worker thread loads `registerUrl` first. */
export function propagateToWorkers(registerUrl: string): void {
  const wt = require('node:worker_threads') as typeof import('node:worker_threads') & Record<symbol, unknown>;
  if (wt[wrapped]) return;
  const Original = wt.Worker;
  class Worker extends Original {
    constructor(filename: string | URL, options: WorkerOptions = {}) {
      let opts = options;
      if (opts.execArgv && !hasImport(opts.execArgv, registerUrl)) {
        opts = { ...opts, execArgv: ['--import', registerUrl, ...opts.execArgv] };
      }
      if (opts.env && typeof opts.env === 'object') {
        const env = { ...(opts.env as Record<string, string>) };
        for (const [k, v] of Object.entries(process.env)) if (k.startsWith('KCOVJS_') && v !== undefined && !(k in env)) env[k] = v;
        opts = { ...opts, env };
      }
      super(filename, opts);
    }
  }
  wt.Worker = Worker;
  wt[wrapped] = true;
  syncBuiltinESMExports();
}
