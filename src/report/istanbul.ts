/**
 * Block hits -> istanbul FileCoverage, so that istanbul-reports can write lcov, HTML, JSON
 * and text. What is derived, and how (documented in docs/reports.md):
 *
 * - statements: one per source line of each block that holds statements, from the block's
 *   start (or the line's first non-blank column) to its end (or the line's end). A line
 *   whose first non-blank character lies in a nested statement block belongs to that block
 *   only. Lines that are blank or a comment are left out, and so is the part of a block on
 *   a later line that is only closing brackets (`} else {` belongs to the else). Without
 *   the source, one statement per block.
 * - functions: every function of the source; its count is the count of its entry block
 *   (the first block of its body that is not in a nested function). Functions without a
 *   block are left out.
 * - branches: if (then / else; a missing else counts the if's evaluations minus the then
 *   arm), conditional expressions, logical chains (the first operand counts every
 *   evaluation) and switches (one arm per case). A decision is left out when an arm has no
 *   block to count it.
 */
import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import libCoverage from 'istanbul-lib-coverage';
import type { CoverageMap, FileCoverageData, Range } from 'istanbul-lib-coverage';
import { blockAt, BLOCK_FIELDS, type BlockEntry } from '../abi/table.js';
import type { CoverageSet, FileHits } from './load.js';
import { lineStarts, sourceFacts, type FunctionFact, type Span } from './source-facts.js';

interface Block extends Span {
  entry: BlockEntry;
  count: number;
  /** Index of the innermost function holding the block, -1 for top level. */
  fn: number;
}

/** Converts line/column positions to offsets and back for one source. */
class Positions {
  private readonly starts: number[];
  constructor(private readonly text: string) {
    this.starts = lineStarts(text);
  }
  offset(line: number, col: number): number {
    return (this.starts[line - 1] ?? this.text.length) + col;
  }
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! };
  }
  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(span.end) };
  }
  lineText(line: number): string {
    const s = this.starts[line - 1] ?? this.text.length;
    const e = this.starts[line] ?? this.text.length;
    return this.text.slice(s, e).replace(/[\r\n\u2028\u2029]+$/, '');
  }
}

/** Text that is only closing brackets and separators: not a statement of its own. */
const CLOSING_ONLY = /^[}\])\s;,]*$/;

const inside = (inner: Span, outer: Span): boolean => inner.start >= outer.start && inner.end <= outer.end;

function innermostFunction(span: Span, functions: readonly FunctionFact[]): number {
  let best = -1;
  functions.forEach((f, i) => {
    if (inside(span, f.body) && (best < 0 || f.body.end - f.body.start < functions[best]!.body.end - functions[best]!.body.start)) best = i;
  });
  return best;
}

/** The first block inside `span` that belongs to function `fn` (not to a nested one). */
function entryBlock(blocks: readonly Block[], span: Span, fn: number): Block | undefined {
  let best: Block | undefined;
  for (const b of blocks) {
    if (b.fn === fn && inside(b, span) && (!best || b.start < best.start || (b.start === best.start && b.end > best.end))) best = b;
  }
  return best;
}

/** The innermost block of function `fn` that holds `offset`. */
function enclosingBlock(blocks: readonly Block[], offset: number, fn: number): Block | undefined {
  let best: Block | undefined;
  for (const b of blocks) {
    if (b.fn === fn && b.start <= offset && offset < b.end && (!best || b.end - b.start < best.end - best.start)) best = b;
  }
  return best;
}

function emptyData(path: string): FileCoverageData {
  return { path, statementMap: {}, fnMap: {}, branchMap: {}, s: {}, f: {}, b: {} };
}

/** Statements of a file whose source is not at hand: one per statement block. */
function blocksOnly(file: FileHits): FileCoverageData {
  const data = emptyData(file.absPath);
  const n = file.table.b.length / BLOCK_FIELDS;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const b = blockAt(file.table.b, i);
    if (b.statements === 0) continue;
    data.statementMap[k] = { start: { line: b.startLine, column: b.startCol }, end: { line: b.endLine, column: b.endCol } };
    data.s[k++] = file.counts[i] ?? 0;
  }
  return data;
}

function addStatements(data: FileCoverageData, blocks: readonly Block[], pos: Positions): void {
  const stmts = blocks.filter((b) => b.entry.statements > 0);
  let k = 0;
  for (const b of stmts) {
    const nested = stmts.filter((o) => o !== b && inside(o, b) && (o.start !== b.start || o.end !== b.end));
    for (let line = b.entry.startLine; line <= b.entry.endLine; line++) {
      const text = pos.lineText(line);
      const trimmed = text.trim();
      const startCol = line === b.entry.startLine ? b.entry.startCol : text.length - text.trimStart().length;
      if (line !== b.entry.startLine) {
        if (/^(\/\/|\/\*|\*)/.test(trimmed) || CLOSING_ONLY.test(trimmed)) continue;
        const first = pos.offset(line, startCol);
        if (nested.some((o) => o.start <= first && first < o.end)) continue;
      }
      const endCol = line === b.entry.endLine ? b.entry.endCol : text.trimEnd().length;
      if (line !== b.entry.startLine && CLOSING_ONLY.test(text.slice(startCol, endCol).trim())) continue;
      data.statementMap[k] = { start: { line, column: startCol }, end: { line, column: Math.max(startCol, endCol) } };
      data.s[k++] = b.count;
    }
  }
}

/** Converts one file's hits. `warn` receives problems that degrade the result. */
export function toFileCoverage(file: FileHits, warn: (msg: string) => void): FileCoverageData {
  let text: string;
  try {
    text = fs.readFileSync(file.absPath, 'utf8');
  } catch {
    warn(`${file.path}: source not found at ${file.absPath}; statements only`);
    return blocksOnly(file);
  }
  if (createHash('sha1').update(text).digest('hex') !== file.hash) {
    warn(`${file.path}: source changed since it was recorded; statements only`);
    return blocksOnly(file);
  }
  const facts = sourceFacts(file.absPath, text);
  if (!facts) {
    warn(`${file.path}: source does not parse; statements only`);
    return blocksOnly(file);
  }
  const pos = new Positions(text);
  const n = file.table.b.length / BLOCK_FIELDS;
  const blocks: Block[] = [];
  for (let i = 0; i < n; i++) {
    const entry = blockAt(file.table.b, i);
    const span = { start: pos.offset(entry.startLine, entry.startCol), end: pos.offset(entry.endLine, entry.endCol) };
    blocks.push({ ...span, entry, count: file.counts[i] ?? 0, fn: innermostFunction(span, facts.functions) });
  }
  const data = emptyData(file.absPath);
  addStatements(data, blocks, pos);

  let fk = 0;
  facts.functions.forEach((f, i) => {
    const entry = entryBlock(blocks, f.body, i);
    if (!entry) return;
    const loc = pos.range(f);
    data.fnMap[fk] = { name: f.name, decl: pos.range(f.decl), loc, line: loc.start.line };
    data.f[fk++] = entry.count;
  });

  let bk = 0;
  for (const d of facts.decisions) {
    const fn = innermostFunction(d, facts.functions);
    const counts: number[] = [];
    for (const [i, arm] of d.arms.entries()) {
      if (arm === null) {
        const whole = enclosingBlock(blocks, d.start, fn);
        if (!whole) break;
        counts.push(Math.max(0, whole.count - (counts[0] ?? 0)));
      } else if (d.type === 'binary-expr' && i === 0) {
        const whole = enclosingBlock(blocks, arm.start, fn) ?? entryBlock(blocks, arm, fn);
        if (!whole) break;
        counts.push(whole.count);
      } else {
        const b = entryBlock(blocks, arm, fn);
        if (!b) break;
        counts.push(b.count);
      }
    }
    if (counts.length !== d.arms.length) continue;
    const loc = pos.range(d);
    data.branchMap[bk] = { loc, type: d.type, locations: d.arms.map((a) => (a ? pos.range(a) : loc)), line: loc.start.line };
    data.b[bk++] = counts;
  }
  return data;
}

/** Converts a coverage set into an istanbul CoverageMap keyed by absolute path. */
export function toCoverageMap(set: CoverageSet, warn: (msg: string) => void): CoverageMap {
  const map = libCoverage.createCoverageMap({});
  for (const f of set.files) map.addFileCoverage(toFileCoverage(f, warn));
  return map;
}
