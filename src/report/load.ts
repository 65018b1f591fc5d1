/**
 * Reads a coverage directory written by the coverage recorder (`kcovjs run --coverage-dir`)
 * and merges its per-thread files into one hit count per block of each file version, with
 * the block tables from the manifest. The file format is documented in docs/reports.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PC_LOW_BASE, PC_STRIDE } from '../abi/constants.js';
import { Manifest, type ManifestEntry } from '../runtime/manifest.js';
import type { FileTable } from '../abi/table.js';
import { COVERAGE_KIND, COVERAGE_FORMAT_VERSION, type CoverageFile, type CoverageFileEntry } from '../loader/coverage-recorder.js';

/** The merged hits of one version of one source file. */
export interface FileHits {
  /** Path relative to the root, forward slashes (what gocover, runsc and symbolize print). */
  path: string;
  /** Absolute path of the source. */
  absPath: string;
  /** sha1 of the source the block table describes. */
  hash: string;
  /** First PC slot of the file. */
  base: number;
  /** The block table (positions in the original source). */
  table: FileTable;
  /** Hit count per block, summed over every thread and process. */
  counts: number[];
}

/** Everything a report is made from. */
export interface CoverageSet {
  /** Project root of the recording (of the first coverage file when they differ). */
  root: string;
  files: FileHits[];
  /** Problems that did not stop the report (a file recorded in two versions, ...). */
  warnings: string[];
}

/** Thrown for a coverage directory that cannot be read; the message says why. */
export class CoverageLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CoverageLoadError';
  }
}

/** The full 64-bit PC of block `block` of a file, as a BigInt. */
export function blockPc(file: Pick<FileHits, 'base'>, block: number): bigint {
  return 0xffffffff00000000n + BigInt(PC_LOW_BASE + PC_STRIDE * (file.base + block));
}

function validate(raw: unknown, file: string): CoverageFile {
  const fail = (why: string): never => {
    throw new CoverageLoadError(`kcovjs: coverage file ${file} is not usable (${why})`);
  };
  if (typeof raw !== 'object' || raw === null) return fail('not an object');
  const c = raw as CoverageFile;
  if (c.kind !== COVERAGE_KIND) fail(`kind is ${JSON.stringify(c.kind)}, expected "${COVERAGE_KIND}"`);
  if (c.version !== COVERAGE_FORMAT_VERSION) fail(`version ${String(c.version)}, expected ${COVERAGE_FORMAT_VERSION}`);
  if (typeof c.root !== 'string' || typeof c.manifest !== 'string' || !Array.isArray(c.files)) fail('missing root, manifest or files');
  for (const e of c.files) {
    const ok = typeof e === 'object' && e !== null && typeof e.path === 'string' && typeof e.hash === 'string' &&
      [e.base, e.blocks, e.sites].every((n) => Number.isSafeInteger(n) && n >= 0) &&
      Array.isArray(e.counts) && e.counts.length === e.blocks && e.counts.every((n) => Number.isSafeInteger(n) && n >= 0);
    if (!ok) fail(`bad file entry ${JSON.stringify(e)?.slice(0, 120)}`);
  }
  return c;
}

/** Reads and validates every coverage file in `dir`. */
export function readCoverageFiles(dir: string): CoverageFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (err) {
    throw new CoverageLoadError(`kcovjs: cannot read coverage directory ${dir}: ${(err as Error).message}`);
  }
  const files = names.filter((n) => n.startsWith('kcovjs-') && n.endsWith('.json')).sort();
  if (files.length === 0) {
    throw new CoverageLoadError(`kcovjs: no coverage files (kcovjs-*.json) in ${dir}; record some with 'kcovjs run --coverage-dir ${dir} -- <command>'`);
  }
  return files.map((n) => {
    const file = path.join(dir, n);
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      throw new CoverageLoadError(`kcovjs: coverage file ${file} is not usable (${(err as Error).message})`);
    }
    return validate(raw, file);
  });
}

interface Pending {
  entry: CoverageFileEntry;
  absPath: string;
  manifest: string;
  counts: number[];
}

/**
 * Merges the coverage files of `dir`. Counts of the same file version add up. When one path
 * was recorded in several versions, the version the manifest holds now wins (else the one
 * with the most hits) and the others are named in `warnings`.
 */
export function loadCoverage(dir: string): CoverageSet {
  const warnings: string[] = [];
  const versions = new Map<string, Map<string, Pending>>();
  const covFiles = readCoverageFiles(dir);
  const failed = new Map<string, string>();
  for (const cov of covFiles) for (const f of cov.failures ?? []) failed.set(f.file, f.reason);
  for (const [file, reason] of failed) warnings.push(`${file} ran uninstrumented (${reason}); it has no coverage`);
  for (const cov of covFiles) {
    for (const e of cov.files) {
      const absPath = path.resolve(cov.root, e.path);
      let byHash = versions.get(absPath);
      if (!byHash) versions.set(absPath, (byHash = new Map()));
      const known = byHash.get(e.hash);
      if (known && known.counts.length === e.counts.length) {
        for (let i = 0; i < e.counts.length; i++) known.counts[i]! += e.counts[i]!;
      } else if (!known) {
        byHash.set(e.hash, { entry: e, absPath, manifest: cov.manifest, counts: [...e.counts] });
      } else {
        warnings.push(`${e.path}: version ${e.hash} recorded with ${e.counts.length} and ${known.counts.length} blocks; kept the first`);
      }
    }
  }
  const manifests = new Map<string, Manifest>();
  const manifestOf = (file: string): Manifest => {
    let m = manifests.get(file);
    if (!m) manifests.set(file, (m = new Manifest(file)));
    return m;
  };
  const files: FileHits[] = [];
  for (const [absPath, byHash] of versions) {
    const candidates = [...byHash.values()];
    const first = candidates[0]!;
    const manifest = manifestOf(first.manifest);
    const current = manifest.entries().find((m) => m.path === first.entry.path)?.hash;
    const hits = (p: Pending): number => p.counts.reduce((a, n) => a + (n > 0 ? 1 : 0), 0);
    const chosen = candidates.find((p) => p.entry.hash === current) ?? candidates.sort((a, b) => hits(b) - hits(a))[0]!;
    for (const p of candidates) {
      if (p !== chosen) warnings.push(`${p.entry.path}: dropped hits of an older version (${p.entry.hash}); the report shows ${chosen.entry.hash}`);
    }
    const e = chosen.entry;
    const entry: ManifestEntry = { path: e.path, hash: e.hash, base: e.base, capacity: e.blocks + e.sites, blocks: e.blocks, sites: e.sites, dense: 0 };
    const table = manifestOf(chosen.manifest).table(entry);
    files.push({ path: e.path, absPath, hash: e.hash, base: e.base, table, counts: chosen.counts });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { root: covFiles[0]!.root, files, warnings };
}
