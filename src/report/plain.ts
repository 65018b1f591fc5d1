/**
 * The plain report formats that need no library: Go's coverprofile, the runsc coverage
 * report and the 64-bit .sancov file. Positions follow the symbolizer: lines 1-based,
 * columns 1-based UTF-16 code units (the block table's 0-based columns plus one).
 */
import { blockAt, BLOCK_FIELDS, type BlockEntry } from '../abi/table.js';
import { blockPc, type FileHits } from './load.js';

/** The magic that opens a .sancov file of 64-bit offsets (written little-endian). */
export const SANCOV_MAGIC_64 = 0xc0bfffffffffff64n;

/** `path:sl.sc,el.ec` of a block (the runsc and Go block syntax). */
export function blockRangeText(path: string, b: BlockEntry): string {
  return `${path}:${b.startLine}.${b.startCol + 1},${b.endLine}.${b.endCol + 1}`;
}

function eachBlock(files: readonly FileHits[], fn: (file: FileHits, block: BlockEntry, index: number) => void): void {
  for (const f of files) {
    const n = f.table.b.length / BLOCK_FIELDS;
    for (let i = 0; i < n; i++) fn(f, blockAt(f.table.b, i), i);
  }
}

/** Go coverprofile, `mode: count`: one `path:sl.sc,el.ec numStmt count` line per block. */
export function goCoverProfile(files: readonly FileHits[]): string {
  const lines = ['mode: count'];
  eachBlock(files, (f, b, i) => lines.push(`${blockRangeText(f.path, b)} ${b.statements} ${f.counts[i] ?? 0}`));
  return lines.join('\n') + '\n';
}

/** The runsc coverage report: one `path:sl.sc,el.ec` line per covered block. */
export function runscReport(files: readonly FileHits[]): string {
  const lines: string[] = [];
  eachBlock(files, (f, b, i) => {
    if ((f.counts[i] ?? 0) > 0) lines.push(blockRangeText(f.path, b));
  });
  return lines.map((l) => l + '\n').join('');
}

/** The PCs of every covered block, sorted ascending. */
export function coveredPcs(files: readonly FileHits[]): bigint[] {
  const pcs: bigint[] = [];
  for (const f of files) f.counts.forEach((n, i) => n > 0 && pcs.push(blockPc(f, i)));
  return pcs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * A .sancov file: the magic 0xC0BFFFFFFFFFFF64 then the covered PCs as u64, all little-endian.
 * The "offsets" are our full synthetic PCs (module base 0): sancov itself cannot symbolize
 * them, `kcovjs symbolize` can.
 */
export function sancovFile(files: readonly FileHits[]): Uint8Array {
  const pcs = coveredPcs(files);
  const out = Buffer.alloc(8 * (pcs.length + 1));
  out.writeBigUInt64LE(SANCOV_MAGIC_64, 0);
  pcs.forEach((pc, i) => out.writeBigUInt64LE(pc, 8 * (i + 1)));
  return out;
}
