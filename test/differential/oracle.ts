/**
 * V8's own block coverage as an independent oracle for kcovjs's counters. Each program
 * runs plain under NODE_V8_COVERAGE (V8 precise, detailed block coverage, positions in the
 * original source) and instrumented with KCOVJS_COVERAGE_DIR (kcovjs block counters, with
 * block ranges from the manifest's tables). Then, block by block:
 *   - a block kcovjs counted must lie where V8 says code ran, and
 *   - a block kcovjs did not count must lie where V8 says code did not run;
 * and range by range: a V8 block range that ran must hold a block kcovjs counted.
 * Disagreements are classified; docs/differential.md lists the accepted classes.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileTable } from '../../src/abi/table.js';
import type { HazardCase } from './hazards.js';
import { REGISTER, ROOT, childEnv, pool, runNode } from './proc.js';

interface V8Range { startOffset: number; endOffset: number; count: number }
interface V8Function { functionName: string; ranges: V8Range[]; isBlockCoverage: boolean }
interface V8Script { url: string; functions: V8Function[] }

/** One disagreement between V8 and kcovjs. */
export interface OracleMismatch {
  kind: 'counted-but-v8-not-run' | 'not-counted-but-v8-ran' | 'v8-range-without-counted-block' | 'resumption' | 'declaration' | 'logical-assignment' | 'default-value' | 'empty-range' | 'optional-chain' | 'case-clause' | 'with-body';
  /** line:col (1-based line, 0-based column) in the original file. */
  at: string;
  /** The source text there (first 60 characters). */
  text: string;
}

/** The oracle's verdict on one program. */
export interface OracleResult {
  name: string;
  blocks: number;
  v8Ranges: number;
  mismatches: OracleMismatch[];
  /** Disagreements of the classes documented in docs/differential.md (V8 and kcovjs rightly differ). */
  accepted: OracleMismatch[];
  /** Why the program could not be checked, if it could not. */
  unchecked?: string;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function readV8(dir: string, file: string): V8Range[][] {
  const urls = new Set([pathToFileURL(file).href, file]);
  const out: V8Range[][] = [];
  for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const data = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { result: V8Script[] };
    for (const s of data.result) if (urls.has(s.url)) for (const fn of s.functions) out.push(fn.ranges);
  }
  return out;
}

/** V8's count at `offset`: that of the innermost range holding it, summed over processes and threads. */
function v8CountAt(functions: V8Range[][], offset: number): number {
  let best: V8Range | undefined;
  for (const ranges of functions) {
    for (const r of ranges) {
      if (r.startOffset <= offset && offset < r.endOffset && (!best || r.endOffset - r.startOffset <= best.endOffset - best.startOffset)) best = r;
    }
  }
  return best?.count ?? 0;
}

function readKcov(dir: string, manifest: string, relPath: string): { table: FileTable; counts: number[] } | undefined {
  let result: { table: FileTable; counts: number[] } | undefined;
  for (const f of fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.json')) : []) {
    const data = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { files: Array<{ path: string; hash: string; counts: number[] }> };
    for (const e of data.files) {
      if (e.path !== relPath) continue;
      if (!result) {
        const table = JSON.parse(fs.readFileSync(path.join(path.dirname(manifest), 'tables', `${e.hash}.json`), 'utf8')) as FileTable;
        result = { table, counts: e.counts.map(() => 0) };
      }
      e.counts.forEach((c, i) => (result!.counts[i]! += c));
    }
  }
  return result;
}

/**
 * What kind of block starts at `offset`: a synthetic else/default, an await/yield
 * resumption, a run that starts at a function or class declaration (V8 gives the
 * declaration's text to the function's own range, so its count is the function's calls), the
 * right side of a logical assignment or a default value (V8 has no range for either), an
 * empty case clause (kcovjs counts it after its colon, V8 from its label, with fallthrough),
 * or a plain block.
 */
function blockKind(source: string, offset: number, statements: number): 'synthetic' | 'resumption' | 'declaration' | 'logical-assignment' | 'default-value' | 'case-clause' | 'plain' {
  if (/^(async\s+)?(function|class)\b/.test(source.slice(offset, offset + 20))) return 'declaration';
  if (/(\|\||&&|\?\?)=\s*\(?\s*$/.test(source.slice(Math.max(0, offset - 8), offset))) return 'logical-assignment';
  if (statements === 0 && /[^=!<>]=\s*\(?\s*$/.test(source.slice(Math.max(0, offset - 8), offset))) return 'default-value';
  if (statements === 0 && /^(\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*(case\b|default\b|\})/.test(source.slice(offset, offset + 200))) return 'case-clause';
  if (statements > 0) return 'plain';
  if (/\b(if|switch)\s*\(\s*$/.test(source.slice(Math.max(0, offset - 12), offset))) return 'synthetic';
  if (/^(await|yield)\b/.test(source.slice(offset, offset + 6))) return 'resumption';
  return 'plain';
}

/** The spans of `with` statement bodies (kcovjs puts no counters there: every name inside resolves through the object). */
function withBodies(source: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const close = (from: number, open: string, shut: string): number => {
    let depth = 0;
    for (let i = from; i < source.length; i++) {
      if (source[i] === open) depth++;
      else if (source[i] === shut && --depth === 0) return i;
    }
    return source.length;
  };
  for (const m of source.matchAll(/\bwith\s*\(/g)) {
    const head = close(m.index + m[0].length - 1, '(', ')');
    const body = source.slice(head + 1).search(/\S/) + head + 1;
    spans.push([body, source[body] === '{' ? close(body, '{', '}') : source.indexOf('\n', body)]);
  }
  return spans;
}

/** Compares V8's and kcovjs's view of one source file; adds to `out`. */
function compareFile(file: string, v8: V8Range[][], kcov: { table: FileTable; counts: number[] }, label: string, out: OracleResult): void {
  const source = fs.readFileSync(file, 'utf8');
  const starts = lineStarts(source);
  const offsetOf = (line: number, col: number): number => (starts[line - 1] ?? source.length) + col;
  const where = (offset: number): Pick<OracleMismatch, 'at' | 'text'> => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
    return { at: `${label}${line + 1}:${offset - starts[line]!}`, text: source.slice(offset, offset + 60).split('\n')[0]! };
  };
  const counted: number[] = [];
  const b = kcov.table.b;
  for (let i = 0; i * 5 < b.length; i++) {
    const start = offsetOf(b[i * 5]!, b[i * 5 + 1]!);
    const hit = kcov.counts[i]! > 0;
    if (hit) counted.push(start);
    const kind = blockKind(source, start, b[i * 5 + 4]!);
    // A synthetic else/default is recorded at its condition, which runs whichever way it goes.
    if (kind === 'synthetic') continue;
    const ran = v8CountAt(v8, start) > 0;
    if (kind === 'declaration' || kind === 'logical-assignment' || kind === 'default-value' || kind === 'case-clause') {
      if (hit !== ran) out.accepted.push({ kind, ...where(start) });
      continue;
    }
    if (hit && !ran) out.mismatches.push({ kind: 'counted-but-v8-not-run', ...where(start) });
    // A resumption block counts coming back from await/yield; V8 counts getting there. They
    // differ exactly when the promise rejected or the generator was closed at that point.
    if (!hit && ran) (kind === 'resumption' ? out.accepted : out.mismatches).push({ kind: kind === 'resumption' ? 'resumption' : 'not-counted-but-v8-ran', ...where(start) });
  }
  const inWith = withBodies(source);
  for (const ranges of v8) {
    for (const r of ranges.slice(1)) {
      if (r.count > 0 && !counted.some((x) => x >= r.startOffset && x < r.endOffset)) {
        const text = source.slice(r.startOffset, r.endOffset);
        // V8 ranges that hold no code (closing braces after a jump), and optional-chain
        // continuations without a safe spot, which kcovjs leaves without a block on purpose.
        const accepted = /^[\s;})\]]*$/.test(text) ? 'empty-range' : text.startsWith('?.') ? 'optional-chain'
          : /^(case|default)\b/.test(text) ? 'case-clause'
          : inWith.some(([a, z]) => r.startOffset >= a && r.endOffset <= z + 1) ? 'with-body' : undefined;
        (accepted ? out.accepted : out.mismatches).push({ kind: accepted ?? 'v8-range-without-counted-block', ...where(r.startOffset) });
      }
    }
  }
  out.blocks += kcov.counts.length;
  out.v8Ranges += v8.reduce((n, r) => n + r.length, 0);
}

/** Relative paths of the files a kcovjs coverage directory has counters for. */
function recordedPaths(dir: string): Set<string> {
  const paths = new Set<string>();
  for (const f of fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.json')) : []) {
    for (const e of (JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { files: Array<{ path: string }> }).files) paths.add(e.path);
  }
  return paths;
}

/** Compares V8 and kcovjs coverage of one program: its own file and every corpus file it ran. */
export async function oracleCheck(c: HazardCase): Promise<OracleResult> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kcovjs-oracle-'));
  try {
    const v8Dir = path.join(work, 'v8');
    const kcovDir = path.join(work, 'kcov');
    const manifest = path.join(work, 'manifest.json');
    await runNode([c.file], { env: childEnv({ NODE_V8_COVERAGE: v8Dir }) });
    await runNode(['--import', REGISTER, c.file], {
      env: childEnv({ KCOVJS_ROOT: ROOT, KCOVJS_MANIFEST: manifest, KCOVJS_FILTER: 'test/hazards/**', KCOVJS_COVERAGE_DIR: kcovDir }),
    });
    const result: OracleResult = { name: c.name, blocks: 0, v8Ranges: 0, mismatches: [], accepted: [] };
    const entry = path.relative(ROOT, c.file).split(path.sep).join('/');
    const files = [entry, ...[...recordedPaths(kcovDir)].filter((p) => p !== entry && p.startsWith('test/hazards/')).sort()];
    for (const rel of files) {
      const abs = path.join(ROOT, rel);
      const v8 = readV8(v8Dir, abs);
      const kcov = readKcov(kcovDir, manifest, rel);
      if (v8.length === 0 || !kcov) {
        if (rel === entry) result.unchecked = v8.length === 0 ? 'V8 reported no coverage for the file' : 'kcovjs recorded no counters for the file';
        continue;
      }
      compareFile(abs, v8, kcov, rel === entry ? '' : `${path.relative(path.dirname(entry), rel)}:`, result);
    }
    return result;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Runs the oracle over programs that Node runs without a transform (JS only), two at a time. */
export function oracleOverCorpus(cases: readonly HazardCase[]): Promise<OracleResult[]> {
  return pool(cases.filter((c) => !c.needsStrip), 2, oracleCheck);
}
