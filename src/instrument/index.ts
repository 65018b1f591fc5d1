/**
 * The instrumenting pass: source in; instrumented code, a source map to the original file
 * and the block table out. It is pure (no runtime, no file system) because it runs inside
 * Node's loader thread. Block rules: docs/blocks.md.
 *
 * Pipeline: one oxc-parser parse of the ORIGINAL source (TypeScript and JSX included), one
 * walk that inserts counters with magic-string, then, for TS/JSX only, oxc-transform strips
 * types and JSX from the instrumented text, and the two source maps are composed. Because
 * counters go into the original text, block positions are original positions and code that
 * the transform generates (enums, namespaces, decorators) is never instrumented.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import remapping from '@jridgewell/remapping';
import MagicString from 'magic-string';
import { parseSync } from 'oxc-parser';
import { transformSync } from 'oxc-transform';
import type { FileTable } from '../abi/table.js';
import { EditBuffer } from './edits.js';
import { choosePrefix, DECORATOR_HELPERS, preamble } from './emit.js';
import { LineIndex } from './lines.js';
import type { Node } from './nodes.js';
import { Walker } from './walker.js';

/** How to parse a file. */
export type SourceKind = 'module' | 'commonjs';

/** Options of `instrument` and `stripTypes`. */
export interface InstrumentOptions {
  /** Absolute path of the file; its extension picks JS, JSX, TS or TSX. */
  filename: string;
  /** ESM or CommonJS/script, as Node would load it. */
  kind: SourceKind;
}

/** A version 3 source map as a plain object. */
export interface SourceMapV3 {
  version: number;
  file?: string;
  sources: string[];
  sourcesContent?: (string | null)[];
  names: string[];
  mappings: string;
}

/** What `instrument` returns. */
export interface InstrumentResult {
  code: string;
  /** Maps `code` to the original file. */
  map: SourceMapV3;
  table: FileTable;
  /** sha1 (hex) of the original source. */
  hash: string;
  blocks: number;
  sites: number;
}

/** Whether a module has a static import (`import ...`, `export ... from`). */
function importsAnything(program: Node): boolean {
  return (program.body as Node[]).some(
    (s) => s.type === 'ImportDeclaration' || s.type === 'ExportAllDeclaration' || (s.type === 'ExportNamedDeclaration' && s.source != null),
  );
}

/** A file that cannot be instrumented; the message names file, line and reason. */
export class InstrumentError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column + 1}: cannot instrument: ${reason}`);
    this.name = 'InstrumentError';
  }
}

type Lang = 'js' | 'jsx' | 'ts' | 'tsx';

/** The language of a file by its extension (unknown extensions are plain JavaScript). */
function langOf(filename: string): Lang {
  switch (path.extname(filename).toLowerCase()) {
    case '.ts':
    case '.mts':
    case '.cts':
      return 'ts';
    case '.tsx':
      return 'tsx';
    case '.jsx':
      return 'jsx';
    default:
      return 'js';
  }
}

/** Instruments one file. Throws an InstrumentError when the file cannot be instrumented. */
export function instrument(source: string, options: InstrumentOptions): InstrumentResult {
  const { filename, kind } = options;
  const lang = langOf(filename);
  const lines = new LineIndex(source);
  const parsed = parseSync(filename, source, { lang, sourceType: kind, preserveParens: true });
  const err = parsed.errors.find((e) => e.severity === 'Error') ?? parsed.errors[0];
  if (err) throw errorAt(filename, lines, err.labels[0]?.start ?? 0, `syntax error: ${err.message}`);
  const program = parsed.program as unknown as Node;

  const P = choosePrefix(source);
  const edits = new EditBuffer();
  // Only a module that imports can be in an import cycle, where another module may call its
  // hoisted functions before its body runs; the others register eagerly, into constants.
  const lazy = kind === 'module' && importsAnything(program);
  const walk = new Walker(edits, lines, P, lazy, source).program(program);
  const ms = new MagicString(source);
  edits.applyTo(ms, source);
  if (walk.sawDecorator && source.includes('babelHelpers')) {
    throw errorAt(filename, lines, 0, 'the file uses the name babelHelpers, which decorator lowering needs');
  }
  const table: FileTable = { b: walk.blocks, s: walk.sites, c: walk.cases, l: walk.literals };
  const hash = createHash('sha1').update(source).digest('hex');
  const blocks = walk.blocks.length / 5;
  const sites = walk.sites.length / 6;
  const text = preamble({
    prefix: P,
    filename,
    hash,
    blocks,
    sites,
    table,
    usesCompare: walk.usesCompare,
    usesResume: walk.usesResume,
    usesSwitch: walk.usesSwitch,
    shadowsGlobalThis: declaresTopLevel(program, 'globalThis'),
    lazy,
    decoratorHelpers: walk.sawDecorator && lang !== 'js' && lang !== 'jsx',
  });
  insertAtPrologueEnd(ms, program, source, text);

  const msMap = plainMap(ms.generateMap({ source: filename, file: filename, includeContent: true, hires: 'boundary' }));
  if (lang === 'js') return { code: ms.toString(), map: msMap, table, hash, blocks, sites };
  const out = transform(filename, ms.toString(), lang, kind, lines);
  const map = compose(out.map!, msMap, filename, source);
  return { code: out.code, map, table, hash, blocks, sites };
}

/**
 * Strips types and JSX from a TS/JSX file that is not instrumented (it still has to run).
 * Plain JavaScript comes back unchanged, with no map.
 */
export function stripTypes(source: string, options: InstrumentOptions): { code: string; map: SourceMapV3 | null } {
  const lang = langOf(options.filename);
  if (lang === 'js') return { code: source, map: null };
  const lines = new LineIndex(source);
  let out = transform(options.filename, source, lang, options.kind, lines);
  if (!out.code.includes('babelHelpers.')) return { code: out.code, map: plainMap(out.map!) };
  // Legacy decorators call helpers: declare them on the prologue's line (lines do not move).
  const parsed = parseSync(options.filename, source, { lang, sourceType: options.kind });
  const ms = new MagicString(source);
  insertAtPrologueEnd(ms, parsed.program as unknown as Node, source, `;var babelHelpers = ${DECORATOR_HELPERS};`);
  const msMap = plainMap(ms.generateMap({ source: options.filename, includeContent: true, hires: 'boundary' }));
  out = transform(options.filename, ms.toString(), lang, options.kind, lines);
  return { code: out.code, map: compose(out.map!, msMap, options.filename, source) };
}

interface Transformed {
  code: string;
  map: SourceMapV3 | undefined;
}

function transform(filename: string, code: string, lang: Lang, kind: SourceKind, lines: LineIndex): Transformed {
  const out = transformSync(filename, code, {
    lang,
    sourceType: kind,
    sourcemap: true,
    jsx: { runtime: 'automatic', importSource: 'react' },
    decorator: { legacy: true },
    helpers: { mode: 'External' as never },
  });
  const err = out.errors[0];
  if (err) throw errorAt(filename, lines, err.labels[0]?.start ?? 0, `cannot strip types: ${err.message}`);
  return { code: out.code, map: out.map as SourceMapV3 | undefined };
}

/**
 * Inserts `text` after the hashbang and the directive prologue, on the same line: after the
 * last directive, else right before the first statement (so leading comments such as JSX
 * pragmas and licences stay first).
 */
function insertAtPrologueEnd(ms: MagicString, program: Node, source: string, text: string): void {
  const body = program.body as Node[];
  let last: Node | undefined;
  for (const s of body) {
    if (typeof s.directive !== 'string') break;
    last = s;
  }
  let at = 0;
  if (last) at = last.end;
  else if (body.length > 0) at = body[0]!.start;
  else if (program.hashbang) {
    at = program.hashbang.end as number;
    if (source.startsWith('\r\n', at)) at += 2;
    else if (at < source.length) at += 1;
    else text = '\n' + text;
  }
  ms.prependLeft(at, text);
}

/** Whether the program declares `name` at its top level (var, let, const, function, class, import). */
function declaresTopLevel(program: Node, name: string): boolean {
  const found = (id: Node | null | undefined): boolean => !!id && id.type === 'Identifier' && id.name === name;
  for (let s of program.body as Node[]) {
    if ((s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration') && s.declaration) s = s.declaration;
    if (s.type === 'VariableDeclaration' && (s.declarations as Node[]).some((d) => JSON.stringify(d.id).includes(`"name":"${name}"`))) return true;
    if ((s.type === 'FunctionDeclaration' || s.type === 'ClassDeclaration') && found(s.id)) return true;
    if (s.type === 'ImportDeclaration' && (s.specifiers as Node[]).some((sp) => found(sp.local))) return true;
  }
  return false;
}

/** Composes the transform's map (output -> edited text) with the edit map (edited -> original). */
function compose(outer: SourceMapV3, inner: SourceMapV3, filename: string, source: string): SourceMapV3 {
  type Input = Parameters<typeof remapping>[0];
  const composed = remapping([outer, inner] as unknown as Input, () => null);
  return { ...plainMap(composed), sources: [filename], sourcesContent: [source] };
}

function errorAt(file: string, lines: LineIndex, offset: number, reason: string): InstrumentError {
  const [line, col] = lines.position(offset);
  return new InstrumentError(file, line, col, reason);
}

/** Copies the fields of a source map object into a plain SourceMapV3. */
function plainMap(m: { version?: number; file?: string | null; sources: readonly (string | null)[]; sourcesContent?: readonly (string | null)[] | null; names: readonly string[]; mappings: string | unknown }): SourceMapV3 {
  const out: SourceMapV3 = { version: 3, sources: m.sources.map((s) => s ?? ''), names: [...m.names], mappings: String(m.mappings) };
  if (m.file) out.file = m.file;
  if (m.sourcesContent) out.sourcesContent = [...m.sourcesContent];
  return out;
}
