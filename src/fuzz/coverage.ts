/**
 * Coverage of one execution, read through the public kcov device exactly as a native kcov
 * consumer would: open, INIT_TRACE, mmap, ENABLE (TRACE_PC) or UNIQUE_ENABLE, reset the
 * count word before each input, read the PCs after it. A second instance in TRACE_CMP mode
 * is switched in for the occasional execution whose comparisons feed input-to-state
 * replacement (one task owns one enabled instance at a time, as on Linux).
 */
import {
  KCOV_CMP_MASK, KCOV_DISABLE, KCOV_ENABLE, KCOV_INIT_TRACE, KCOV_RESET_TRACE, KCOV_TRACE_CMP,
  KCOV_TRACE_PC, KCOV_UNIQUE_ENABLE, KCOV_WORDS_PER_CMP, KCOVJS_CMP_STRING, PAGE_SIZE,
} from '../abi/constants.js';
import { open, type KcovFile } from '../kcov/index.js';
import type { CmpTable } from './cmp.js';
import type { FeatureMap } from './features.js';

/** Area size in 8-byte words for PC tracing (the trace is cut when an input runs longer). */
const PC_WORDS = 1 << 18;
/** Unique mode: bitmap words (64 PCs per word) at the start of the area. */
const UNIQUE_BITMAP_WORDS = 1 << 14;
/** Area size for comparison records. */
const CMP_WORDS = 1 << 16;

/** Something that runs an input; the result is a promise only for async targets. */
export type Execute = () => unknown;

/** The kcov consumer of one fuzzing worker. */
export class KcovCoverage {
  private readonly pc: KcovFile;
  private readonly cmp: KcovFile | null;
  private readonly pcU32: Uint32Array;
  private readonly cmpArea: BigUint64Array | null;
  private readonly cmpU32: Uint32Array | null;
  /** Index of the count word of the trace (past the bitmap in unique mode). */
  private readonly countWord: number;
  private readonly unique: boolean;

  /** Opens and enables the device; throws the device's KcovError when coverage is unavailable. */
  constructor(mode: 'trace_pc' | 'unique', useCmp: boolean) {
    this.unique = mode === 'unique';
    this.pc = open();
    this.pc.ioctl(KCOV_INIT_TRACE, PC_WORDS);
    const area = this.pc.mmap(roundPage(PC_WORDS * 8));
    this.pcU32 = new Uint32Array(area.buffer, area.byteOffset, PC_WORDS * 2);
    this.countWord = this.unique ? UNIQUE_BITMAP_WORDS : 0;
    if (useCmp) {
      this.cmp = open();
      this.cmp.ioctl(KCOV_INIT_TRACE, CMP_WORDS);
      this.cmpArea = this.cmp.mmap(roundPage(CMP_WORDS * 8));
      this.cmpU32 = new Uint32Array(this.cmpArea.buffer, this.cmpArea.byteOffset, CMP_WORDS * 2);
    } else {
      this.cmp = null;
      this.cmpArea = null;
      this.cmpU32 = null;
    }
    this.enablePc();
  }

  private enablePc(): void {
    if (this.unique) this.pc.ioctl(KCOV_UNIQUE_ENABLE, UNIQUE_BITMAP_WORDS);
    else this.pc.ioctl(KCOV_ENABLE, KCOV_TRACE_PC);
  }

  /**
   * Clears the trace before an input: zero the count word (the reset the kernel docs show),
   * or KCOV_RESET_TRACE in unique mode, which also zeroes the bitmap.
   */
  begin(): void {
    if (this.unique) {
      this.pc.ioctl(KCOV_RESET_TRACE, 0);
      return;
    }
    this.pcU32[0] = 0;
    this.pcU32[1] = 0;
  }

  /** Turns the trace of the last input into features; returns how many are new. */
  collect(features: FeatureMap): number {
    const w = this.countWord;
    const n = Math.min(this.pcU32[w * 2]!, PC_WORDS - w - 1);
    return features.collect(this.pcU32, w + 1, n, !this.unique);
  }

  /** Whether comparison tracing is available. */
  get hasCmp(): boolean {
    return this.cmp !== null;
  }

  /**
   * Runs `execute` with the comparison instance enabled instead of the PC one, and adds the
   * operands of every record to each table. Errors of the execution are the caller's business;
   * the PC instance is enabled again in every case.
   */
  async traceCompares(execute: Execute, tables: readonly CmpTable[]): Promise<void> {
    const cmp = this.cmp;
    if (!cmp) return;
    this.pc.ioctl(KCOV_DISABLE, 0);
    try {
      this.cmpU32![0] = 0;
      this.cmpU32![1] = 0;
      cmp.ioctl(KCOV_ENABLE, KCOV_TRACE_CMP);
      try {
        const r = execute();
        if (isThenable(r)) await r;
      } catch {
        // The finding, if any, is reported by the normal execution of the same input.
      } finally {
        cmp.ioctl(KCOV_DISABLE, 0);
      }
      harvest(cmp, this.cmpU32!, tables);
    } finally {
      this.enablePc();
    }
  }
}

/** Adds the operands of the records in a TRACE_CMP area to the tables. */
function harvest(file: KcovFile, u32: Uint32Array, tables: readonly CmpTable[]): void {
  const count = Math.min(u32[0]!, Math.floor((CMP_WORDS - 1) / KCOV_WORDS_PER_CMP));
  // Loops compare the same operands over and over: handle each distinct record once.
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const w = (1 + i * KCOV_WORDS_PER_CMP) * 2;
    const type = u32[w]!;
    const key = `${type},${u32[w + 2]},${u32[w + 3]},${u32[w + 4]},${u32[w + 5]}`;
    const ops = file.cmpOperands(i);
    if (!ops) continue;
    const [a, b] = ops;
    // String records carry only 8 bytes of each operand; the full values tell them apart.
    const full = (type & KCOVJS_CMP_STRING) !== 0 ? `${key},${String(a)}\u0000${String(b)}` : key;
    if (seen.has(full)) continue;
    seen.add(full);
    if ((type & KCOVJS_CMP_STRING) !== 0) {
      for (const t of tables) t.addStrings(String(a), String(b));
    } else {
      const x = toNumber(a);
      const y = toNumber(b);
      if (x === null || y === null) continue;
      for (const t of tables) t.addNumbers(x, y, 1 << ((type & KCOV_CMP_MASK) >> 1));
    }
  }
}

function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint' && v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(v);
  return null;
}

/** Whether a value is a promise-like (an async target's result). */
export function isThenable(v: unknown): v is PromiseLike<unknown> {
  return v !== null && (typeof v === 'object' || typeof v === 'function') && typeof (v as { then?: unknown }).then === 'function';
}

function roundPage(bytes: number): number {
  return Math.ceil(bytes / PAGE_SIZE) * PAGE_SIZE;
}
