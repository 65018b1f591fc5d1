/**
 * Differential runs on real code: parsers (acorn, esprima), js-yaml (also its minified build) and marked over every
 * input file under node_modules, and real libraries' own test suites, each run plain and
 * with the library instrumented. Results must be identical line for line.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { manifestPaths } from './hazards.js';
import { REGISTER, ROOT, childEnv, describeDiff, runNode, type RunResult } from './proc.js';

const DRIVERS = path.join(ROOT, 'test', 'differential', 'drivers');

/** The tools of the parser differential and the package each one instruments. */
export const PARSE_TOOLS = { acorn: 'acorn', esprima: 'esprima', yaml: 'js-yaml', 'yaml-min': 'js-yaml', marked: 'marked' } as const;
/** A tool of the parser differential. */
export type ParseTool = keyof typeof PARSE_TOOLS;

/** A file the loader reported it could not instrument. */
export interface Uninstrumentable {
  file: string;
  reason: string;
}

/** The result of one differential run. */
export interface DifferentialResult {
  name: string;
  /** Inputs compared (files, or tests of a library suite). */
  compared: number;
  divergences: string[];
  uninstrumentable: Uninstrumentable[];
  /** Inputs left out, with the reason. */
  skipped: Uninstrumentable[];
  /** Whether the library's files were registered in the manifest (it really was instrumented). */
  instrumented: boolean;
}

/** Lists files under node_modules with one of the extensions, sorted, at most `limit`, skipping ones over `maxBytes`. */
export function listInputs(exts: readonly string[], options: { limit?: number; maxBytes?: number; nameIs?: string } = {}): { files: string[]; skipped: Uninstrumentable[] } {
  const files: string[] = [];
  const skipped: Uninstrumentable[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && (options.nameIs ? e.name === options.nameIs : exts.some((x) => e.name.endsWith(x)))) {
        const rel = path.relative(ROOT, full).split(path.sep).join('/');
        const size = fs.statSync(full).size;
        if (options.maxBytes !== undefined && size > options.maxBytes) skipped.push({ file: rel, reason: `${size} bytes, over the ${options.maxBytes}-byte limit of this run` });
        else files.push(rel);
      }
    }
  };
  walk(path.join(ROOT, 'node_modules'));
  return { files: options.limit !== undefined ? spread(files, options.limit) : files, skipped };
}

/** Picks `n` items spread evenly over a sorted list (so a slice covers many packages). */
function spread<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
}

/** Files named in the loader's "cannot instrument" warnings. */
export function loaderWarnings(stderr: string): Uninstrumentable[] {
  const out: Uninstrumentable[] = [];
  for (const m of stderr.matchAll(/^kcovjs: warning: cannot instrument (\S+): (.*?)(?:; it runs uninstrumented)?$/gm)) {
    out.push({ file: path.relative(ROOT, m[1]!).split(path.sep).join('/'), reason: m[2]! });
  }
  return out;
}

function workspace(): { dir: string; manifest: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcovjs-diff-'));
  return { dir, manifest: path.join(dir, 'manifest.json') };
}

function instrumentedEnv(manifest: string, filter: string): NodeJS.ProcessEnv {
  return childEnv({ KCOVJS_ROOT: ROOT, KCOVJS_MANIFEST: manifest, KCOVJS_FILTER: filter });
}

function crashNote(which: string, r: RunResult): string {
  return `${which} run ended with ${r.timedOut ? 'a timeout' : `status ${r.code ?? r.signal}`}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`;
}

/** Parses `files` with `tool`, plain and instrumented, and compares the digests file by file. */
export async function parserDifferential(tool: ParseTool, files: readonly string[], skipped: Uninstrumentable[] = []): Promise<DifferentialResult> {
  const ws = workspace();
  try {
    const list = path.join(ws.dir, 'inputs.txt');
    fs.writeFileSync(list, files.join('\n') + '\n');
    const args = [path.join(DRIVERS, 'parse.mjs'), tool, list, ROOT];
    const filter = `node_modules/${PARSE_TOOLS[tool]}/**`;
    const timeoutMs = 600_000;
    const plain = await runNode(args, { timeoutMs });
    const inst = await runNode(['--import', REGISTER, ...args], { env: instrumentedEnv(ws.manifest, filter), timeoutMs });
    const divergences: string[] = [];
    if (plain.code !== 0) divergences.push(crashNote('plain', plain));
    if (inst.code !== plain.code) divergences.push(crashNote('instrumented', inst));
    const a = plain.stdout.split('\n');
    const b = inst.stdout.split('\n');
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (a[i] !== b[i]) divergences.push(`${(a[i] ?? b[i] ?? '').split('\t')[0]}: plain ${a[i]?.split('\t')[1] ?? '(missing)'}, instrumented ${b[i]?.split('\t')[1] ?? '(missing)'}`);
    }
    const instrumented = [...manifestPaths(ws.manifest)].some((p) => p.startsWith(`node_modules/${PARSE_TOOLS[tool]}/`));
    return { name: `${tool} over ${files.length} files`, compared: files.length, divergences, uninstrumentable: loaderWarnings(inst.stderr), skipped, instrumented };
  } finally {
    fs.rmSync(ws.dir, { recursive: true, force: true });
  }
}

/** ua-parser-js's own mocha suite (through a mocha-compatible shim), plain and with the library instrumented. */
export async function uaParserSuite(): Promise<DifferentialResult> {
  const ws = workspace();
  try {
    const args = ['--require', path.join(DRIVERS, 'mocha-shim.cjs'), path.join(ROOT, 'node_modules', 'ua-parser-js', 'test', 'test.js')];
    const plain = await runNode(args);
    const inst = await runNode(['--import', REGISTER, ...args], { env: instrumentedEnv(ws.manifest, 'node_modules/ua-parser-js/src/**') });
    const divergences: string[] = [];
    if (plain.code !== 0) divergences.push(crashNote('plain', plain));
    if (inst.code !== plain.code) divergences.push(crashNote('instrumented', inst));
    const diff = describeDiff(plain.stdout, inst.stdout);
    if (diff) divergences.push(diff);
    const compared = plain.stdout.split('\n').filter((l) => /^(not )?ok - /.test(l)).length;
    const instrumented = [...manifestPaths(ws.manifest)].some((p) => p.startsWith('node_modules/ua-parser-js/src/'));
    return { name: `ua-parser-js@0.7.24 test suite (${compared} tests)`, compared, divergences, uninstrumentable: loaderWarnings(inst.stderr), skipped: [], instrumented };
  } finally {
    fs.rmSync(ws.dir, { recursive: true, force: true });
  }
}

/** The inputs of each parser tool: JS for the parsers, YAML and package.json for js-yaml, Markdown for marked. */
export function inputsFor(tool: ParseTool, options: { limit?: number; maxBytes?: number } = {}): { files: string[]; skipped: Uninstrumentable[] } {
  if (tool === 'yaml' || tool === 'yaml-min') {
    const yml = listInputs(['.yml', '.yaml'], options);
    const json = listInputs([], { ...options, nameIs: 'package.json' });
    return { files: [...yml.files, ...json.files], skipped: [...yml.skipped, ...json.skipped] };
  }
  return listInputs(tool === 'marked' ? ['.md'] : ['.js', '.cjs', '.mjs'], options);
}
