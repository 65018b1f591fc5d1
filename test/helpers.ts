/**
 * Shared helpers for tests that run kcovjs the way users do: as a CLI and as a `--import`.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The compiled CLI. */
export const CLI = path.join(REPO, 'dist', 'src', 'cli', 'main.js');
/** The compiled register module, for `--import`. */
export const REGISTER = path.join(REPO, 'dist', 'src', 'loader', 'register.js');
/** Test fixtures (not compiled). */
export const FIXTURES = path.join(REPO, 'test', 'fixtures');

/** A fresh temporary directory. */
export function tmpDir(prefix = 'kcovjs-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Options for running node or the CLI. */
export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string;
  timeout?: number;
}

function run(args: string[], opts: RunOptions): SpawnSyncReturns<string> {
  const env: Record<string, string | undefined> = { ...process.env, NODE_OPTIONS: '', ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return spawnSync(process.execPath, args, {
    cwd: opts.cwd ?? REPO,
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    input: opts.input ?? '',
    timeout: opts.timeout ?? 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** Runs `node [--import register] file args...`. */
export function runNode(file: string, opts: RunOptions & { instrument?: boolean; args?: string[] } = {}): SpawnSyncReturns<string> {
  const pre = opts.instrument === false ? [] : ['--import', REGISTER];
  return run([...pre, file, ...(opts.args ?? [])], opts);
}

/** Runs `kcovjs <args...>`. */
export function runCli(args: string[], opts: RunOptions = {}): SpawnSyncReturns<string> {
  return run([CLI, ...args], opts);
}

/** What an instrumented compare site `a op b` does while a task traces comparisons. */
export function tracedCompare(
  handle: { l<T>(v: T, site: number): T; r<T>(v: T, site: number): T },
  op: number,
  a: unknown,
  b: unknown,
  site: number,
): boolean {
  const x = handle.l(a, site) as any;
  const y = handle.r(b, site) as any;
  switch (op) {
    case 0: return x === y;
    case 1: return x !== y;
    case 2: return x == y;
    case 3: return x != y;
    case 4: return x < y;
    case 5: return x <= y;
    case 6: return x > y;
    case 7: return x >= y;
    default: throw new Error(`no compare operator ${op}`);
  }
}
