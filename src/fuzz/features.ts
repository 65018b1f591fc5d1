/**
 * Coverage features, the way libFuzzer and syzkaller count them: a block (PC), an edge
 * (two consecutive PCs of an execution-order trace) and a hit-count bucket of a block.
 * Features are hashed into a fixed-size bit set; a collision only hides a feature. The low
 * five bits tell the kind: odd = edge, 0 = block, 2..16 = hit-count bucket of a block.
 */
import { PC_LOW_BASE } from '../abi/constants.js';

const FEATURE_BITS = 24;
const FEATURE_MASK = (1 << FEATURE_BITS) - 1;
/** Distinct blocks counted per input; more are still seen, but without buckets. */
const TABLE_SIZE = 1 << 16;
const TABLE_MASK = TABLE_SIZE - 1;

/** 32-bit integer mix (an avalanche step in the style of murmur's finaliser). */
export function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** libFuzzer's hit-count buckets: 1, 2, 3, 4-7, 8-15, 16-31, 32-127, 128+. */
export function bucketOf(count: number): number {
  if (count <= 3) return count;
  if (count < 8) return 4;
  if (count < 16) return 5;
  if (count < 32) return 6;
  if (count < 128) return 7;
  return 8;
}

/**
 * Turns the PCs of one execution into features and tells which are new. Owns the global
 * "seen" set; one instance per fuzzing worker.
 */
export class FeatureMap {
  private readonly seen = new Uint8Array((FEATURE_MASK + 1) >>> 3);
  /** Slot keys (slot + 1) of the per-input count table, 0 = free. */
  private readonly keys = new Int32Array(TABLE_SIZE);
  private readonly counts = new Uint32Array(TABLE_SIZE);
  private touched = new Int32Array(1024);
  private nTouched = 0;
  /** Features of the last input (with repeats for edges). */
  private feats = new Int32Array(4096);
  private nFeats = 0;
  /** Number of distinct features seen so far ("ft"). */
  features = 0;
  /** Number of distinct blocks seen so far ("cov"). */
  blocks = 0;

  /**
   * Reads `n` PCs (low halves at u32[2*i + first*2], i.e. u64 words from `first`) of one
   * execution. `edges` says whether the list is an execution-order trace (TRACE_PC) rather
   * than a set of unique PCs. Returns the number of features never seen before.
   */
  collect(u32: Uint32Array, first: number, n: number, edges: boolean): number {
    this.reset();
    let prev = 0;
    const end = (first + n) * 2;
    for (let i = first * 2; i < end; i += 2) {
      const slot = ((u32[i]! - PC_LOW_BASE) >>> 3) + 1;
      if (edges) {
        this.push(mix32(Math.imul(prev, 0x9e3779b1) ^ slot) | 1);
        prev = slot;
      }
      this.count(slot);
    }
    for (let t = 0; t < this.nTouched; t++) {
      const idx = this.touched[t]!;
      const key = this.keys[idx]!;
      this.push(mix32(key) << 5);
      if (edges) this.push((mix32(key ^ 0x5bd1e995) << 5) | (bucketOf(this.counts[idx]!) << 1));
    }
    let fresh = 0;
    for (let i = 0; i < this.nFeats; i++) if (!this.has(this.feats[i]!)) fresh++;
    return fresh;
  }

  /** Marks the features of the last `collect` as seen; returns how many were new. */
  commit(): number {
    let fresh = 0;
    for (let i = 0; i < this.nFeats; i++) {
      const f = this.feats[i]!;
      if (this.has(f)) continue;
      this.seen[(f & FEATURE_MASK) >>> 3]! |= 1 << (f & 7);
      fresh++;
      this.features++;
      if ((f & 31) === 0) this.blocks++;
    }
    return fresh;
  }

  /** Number of distinct blocks of the last `collect` (a cheap first test of equal sets). */
  get lastBlocks(): number {
    return this.nTouched;
  }

  /** Sorted distinct features of the last `collect` (for comparing feature sets). */
  lastFeatures(): Int32Array {
    const out = this.feats.slice(0, this.nFeats).map((f) => f & FEATURE_MASK).sort();
    let w = 0;
    for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[w++] = out[i]!;
    return out.slice(0, w);
  }

  private has(f: number): boolean {
    return (this.seen[(f & FEATURE_MASK) >>> 3]! & (1 << (f & 7))) !== 0;
  }

  private push(f: number): void {
    if (this.nFeats === this.feats.length) {
      const grown = new Int32Array(this.feats.length * 2);
      grown.set(this.feats);
      this.feats = grown;
    }
    this.feats[this.nFeats++] = f;
  }

  private count(key: number): void {
    let idx = mix32(key) & TABLE_MASK;
    for (let probe = 0; probe < 8; probe++) {
      const k = this.keys[idx]!;
      if (k === key) {
        this.counts[idx]!++;
        return;
      }
      if (k === 0) {
        this.keys[idx] = key;
        this.counts[idx] = 1;
        if (this.nTouched === this.touched.length) {
          const grown = new Int32Array(this.touched.length * 2);
          grown.set(this.touched);
          this.touched = grown;
        }
        this.touched[this.nTouched++] = idx;
        return;
      }
      idx = (idx + 1) & TABLE_MASK;
    }
  }

  private reset(): void {
    for (let t = 0; t < this.nTouched; t++) this.keys[this.touched[t]!] = 0;
    this.nTouched = 0;
    this.nFeats = 0;
  }
}
