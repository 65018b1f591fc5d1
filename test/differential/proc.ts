/**
 * Running Node programs twice, plain and under kcovjs, and comparing what they did.
 * Shared by the hazard corpus, the differential suite and the fault tests.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (this file lives in dist/test/differential/). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The loader entry, resolved by package self-reference from ROOT. */
export const REGISTER = 'kcovjs/register';
/** The compiled loader entry; the suites skip themselves until it exists. */
export const REGISTER_FILE = path.join(ROOT, 'dist', 'src', 'loader', 'register.js');

/** What one run of a program did. */
export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Options of `runNode`. */
export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  input?: string;
}

/**
 * An environment for a child: the parent's, without anything that would change how the
 * child runs (kcovjs settings, NODE_OPTIONS, V8 coverage, the test runner's markers), plus `extra`.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('KCOVJS_') || k === 'NODE_OPTIONS' || k === 'NODE_V8_COVERAGE' || k.startsWith('NODE_TEST')) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

/** Runs `node ...args` and collects its output; never rejects. */
export function runNode(args: string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? childEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 60_000);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** Maps `fn` over `items`, at most `limit` at a time, keeping the order of results. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Removes what differs between two runs of the same program for reasons that have
 * nothing to do with instrumentation: the process id in Node's warning prefix.
 */
export function normalizeOutput(text: string): string {
  return text.replace(/\((node|kcovjs):\d+\)/g, '($1:PID)');
}

/** A readable report of how two texts differ (first differing line, with context), or '' if equal. */
export function describeDiff(expected: string, actual: string, context = 3): string {
  if (expected === actual) return '';
  const a = expected.split('\n');
  const b = actual.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let ea = a.length - 1;
  let eb = b.length - 1;
  while (ea > i && eb > i && a[ea] === b[eb]) {
    ea--;
    eb--;
  }
  const clip = (s: string): string => (s.length > 400 ? `${s.slice(0, 400)}... (${s.length} chars)` : s);
  const lines = [`first difference at line ${i + 1}`];
  for (let k = Math.max(0, i - context); k < i; k++) lines.push(`  ${clip(a[k]!)}`);
  for (let k = i; k <= Math.min(ea, i + 20); k++) lines.push(`- ${clip(a[k]!)}`);
  for (let k = i; k <= Math.min(eb, i + 20); k++) lines.push(`+ ${clip(b[k]!)}`);
  return lines.join('\n');
}

/**
 * Puts Node's two stack-trace formats into one, for stderr. With source maps enabled (the
 * loader enables them) Node formats frames of mapped files itself: paths instead of file
 * URLs, `<anonymous>` for unnamed frames, a caret line at another column, an extra blank
 * line; and `--import` routes a CommonJS entry through the ESM loader, so Node's internal
 * frames differ. What stays compared: the message, the files, the line numbers and the
 * frames of user code (docs/differential.md).
 */
export function normalizeStackFormat(text: string): string {
  const out: string[] = [];
  for (let line of text.split('\n')) {
    line = line.replace(/file:\/\/(\/[^\s:)]*)/g, '$1');
    if (/^\s+at /.test(line)) {
      if (/node:internal|\(node:|at node:/.test(line)) continue;
      line = line.replace(/at <anonymous> \((.*)\)$/, 'at $1').replace(/(:\d+):\d+(\)?)$/, '$1$2');
    }
    if (/^\s*\^+\s*$/.test(line)) continue;
    if (line === '' && out.length > 0 && out[out.length - 1] === '') continue;
    out.push(line);
  }
  return out.join('\n');
}

/** Compares two runs: exit code, signal, stdout and stderr (stack format normalised). Returns '' when they match. */
export function compareRuns(plain: RunResult, instrumented: RunResult): string {
  const parts: string[] = [];
  if (plain.timedOut !== instrumented.timedOut) parts.push(`timed out: plain ${plain.timedOut}, instrumented ${instrumented.timedOut}`);
  if (plain.code !== instrumented.code || plain.signal !== instrumented.signal) {
    parts.push(`exit: plain ${plain.code ?? plain.signal}, instrumented ${instrumented.code ?? instrumented.signal}`);
  }
  const out = describeDiff(normalizeOutput(plain.stdout), normalizeOutput(instrumented.stdout));
  if (out) parts.push(`stdout (- plain, + instrumented), ${out}`);
  const err = describeDiff(normalizeStackFormat(normalizeOutput(plain.stderr)), normalizeStackFormat(normalizeOutput(instrumented.stderr)));
  if (err) parts.push(`stderr (- plain, + instrumented), ${err}`);
  return parts.join('\n');
}
