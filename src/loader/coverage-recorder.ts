/**
 * Records a thread's block counters to a coverage directory (`kcovjs run --coverage-dir`).
 *
 * Every thread of every process writes its own file, `kcovjs-<pid>-<threadId>-<start>.json`,
 * by atomic rename, so a reader never sees half a file and processes never fight over one.
 * The file is written from every way out that JS can see: normal exit ('beforeExit' and
 * 'exit', which also fire after an uncaught exception or process.exit()), SIGINT, SIGTERM and
 * SIGHUP (main thread only: workers receive no signals), and periodically while the thread
 * runs, so a crash that JS cannot see (SIGKILL, a native abort) loses at most one interval.
 * The format is documented in docs/reports.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMainThread, threadId } from 'node:worker_threads';
import { writeFileAtomic } from '../runtime/atomic-file.js';
import type { Runtime } from '../runtime/registry.js';

/** Version of the coverage file format. */
export const COVERAGE_FORMAT_VERSION = 1;
/** The `kind` field of a coverage file. */
export const COVERAGE_KIND = 'kcovjs-coverage';
/** Environment variable that sets the periodic flush interval in ms (0 turns it off). */
export const FLUSH_INTERVAL_ENV = 'KCOVJS_COVERAGE_INTERVAL_MS';
const DEFAULT_INTERVAL_MS = 2000;

/** One file's counters in a coverage file. */
export interface CoverageFileEntry {
  /** Path relative to `root`, forward slashes. */
  path: string;
  /** sha1 of the original source (names the block table in the manifest's tables/). */
  hash: string;
  /** First PC slot of the file. */
  base: number;
  /** Number of blocks (the length of `counts`). */
  blocks: number;
  /** Number of compare sites of this version of the file. */
  sites: number;
  /** Hit count of each block. */
  counts: number[];
}

/** The content of one coverage file. */
export interface CoverageFile {
  version: number;
  kind: string;
  pid: number;
  threadId: number;
  /** Project root the paths are relative to. */
  root: string;
  /** Absolute path of the manifest that holds the block tables. */
  manifest: string;
  files: CoverageFileEntry[];
  /** Files the filter selected that could not be instrumented (they ran plain). */
  failures?: Array<{ file: string; reason: string }>;
}

/** A running recorder. */
export interface CoverageRecorder {
  /** The file this thread writes. */
  readonly file: string;
  /** Writes the current counters now (if they changed since the last write). */
  flush(): void;
  /** Writes a last time and removes every handler and timer. */
  stop(): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Builds the coverage file content of a runtime (counts of one file version are summed). */
export function snapshotCoverage(runtime: Runtime): CoverageFile {
  const byKey = new Map<string, CoverageFileEntry>();
  for (const m of runtime.modules) {
    const key = `${m.relPath}\0${m.entry.hash}`;
    const known = byKey.get(key);
    const counts = runtime.counts(m);
    if (known && known.counts.length === counts.length) {
      for (let i = 0; i < counts.length; i++) known.counts[i]! += counts[i]!;
      continue;
    }
    byKey.set(key, {
      path: m.relPath, hash: m.entry.hash, base: m.entry.base, blocks: m.entry.blocks, sites: m.entry.sites,
      counts,
    });
  }
  return {
    version: COVERAGE_FORMAT_VERSION, kind: COVERAGE_KIND, pid: process.pid, threadId, root: runtime.root,
    manifest: runtime.manifest.file, files: [...byKey.values()], failures: [...runtime.failures],
  };
}

/** A cheap fingerprint of the counters, to skip writes when nothing ran. */
function fingerprint(runtime: Runtime): string {
  let sum = 0;
  for (const m of runtime.modules) {
    const c = m.counters;
    for (let i = 0; i < c.length; i++) sum = (sum + c[i]!) % 0x7fffffff;
    const b = m.banked;
    if (b) for (let i = 0; i < b.length; i++) sum = (sum + b[i]!) % 0x7fffffff;
  }
  return `${runtime.modules.length}:${runtime.failures.length}:${sum}`;
}

/** Options of `startCoverageRecorder`. */
export interface RecorderOptions {
  /** Whether this is the process's main thread (default: worker_threads' isMainThread). */
  mainThread?: boolean;
  /** Periodic flush interval in ms, 0 for none (default: KCOVJS_COVERAGE_INTERVAL_MS or 2000). */
  intervalMs?: number;
}

/**
 * Starts recording `runtime`'s counters into `dir` (created if missing). Call once per
 * thread, as early as possible; the loader does it when KCOVJS_COVERAGE_DIR is set.
 */
export function startCoverageRecorder(runtime: Runtime, dir: string, options: RecorderOptions = {}): CoverageRecorder {
  const mainThread = options.mainThread ?? isMainThread;
  const outDir = path.resolve(dir);
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `kcovjs-${process.pid}-${threadId}-${Date.now().toString(36)}.json`);
  let last = '';
  let stopped = false;

  const flush = (): void => {
    const print = fingerprint(runtime);
    if (print === last) return;
    try {
      writeFileAtomic(file, JSON.stringify(snapshotCoverage(runtime)) + '\n');
      last = print;
    } catch (err) {
      process.stderr.write(`kcovjs: could not write coverage to ${file}: ${(err as Error).message}\n`);
    }
  };

  const onExit = (): void => flush();
  const onSignal = (signal: NodeJS.Signals): void => {
    flush();
    // When nothing else listens, die of the signal as the program would have without us.
    if (process.listenerCount(signal) === 1) {
      stop();
      process.kill(process.pid, signal);
    }
  };

  const intervalMs = options.intervalMs ?? Number(process.env[FLUSH_INTERVAL_ENV] ?? DEFAULT_INTERVAL_MS);
  if (!Number.isFinite(intervalMs) || intervalMs < 0) {
    throw new Error(`kcovjs: ${FLUSH_INTERVAL_ENV} must be a number of milliseconds >= 0, got '${process.env[FLUSH_INTERVAL_ENV]}'`);
  }
  const timer = intervalMs > 0 ? setInterval(flush, intervalMs) : undefined;
  timer?.unref();

  process.on('exit', onExit);
  process.on('beforeExit', onExit);
  if (mainThread) for (const s of SIGNALS) process.on(s, onSignal);

  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    flush();
    if (timer) clearInterval(timer);
    process.off('exit', onExit);
    process.off('beforeExit', onExit);
    if (mainThread) for (const s of SIGNALS) process.off(s, onSignal);
  };

  return { file, flush, stop };
}
