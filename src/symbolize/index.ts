/**
 * PC -> source range. Synthetic PCs are 0xffffffff80000000 + 8*slot; the manifest says which
 * file owns a slot and its block table gives the range. Consumers adjust PCs (sancov
 * subtracts 1, syzkaller 5 on amd64) and some truncate them to 32 bits, so any value in
 * [pc-7, pc] resolves to the block at pc, and a 32-bit value is read as the low half.
 */
import { PC_BASE, PC_LIMIT, PC_STRIDE } from '../abi/constants.js';
import { Manifest, type ManifestEntry } from '../runtime/manifest.js';
import { blockAt, siteAt, type FileTable, type SourceRange } from '../abi/table.js';

/** What a PC stands for. */
export interface SymbolInfo {
  /** The canonical PC of the block or site. */
  pc: bigint;
  /** File path relative to the project root. */
  path: string;
  kind: 'block' | 'site';
  /** Block or site index in the file. */
  index: number;
  range: SourceRange;
}

/** Thrown for a PC that is malformed or names nothing. */
export class SymbolizeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SymbolizeError';
  }
}

/** Parses a PC written in hex, with or without `0x`. */
export function parsePc(text: string): bigint {
  const t = text.trim();
  if (!/^(0[xX])?[0-9a-fA-F]{1,16}$/.test(t)) throw new SymbolizeError(`malformed PC '${text}': expected up to 16 hex digits`);
  return BigInt(t.startsWith('0x') || t.startsWith('0X') ? t : `0x${t}`);
}

/** `path:sl.sc,el.ec` with 1-based lines and columns (end column exclusive), as runsc prints. */
export function formatRange(path: string, r: SourceRange): string {
  return `${path}:${r.startLine}.${r.startCol + 1},${r.endLine}.${r.endCol + 1}`;
}

/** Resolves PCs against one manifest. */
export class Symbolizer {
  private readonly tables = new Map<string, FileTable>();
  private readonly sorted: ManifestEntry[];

  constructor(readonly manifest: Manifest) {
    this.sorted = [...manifest.entries()].sort((a, b) => a.base - b.base);
  }

  private table(e: ManifestEntry): FileTable {
    let t = this.tables.get(e.hash);
    if (!t) {
      t = this.manifest.table(e);
      this.tables.set(e.hash, t);
    }
    return t;
  }

  private entryFor(slot: number): ManifestEntry | undefined {
    let lo = 0;
    let hi = this.sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = this.sorted[mid]!;
      if (slot < e.base) hi = mid - 1;
      else if (slot >= e.base + e.capacity) lo = mid + 1;
      else return e;
    }
    return undefined;
  }

  /** Resolves one PC; throws SymbolizeError when it names no block or site. */
  lookup(value: bigint): SymbolInfo {
    let v = value;
    if (v < 0x1_0000_0000n && v >= 0x7fff_fff9n) v |= 0xffff_ffff_0000_0000n;
    const stride = BigInt(PC_STRIDE);
    const pc = ((v + stride - 1n) / stride) * stride;
    if (pc < PC_BASE || pc >= PC_LIMIT) throw new SymbolizeError(`PC 0x${value.toString(16)} is outside the kcovjs range`);
    const slot = Number((pc - PC_BASE) / stride);
    const e = this.entryFor(slot);
    const i = e ? slot - e.base : -1;
    if (!e || i >= e.blocks + e.sites) throw new SymbolizeError(`PC 0x${value.toString(16)} is not a known block (manifest ${this.manifest.file})`);
    const t = this.table(e);
    if (i < e.blocks) return { pc, path: e.path, kind: 'block', index: i, range: blockAt(t.b, i) };
    return { pc, path: e.path, kind: 'site', index: i - e.blocks, range: siteAt(t.s, i - e.blocks) };
  }

  /** Every block of every file, in PC order. */
  *allBlocks(): Generator<SymbolInfo> {
    for (const e of this.sorted) {
      const t = this.table(e);
      for (let i = 0; i < e.blocks; i++) {
        yield { pc: PC_BASE + BigInt(e.base + i) * BigInt(PC_STRIDE), path: e.path, kind: 'block', index: i, range: blockAt(t.b, i) };
      }
    }
  }
}
