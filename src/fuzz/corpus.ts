/**
 * The corpus: inputs on disk (named by the SHA-1 of their bytes, written atomically) and
 * the in-memory set the engine mutates, with libFuzzer's "reduce" rule: an input with
 * exactly the feature set of a kept input, but smaller, replaces it.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../runtime/atomic-file.js';
import type { CmpTable } from './cmp.js';
import type { Rng } from './rng.js';

/** Hex SHA-1 of some bytes (libFuzzer names corpus files and artifacts by it). */
export function sha1(data: Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}

/** One input file found on disk. */
export interface DiskInput {
  file: string;
  data: Buffer;
}

/**
 * Lists the inputs of corpus directories (non-recursive, skipping dot files such as
 * in-flight temporary files) or plain input files, truncated to `maxLen` bytes.
 * `skip` holds file paths already read.
 */
export function readInputs(paths: readonly string[], maxLen: number, skip?: Set<string>): DiskInput[] {
  const out: DiskInput[] = [];
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      throw new Error(`corpus path ${p} does not exist`);
    }
    const files = st.isDirectory()
      ? fs.readdirSync(p).filter((n) => !n.startsWith('.')).sort().map((n) => path.join(p, n))
      : [p];
    for (const file of files) {
      if (skip?.has(file)) continue;
      let data: Buffer;
      try {
        if (!fs.statSync(file).isFile()) continue;
        data = fs.readFileSync(file);
      } catch {
        continue; // removed meanwhile (another worker reduced it)
      }
      skip?.add(file);
      out.push({ file, data: data.length > maxLen ? data.subarray(0, maxLen) : data });
    }
  }
  return out;
}

/** One kept input. */
export interface CorpusEntry {
  data: Buffer;
  /** SHA-1 of data. */
  name: string;
  /** Sorted distinct features it covers. */
  features: Int32Array;
  /** Key of its feature set. */
  setKey: string;
  /** Number of distinct blocks it covers. */
  blocks: number;
  /** Times it was picked for mutation. */
  picks: number;
  /** Comparison operands seen while running it (set by a TRACE_CMP run). */
  cmp?: CmpTable;
}

/** The in-memory corpus, optionally mirrored into an output directory. */
export class Corpus {
  readonly entries: CorpusEntry[] = [];
  private readonly byName = new Map<string, CorpusEntry>();
  private readonly bySet = new Map<string, CorpusEntry>();
  /** Total bytes of all entries. */
  bytes = 0;

  /** `outDir`: where new inputs are written (undefined: memory only). */
  constructor(readonly outDir?: string) {}

  /** Whether an input with these bytes is kept. */
  hasName(name: string): boolean {
    return this.byName.has(name);
  }

  /**
   * Keeps an input; writes it to the output directory unless `persist` is false. `blocks`
   * is its number of distinct blocks, kept for a cheap test before `reduce`.
   */
  add(data: Buffer, features: Int32Array, persist = true, blocks = 0): CorpusEntry | undefined {
    const name = sha1(data);
    if (this.byName.has(name)) return undefined;
    const entry: CorpusEntry = { data, name, features, setKey: setKey(features), blocks, picks: 0 };
    this.entries.push(entry);
    this.byName.set(name, entry);
    this.bySet.set(entry.setKey, entry);
    this.bytes += data.length;
    if (persist) this.persist(entry);
    return entry;
  }

  /**
   * libFuzzer's REDUCE: when `data` covers exactly the feature set of a kept entry but is
   * smaller, it replaces that entry (and its file, when we wrote one). Returns the entry
   * replaced, or undefined.
   */
  reduce(data: Buffer, features: Int32Array): CorpusEntry | undefined {
    const key = setKey(features);
    const old = this.bySet.get(key);
    if (!old || old.data.length <= data.length) return undefined;
    const name = sha1(data);
    if (this.byName.has(name)) return undefined;
    this.byName.delete(old.name);
    this.bytes += data.length - old.data.length;
    const oldName = old.name;
    old.data = data;
    old.name = name;
    old.cmp = undefined;
    this.byName.set(name, old);
    this.persist(old);
    if (this.outDir) fs.rmSync(path.join(this.outDir, oldName), { force: true });
    return old;
  }

  /**
   * An entry to mutate: half the time uniform, else biased toward recent finds (the newest
   * 16, or the newer half), which usually sit at the frontier of the coverage.
   */
  pick(rng: Rng): CorpusEntry | undefined {
    const n = this.entries.length;
    if (n === 0) return undefined;
    const r = rng.below(4);
    const i = r < 2 ? rng.below(n) : n - 1 - rng.below(r === 2 ? Math.min(n, 16) : Math.ceil(n / 2));
    const e = this.entries[i]!;
    e.picks++;
    return e;
  }

  private persist(entry: CorpusEntry): void {
    if (!this.outDir) return;
    const file = path.join(this.outDir, entry.name);
    if (!fs.existsSync(file)) writeFileAtomic(file, entry.data);
  }
}

function setKey(features: Int32Array): string {
  // Features are sorted and distinct, so equal sets give equal keys.
  return `${features.length}:${sha1(new Uint8Array(features.buffer, features.byteOffset, features.byteLength))}`;
}
