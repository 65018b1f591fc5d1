/**
 * The agent of `kcovjs trace`: loaded with `--import` after kcovjs/register, it opens a kcov
 * instance for the main thread's root task before any instrumented module runs, enables it,
 * and writes what the area collected to the file named by KCOVJS_TRACE_FILE.
 *
 * Only the first Node process that sees KCOVJS_TRACE_FILE traces: the agent removes the
 * variable from its environment, so child processes and workers (whose environment is a
 * copy taken later) run without it. The trace file is written, by atomic rename, at exit
 * (also after an uncaught exception or process.exit()), on SIGINT/SIGTERM/SIGHUP, and every
 * KCOVJS_TRACE_INTERVAL_MS (default 1000) while the area grows, so a long run can be
 * watched and a crash keeps most of its trace. Its format is the raw trace of docs/consumers.md:
 * a little-endian u64 count, then the entries (one u64 PC each, or four u64 words per
 * comparison record).
 */
import { isMainThread } from 'node:worker_threads';
import {
  KCOV_ENABLE, KCOV_INIT_TRACE, KCOV_TRACE_CMP, KCOV_TRACE_PC, KCOV_UNIQUE_ENABLE, KCOV_WORDS_PER_CMP,
} from '../abi/constants.js';
import { openDevice } from '../kcov/device.js';
import { writeFileAtomic } from '../runtime/atomic-file.js';

/** The trace modes of `kcovjs trace`. */
export const TRACE_MODES = ['pc', 'unique', 'cmp'] as const;
/** One of TRACE_MODES. */
export type TraceMode = (typeof TRACE_MODES)[number];

/** Environment variables that configure the agent. */
export const TRACE_ENV = {
  file: 'KCOVJS_TRACE_FILE',
  mode: 'KCOVJS_TRACE_MODE',
  size: 'KCOVJS_TRACE_SIZE',
  interval: 'KCOVJS_TRACE_INTERVAL_MS',
} as const;

/** Default area size in 64-bit words (8 MiB). */
export const DEFAULT_TRACE_WORDS = 1 << 20;

/** Where the trace sits in an area of `size` words: its count word and its entry capacity. */
export interface TraceLayout {
  /** Unique mode: words of the bitmap before the trace (else 0). */
  bitmapWords: number;
  /** Index of the count word. */
  countWord: number;
  /** Words per entry. */
  entryWords: number;
  /** Most entries the area holds; a count this high means later entries were dropped. */
  capacity: number;
}

/** The layout the agent uses for a mode and size (the CLI reads the trace with it). */
export function traceLayout(mode: TraceMode, size: number): TraceLayout {
  if (mode === 'cmp') return { bitmapWords: 0, countWord: 0, entryWords: KCOV_WORDS_PER_CMP, capacity: Math.floor((size - 1) / KCOV_WORDS_PER_CMP) };
  if (mode === 'pc') return { bitmapWords: 0, countWord: 0, entryWords: 1, capacity: size - 1 };
  // Unique: an eighth of the area for the bitmap (one bit per dense block index).
  const bitmapWords = Math.max(1, Math.floor(size / 8));
  return { bitmapWords, countWord: bitmapWords, entryWords: 1, capacity: size - bitmapWords - 1 };
}

/** Reads and checks the agent's configuration from an environment. */
export function traceConfig(env: NodeJS.ProcessEnv): { file: string; mode: TraceMode; size: number; intervalMs: number } | undefined {
  const file = env[TRACE_ENV.file];
  if (!file) return undefined;
  const mode = (env[TRACE_ENV.mode] ?? 'pc') as TraceMode;
  if (!TRACE_MODES.includes(mode)) throw new Error(`kcovjs trace: ${TRACE_ENV.mode} must be one of ${TRACE_MODES.join(', ')}, got '${mode}'`);
  const size = Number(env[TRACE_ENV.size] ?? DEFAULT_TRACE_WORDS);
  if (!Number.isSafeInteger(size) || size < 512 || size % 512 !== 0) {
    throw new Error(`kcovjs trace: the area size must be a multiple of 512 words (one 4 KiB page), at least 512; got '${env[TRACE_ENV.size]}'`);
  }
  const intervalMs = Number(env[TRACE_ENV.interval] ?? 1000);
  if (!Number.isFinite(intervalMs) || intervalMs < 0) throw new Error(`kcovjs trace: ${TRACE_ENV.interval} must be >= 0`);
  return { file, mode, size, intervalMs };
}

/** Starts tracing as configured by `env` (no-op without KCOVJS_TRACE_FILE or off the main thread). */
export function startTraceAgent(env: NodeJS.ProcessEnv = process.env): void {
  const config = traceConfig(env);
  if (!config || !isMainThread) return;
  delete env[TRACE_ENV.file];
  const { file, mode, size, intervalMs } = config;
  const layout = traceLayout(mode, size);
  const kcov = openDevice();
  kcov.ioctl(KCOV_INIT_TRACE, size);
  const area = kcov.mmap(size * 8);
  if (mode === 'unique') kcov.ioctl(KCOV_UNIQUE_ENABLE, layout.bitmapWords);
  else kcov.ioctl(KCOV_ENABLE, mode === 'cmp' ? KCOV_TRACE_CMP : KCOV_TRACE_PC);
  area[layout.countWord] = 0n;

  let written = -1;
  const flush = (): void => {
    const count = Math.min(Number(area[layout.countWord]!), layout.capacity);
    if (count === written) return;
    const start = layout.countWord;
    const words = area.slice(start, start + 1 + count * layout.entryWords);
    words[0] = BigInt(count);
    try {
      writeFileAtomic(file, new Uint8Array(words.buffer, words.byteOffset, words.byteLength));
      written = count;
    } catch (err) {
      process.stderr.write(`kcovjs trace: could not write the trace to ${file}: ${(err as Error).message}\n`);
    }
  };
  flush();
  const timer = intervalMs > 0 ? setInterval(flush, intervalMs) : undefined;
  timer?.unref();
  process.on('exit', flush);
  const onSignal = (signal: NodeJS.Signals): void => {
    flush();
    if (process.listenerCount(signal) === 1) {
      process.off(signal, onSignal);
      process.kill(process.pid, signal);
    }
  };
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, onSignal);
}

startTraceAgent();
