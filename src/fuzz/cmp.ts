/**
 * Comparison operands for input-to-state replacement (libFuzzer's "table of recent compares",
 * syzkaller's hints). Each pair holds the byte encodings of both operands of one comparison;
 * the CMP mutator finds one operand in the input and writes the other in its place.
 */
import type { Rng } from './rng.js';

/** Byte encodings of the operands of one comparison: `a` may be in an input, `b` replaces it. */
export interface CmpPair {
  readonly a: Uint8Array;
  readonly b: Uint8Array;
  /** Whether it came from a string comparison (keywords, magic words) rather than numbers. */
  readonly text: boolean;
}

/** Longest operand kept, in bytes. */
const MAX_OPERAND = 128;

/**
 * A bounded table of recent comparison operand pairs, newest replacing oldest. Pairs are
 * directed (replace `a` by `b`). A table made for one input (`input` given) keeps only the
 * directions whose `a` occurs in that input, which is what input-to-state replacement needs;
 * a table without an input keeps both directions.
 */
export class CmpTable {
  private readonly pairs: CmpPair[] = [];
  private readonly keys: string[] = [];
  private readonly known = new Set<string>();
  private next = 0;
  private sealed = false;
  private hay: Buffer | undefined;

  constructor(readonly capacity = 1024, input?: Uint8Array) {
    this.hay = input ? Buffer.from(input.buffer, input.byteOffset, input.byteLength) : undefined;
  }

  /** Number of pairs held. */
  get size(): number {
    return this.pairs.length;
  }

  /**
   * Drops the bookkeeping used to de-duplicate additions, keeping the pairs: for tables
   * that are complete (one per corpus input), to save memory. Later additions are ignored.
   */
  seal(): void {
    this.sealed = true;
    this.hay = undefined;
    this.known.clear();
    this.keys.length = 0;
  }

  /** Every pair, oldest first. */
  all(): readonly CmpPair[] {
    return this.pairs;
  }

  /** A random pair, or undefined when empty. */
  pick(rng: Rng): CmpPair | undefined {
    return this.pairs.length === 0 ? undefined : this.pairs[rng.below(this.pairs.length)];
  }

  /**
   * Adds the operands of one comparison (ignored when equal, too long, or, for a table
   * made for an input, when neither occurs in it). Returns whether a pair was added.
   */
  addBytes(a: Uint8Array, b: Uint8Array, text = false): boolean {
    if (this.sealed) return false;
    if (a.length > MAX_OPERAND || b.length > MAX_OPERAND) return false;
    if (Buffer.compare(a, b) === 0) return false;
    const ab = this.present(a) && this.addDirected(a, b, text);
    const ba = this.present(b) && this.addDirected(b, a, text);
    return ab || ba;
  }

  private present(x: Uint8Array): boolean {
    if (!this.hay) return true;
    return x.length > 0 && this.hay.indexOf(x) >= 0;
  }

  private addDirected(a: Uint8Array, b: Uint8Array, text: boolean): boolean {
    if (b.length === 0) return false;
    const key = `${Buffer.from(a).toString('latin1')}\u0000${Buffer.from(b).toString('latin1')}`;
    if (this.known.has(key)) return false;
    const pair = { a: Uint8Array.from(a), b: Uint8Array.from(b), text };
    if (this.pairs.length < this.capacity) {
      this.pairs.push(pair);
      this.keys.push(key);
    } else {
      this.known.delete(this.keys[this.next]!);
      this.pairs[this.next] = pair;
      this.keys[this.next] = key;
      this.next = (this.next + 1) % this.capacity;
    }
    this.known.add(key);
    return true;
  }

  /** A string comparison: both operands as UTF-8 (JS code compares input-derived text). */
  addStrings(a: string, b: string): void {
    if (a === b) return;
    this.addBytes(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'), true);
  }

  /**
   * A numeric comparison: operands in decimal text, and as little- and big-endian integers
   * of `width` bytes (1, 2, 4 or 8) when they are integers that fit.
   */
  addNumbers(a: number, b: number, width: number): void {
    if (a === b || Number.isNaN(a) || Number.isNaN(b)) return;
    this.addBytes(Buffer.from(String(a), 'latin1'), Buffer.from(String(b), 'latin1'));
    if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) return;
    for (const little of width === 1 ? [true] : [true, false]) {
      const ea = encodeInt(a, width, little);
      const eb = encodeInt(b, width, little);
      if (ea && eb) this.addBytes(ea, eb);
    }
  }
}

/** Two's complement encoding of integer `v` in `width` bytes, or null if it does not fit. */
export function encodeInt(v: number, width: number, little: boolean): Uint8Array | null {
  if (width !== 1 && width !== 2 && width !== 4 && width !== 8) return null;
  if (width < 8) {
    // Fast path without BigInt: the value must fit signed or unsigned in width bytes.
    const bits = width * 8;
    if (v < -(2 ** (bits - 1)) || v >= 2 ** bits) return null;
    const out = new Uint8Array(width);
    const u = v < 0 ? v + 2 ** bits : v;
    for (let i = 0; i < width; i++) out[little ? i : width - 1 - i] = Math.floor(u / 2 ** (8 * i)) & 0xff;
    return out;
  }
  const bits = BigInt(width * 8);
  const big = BigInt(v);
  const min = -(1n << (bits - 1n));
  const max = (1n << bits) - 1n;
  if (big < min || big > max) return null;
  const u = BigInt.asUintN(width * 8, big);
  const out = new Uint8Array(width);
  for (let i = 0; i < width; i++) {
    const byte = Number((u >> BigInt(8 * i)) & 0xffn);
    out[little ? i : width - 1 - i] = byte;
  }
  return out;
}
