/**
 * The coverage area: `size` little-endian 64-bit words in a SharedArrayBuffer, written by
 * the device and read (and reset) by the consumer through `mmap` views, possibly from
 * another thread.
 *
 * The hot path never creates a BigInt: every 64-bit word is written as two 32-bit halves
 * through a Uint32Array over the same memory (low half first, little-endian as on x86-64
 * and arm64). A count word is re-read on every append, because the consumer may zero or
 * rewrite it at any time; any count that leaves no room (including counts of 2^32 and
 * more, whose high half is non-zero) means "full": nothing is written and the count is
 * left as it is. The new count is published with `Atomics.store` on its low half after
 * the entry is written, so a reader that loads count n atomically sees entries 1..n.
 */
import { KcovError } from '../abi/errors.js';
import { KCOV_WORDS_PER_CMP } from '../abi/constants.js';

/** High 32 bits of every synthetic PC. */
const PC_HIGH = 0xffffffff;

/** The memory of one kcov instance. */
export class Area {
  /** The shared memory that every mmap view aliases. */
  readonly buffer: SharedArrayBuffer;
  /** Size in 64-bit words. */
  readonly words: number;
  /** The same memory as 32-bit words, little-endian halves of the 64-bit words. */
  readonly u32: Uint32Array;

  /** Allocates a zeroed area of `words` words; ENOMEM when the memory cannot be had. */
  constructor(words: number) {
    let buffer: SharedArrayBuffer;
    try {
      buffer = new SharedArrayBuffer(words * 8);
    } catch (err) {
      if (err instanceof RangeError) {
        throw new KcovError('ENOMEM', 'ioctl', `KCOV_INIT_TRACE: cannot allocate ${words} words (${err.message})`);
      }
      throw err;
    }
    this.buffer = buffer;
    this.words = words;
    this.u32 = new Uint32Array(buffer);
  }

  /** A new 64-bit view of the whole area. */
  view(): BigUint64Array {
    return new BigUint64Array(this.buffer);
  }

  /**
   * Appends one PC to the trace that occupies words [start, end): its count is word
   * `start`, its entries follow.
   */
  appendPc(start: number, end: number, pcLow: number): void {
    const u = this.u32;
    const c = 2 * start;
    if (u[c + 1] !== 0) return;
    const n = u[c]!;
    const pos = start + 1 + n;
    if (pos >= end) return;
    u[2 * pos] = pcLow;
    u[2 * pos + 1] = PC_HIGH;
    Atomics.store(u, c, n + 1);
  }

  /** Number of whole comparison records that fit after the count word. */
  cmpCapacity(): number {
    return Math.floor((this.words - 1) / KCOV_WORDS_PER_CMP);
  }

  /**
   * Appends one comparison record {type, arg1, arg2, ip}; the operands come as 32-bit
   * halves. Returns the record's slot, or -1 when the area is full.
   */
  appendCmp(type: number, a1lo: number, a1hi: number, a2lo: number, a2hi: number, pcLow: number): number {
    const u = this.u32;
    if (u[1] !== 0) return -1;
    const n = u[0]!;
    if (n >= this.cmpCapacity()) return -1;
    const w = 2 * (1 + KCOV_WORDS_PER_CMP * n);
    u[w] = type;
    u[w + 1] = 0;
    u[w + 2] = a1lo;
    u[w + 3] = a1hi;
    u[w + 4] = a2lo;
    u[w + 5] = a2hi;
    u[w + 6] = pcLow;
    u[w + 7] = PC_HIGH;
    Atomics.store(u, 0, n + 1);
    return n;
  }

  /**
   * Unique mode: tests and sets bit `index` of the bitmap in words [0, bitmapWords).
   * Returns true if the bit was already set. Indices beyond the bitmap are never "seen".
   */
  testAndSet(bitmapWords: number, index: number): boolean {
    if (index >= bitmapWords * 64) return false;
    const i = index >>> 5;
    const bit = 1 << (index & 31);
    const u = this.u32;
    if ((u[i]! & bit) !== 0) return true;
    u[i] = u[i]! | bit;
    return false;
  }

  /** Zeroes words [0, bitmapWords) and the count word at `countWord` (KCOV_RESET_TRACE). */
  reset(bitmapWords: number, countWord: number): void {
    const u = this.u32;
    u.fill(0, 0, 2 * bitmapWords);
    Atomics.store(u, 2 * countWord + 1, 0);
    Atomics.store(u, 2 * countWord, 0);
  }
}
