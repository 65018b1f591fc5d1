/**
 * The PC manifest: which synthetic PC slots belong to which file, and the block tables
 * behind them. Layout and format are documented in docs/pcs.md.
 *
 * On disk (default `.kcovjs/` under the working directory):
 *   manifest.json           the index: one entry per file (path, hash, slot range, dense base)
 *   tables/<hash>.json      the block table of one version of one file (content-addressed)
 *
 * Several processes and threads may register files at once. Every change happens under a
 * lock file and lands by atomic rename, so a reader never sees a half-written file. A file
 * that does not parse or has the wrong shape is reported as corrupt, never guessed at.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { PC_SLOTS } from '../abi/constants.js';
import type { FileTable } from '../abi/table.js';
import { writeFileAtomic } from './atomic-file.js';

/** Format version written into manifest.json. */
export const MANIFEST_VERSION = 1;

/** One file's entry in manifest.json. */
export interface ManifestEntry {
  /** Path relative to the project root, with forward slashes. */
  path: string;
  /** sha1 of the original source, hex. */
  hash: string;
  /** First PC slot of the file (slot s has PC 0xffffffff80000000 + 8*s). */
  base: number;
  /** Slots reserved for the file; blocks come first, then compare sites. */
  capacity: number;
  /** Blocks in this version of the file. */
  blocks: number;
  /** Compare sites in this version of the file. */
  sites: number;
  /** First dense block index of the file (unique-mode bitmap bit). */
  dense: number;
}

/** The content of manifest.json. */
export interface ManifestIndex {
  version: number;
  /** Next free dense index. */
  denseNext: number;
  files: ManifestEntry[];
}

/** Thrown when the manifest on disk cannot be trusted. */
export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestError';
  }
}

/** Where the manifest lives unless KCOVJS_MANIFEST or an option says otherwise. */
export function defaultManifestPath(cwd = process.cwd()): string {
  return path.join(cwd, '.kcovjs', 'manifest.json');
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepMs(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function validateIndex(raw: unknown, file: string): ManifestIndex {
  const fail = (why: string): never => {
    throw new ManifestError(`kcovjs: manifest ${file} is corrupt (${why}); delete it to start a new one`);
  };
  if (typeof raw !== 'object' || raw === null) fail('not an object');
  const m = raw as ManifestIndex;
  if (m.version !== MANIFEST_VERSION) fail(`version ${String(m.version)}, expected ${MANIFEST_VERSION}`);
  if (!Array.isArray(m.files) || !Number.isSafeInteger(m.denseNext)) fail('missing files or denseNext');
  const ranges: Array<[number, number]> = [];
  for (const e of m.files) {
    if (
      typeof e !== 'object' || e === null || typeof e.path !== 'string' || typeof e.hash !== 'string' ||
      ![e.base, e.capacity, e.blocks, e.sites, e.dense].every((n) => Number.isSafeInteger(n) && n >= 0) ||
      e.blocks + e.sites > e.capacity || e.base + e.capacity > PC_SLOTS || e.dense + e.blocks > m.denseNext
    ) {
      fail(`bad entry ${JSON.stringify(e)?.slice(0, 200)}`);
    }
    ranges.push([e.base, e.base + e.capacity]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i]![0] < ranges[i - 1]![1]) fail(`overlapping slot ranges at slot ${ranges[i]![0]}`);
  }
  if (new Set(m.files.map((e) => e.path)).size !== m.files.length) fail('a path appears twice');
  return m;
}

/** Reads and validates manifest.json; returns an empty index when there is none. */
export function readIndex(file: string): ManifestIndex {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: MANIFEST_VERSION, denseNext: 0, files: [] };
    throw err;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ManifestError(`kcovjs: manifest ${file} is corrupt (${(err as Error).message}); delete it to start a new one`);
  }
  return validateIndex(raw, file);
}

/** Preferred first slot of a file: a hash of its path, so placement rarely depends on load order. */
function preferredBase(relPath: string, capacity: number): number {
  const h = createHash('sha1').update(relPath).digest();
  const span = PC_SLOTS - capacity;
  // 48 bits of hash, reduced to the span, aligned down to 64 slots.
  const v = (h.readUInt32LE(0) * 0x10000 + h.readUInt16LE(4)) % Math.max(1, span);
  return Math.max(0, Math.floor(v / 64) * 64);
}

/** Room for the file plus some growth, rounded up to 64 slots. */
function capacityFor(slots: number): number {
  return Math.ceil((Math.max(1, slots) + Math.ceil(slots / 8)) / 64) * 64;
}

/** Finds a free range of `capacity` slots, starting at the preferred base and probing upward. */
function allocate(files: readonly ManifestEntry[], relPath: string, capacity: number): number {
  if (capacity > PC_SLOTS) throw new ManifestError(`kcovjs: ${relPath} needs ${capacity} PC slots, more than the ${PC_SLOTS} that exist`);
  const taken = files.map((e) => [e.base, e.base + e.capacity] as const).sort((a, b) => a[0] - b[0]);
  const fits = (start: number): number => {
    // Returns -1 if [start, start+capacity) is free, else the end of the first overlap.
    for (const [s, e] of taken) if (s < start + capacity && start < e) return e;
    return -1;
  };
  let start = preferredBase(relPath, capacity);
  for (let wrapped = false; ;) {
    if (start + capacity > PC_SLOTS) {
      if (wrapped) throw new ManifestError('kcovjs: the PC space is full; delete the manifest to start over');
      wrapped = true;
      start = 0;
    }
    const next = fits(start);
    if (next < 0) return start;
    start = Math.ceil(next / 64) * 64;
  }
}

/** A request to place one version of one file. */
export interface PlaceRequest {
  relPath: string;
  hash: string;
  blocks: number;
  sites: number;
  /** JSON of the file's FileTable, stored once per hash. */
  tableJson: string;
}

/**
 * The manifest as one thread sees it: a cached copy of the index, refreshed under the
 * lock whenever a file is not already placed.
 */
export class Manifest {
  readonly file: string;
  readonly dir: string;
  private index: ManifestIndex | undefined;
  private byPath = new Map<string, ManifestEntry>();

  constructor(file: string) {
    this.file = path.resolve(file);
    this.dir = path.dirname(this.file);
  }

  /** The path of the stored block table for a file hash. */
  tablePath(hash: string): string {
    return path.join(this.dir, 'tables', `${hash}.json`);
  }

  /** All entries (reads the index on first use). */
  entries(): readonly ManifestEntry[] {
    return this.load().files;
  }

  private load(): ManifestIndex {
    if (!this.index) this.setIndex(readIndex(this.file));
    return this.index!;
  }

  private setIndex(index: ManifestIndex): void {
    this.index = index;
    this.byPath = new Map(index.files.map((e) => [e.path, e]));
  }

  /**
   * Returns the entry of the given file version, placing it (under the lock) if the
   * manifest does not have it yet. Entries already placed never move.
   */
  place(req: PlaceRequest): ManifestEntry {
    const fitsEntry = (e: ManifestEntry | undefined): boolean =>
      !!e && e.hash === req.hash && e.blocks === req.blocks && e.sites === req.sites;
    const cached = this.load() && this.byPath.get(req.relPath);
    if (cached && fitsEntry(cached) && fs.existsSync(this.tablePath(req.hash))) return cached;
    return this.withLock(() => {
      this.setIndex(readIndex(this.file));
      const tableFile = this.tablePath(req.hash);
      if (!fs.existsSync(tableFile)) {
        fs.mkdirSync(path.dirname(tableFile), { recursive: true });
        writeFileAtomic(tableFile, req.tableJson);
      }
      const known = this.byPath.get(req.relPath);
      if (known && fitsEntry(known)) return known;
      let entry: ManifestEntry;
      const index = this.index!;
      const need = req.blocks + req.sites;
      if (known && need <= known.capacity) {
        // A new version of a known file that still fits keeps its slots; its dense range
        // was reserved as wide as its capacity, so it keeps that too.
        entry = { ...known, hash: req.hash, blocks: req.blocks, sites: req.sites };
      } else {
        const others = index.files.filter((e) => e.path !== req.relPath);
        const capacity = capacityFor(need);
        entry = {
          path: req.relPath, hash: req.hash, base: allocate(others, req.relPath, capacity), capacity,
          blocks: req.blocks, sites: req.sites, dense: index.denseNext,
        };
        index.denseNext += capacity;
      }
      const files = index.files.filter((e) => e.path !== req.relPath);
      files.push(entry);
      const next: ManifestIndex = { version: MANIFEST_VERSION, denseNext: index.denseNext, files };
      writeFileAtomic(this.file, JSON.stringify(next, null, 1) + '\n');
      this.setIndex(next);
      return entry;
    });
  }

  /** Reads the stored block table of an entry. */
  table(entry: ManifestEntry): FileTable {
    const file = this.tablePath(entry.hash);
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      throw new ManifestError(`kcovjs: block table ${file} for ${entry.path} is missing or corrupt (${(err as Error).message})`);
    }
    const t = raw as FileTable;
    if (!t || !Array.isArray(t.b) || !Array.isArray(t.s) || t.b.length !== entry.blocks * 5 || t.s.length !== entry.sites * 6) {
      throw new ManifestError(`kcovjs: block table ${file} does not match the manifest entry for ${entry.path}`);
    }
    return t;
  }

  private withLock<T>(fn: () => T): T {
    fs.mkdirSync(this.dir, { recursive: true });
    const lock = `${this.file}.lock`;
    const deadline = Date.now() + 30_000;
    let fd: number | undefined;
    for (let wait = 1; fd === undefined; wait = Math.min(wait * 2, 50)) {
      try {
        fd = fs.openSync(lock, 'wx');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        try {
          // A lock older than 10 s belongs to a process that died while holding it.
          if (Date.now() - fs.statSync(lock).mtimeMs > 10_000) fs.rmSync(lock, { force: true });
        } catch {
          /* the holder released it meanwhile */
        }
        if (Date.now() > deadline) throw new ManifestError(`kcovjs: timed out waiting for the manifest lock ${lock}`);
        sleepMs(wait);
      }
    }
    try {
      return fn();
    } finally {
      fs.closeSync(fd);
      fs.rmSync(lock, { force: true });
    }
  }
}
