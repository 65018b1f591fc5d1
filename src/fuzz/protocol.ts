/**
 * What the supervisor (main thread) and a fuzzing worker share: a SharedArrayBuffer with a
 * heartbeat and a copy of the input being run (so that the watchdog can name the input
 * of a worker it had to kill), statistics, and the few messages that cross per event (never
 * per input).
 */

/** Int32 slots at the start of the shared buffer. */
export const Slot = {
  /** Incremented by the worker before each input (the heartbeat). */
  SEQ: 0,
  /** 1 while an input runs, 0 between inputs. */
  RUNNING: 1,
  /** Length of the input copy. */
  LEN: 2,
  /** Set to 1 by the supervisor: finish the current batch and stop. */
  STOP: 3,
} as const;

/** Float64 statistics published by the worker after each batch. */
export const Stat = { EXECS: 0, COV: 1, FT: 2, CORP: 3, CORP_BYTES: 4 } as const;

const INT_SLOTS = 4;
const STAT_SLOTS = 5;
const STATS_OFFSET = 16;
const INPUT_OFFSET = STATS_OFFSET + 8 * STAT_SLOTS;

/** Typed views of one worker's shared buffer. */
export interface SharedViews {
  sab: SharedArrayBuffer;
  ctl: Int32Array;
  stats: Float64Array;
  input: Uint8Array;
}

/** Allocates the shared buffer of a worker that runs inputs of up to `maxLen` bytes. */
export function allocShared(maxLen: number): SharedViews {
  return viewsOf(new SharedArrayBuffer(INPUT_OFFSET + maxLen));
}

/** Views over an existing shared buffer. */
export function viewsOf(sab: SharedArrayBuffer): SharedViews {
  return {
    sab,
    ctl: new Int32Array(sab, 0, INT_SLOTS),
    stats: new Float64Array(sab, STATS_OFFSET, STAT_SLOTS),
    input: new Uint8Array(sab, INPUT_OFFSET),
  };
}

/** The copy of the input the worker is running (or ran last). */
export function currentInput(v: SharedViews): Buffer {
  const len = Math.min(Atomics.load(v.ctl, Slot.LEN), v.input.length);
  return Buffer.from(v.input.subarray(0, len));
}

/** Settings handed to a worker at start. */
export interface WorkerConfig {
  target: string;
  entry: string;
  /** Corpus directories: [0] is written (if any), the rest are read. */
  corpusDirs: string[];
  /** Regression mode: run exactly these files, once each. */
  files: string[] | null;
  runs: number;
  maxLen: number;
  seed: number;
  onlyAscii: boolean;
  dictEntries: Uint8Array[];
  kcovMode: 'trace_pc' | 'unique';
  useCmp: boolean;
  useLiterals: boolean;
  useSlowness: boolean;
  workerIndex: number;
  sab: SharedArrayBuffer;
}

/** A finding reported by the worker itself (an exception it caught). */
export interface CrashMessage {
  type: 'crash';
  data: Uint8Array;
  /** Error text with its stack, in original source positions. */
  error: string;
  /** Mutation sequence that produced the input, libFuzzer's `MS:` text. */
  ms: string;
  /** SHA-1 of the corpus input it was derived from, if any. */
  base: string;
}

/** Status events of a worker. */
export interface EventMessage {
  type: 'event';
  /** libFuzzer's event word: INITED, NEW, REDUCE, DONE. */
  event: 'INITED' | 'NEW' | 'REDUCE' | 'DONE';
  execs: number;
  cov: number;
  ft: number;
  corp: number;
  corpBytes: number;
  /** Current input length limit (libFuzzer's `lim:`). */
  lim: number;
  len: number;
  ms: string;
}

/** Plain information lines (module counts, warnings). */
export interface InfoMessage {
  type: 'info';
  text: string;
}

/** Regression mode: one file ran without a finding. */
export interface RanMessage {
  type: 'ran';
  file: string;
  ms: number;
}

/** The worker could not start fuzzing (bad target, unreadable corpus). */
export interface FatalMessage {
  type: 'fatal';
  text: string;
}

/** Every message a worker sends. */
export type WorkerMessage = CrashMessage | EventMessage | InfoMessage | RanMessage | FatalMessage;
