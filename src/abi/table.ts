/**
 * The block table that the instrumenter embeds in each instrumented file, and that the
 * manifest stores. Positions are in the ORIGINAL source: lines 1-based, columns 0-based
 * UTF-16 code units (the symbolizer prints columns 1-based).
 */

/** Compare operators, by the code the instrumenter gives them in the site table. */
export const COMPARE_OPS = ['===', '!==', '==', '!=', '<', '<=', '>', '>='] as const;
/** Site kind of a `switch` (its case literals are in `cases`). */
export const SITE_SWITCH = 8;

/** A source range in the original file. */
export interface SourceRange {
  startLine: number;
  startCol: number;
  endLine: number;
  endCol: number;
}

/** One basic block. */
export interface BlockEntry extends SourceRange {
  /** Number of statements the block holds (0 for expression blocks). */
  statements: number;
}

/** One compare site. */
export interface SiteEntry extends SourceRange {
  /** Index into COMPARE_OPS, or SITE_SWITCH. */
  kind: number;
  /** Bit 0: the left operand is a literal. Bit 1: the right operand is a literal. */
  constMask: number;
}

/** The table of one file, as embedded by the instrumenter (JSON). */
export interface FileTable {
  /** Flat block list: startLine, startCol, endLine, endCol, statements per block. */
  b: number[];
  /** Flat site list: startLine, startCol, endLine, endCol, kind, constMask per site. */
  s: number[];
  /** Case literals of switch sites, by site index. */
  c: Record<string, Array<string | number>>;
  /** String and number literals of the file, for fuzzing dictionaries. */
  l: Array<string | number>;
}

/** Number of numbers per block in FileTable.b. */
export const BLOCK_FIELDS = 5;
/** Number of numbers per site in FileTable.s. */
export const SITE_FIELDS = 6;

/** Decodes block `i` of a flat block list. */
export function blockAt(b: readonly number[], i: number): BlockEntry {
  const o = i * BLOCK_FIELDS;
  return { startLine: b[o]!, startCol: b[o + 1]!, endLine: b[o + 2]!, endCol: b[o + 3]!, statements: b[o + 4]! };
}

/** Decodes site `i` of a flat site list. */
export function siteAt(s: readonly number[], i: number): SiteEntry {
  const o = i * SITE_FIELDS;
  return { startLine: s[o]!, startCol: s[o + 1]!, endLine: s[o + 2]!, endCol: s[o + 3]!, kind: s[o + 4]!, constMask: s[o + 5]! };
}
