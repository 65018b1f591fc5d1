/**
 * `kcovjs run [--filter GLOBS] [--coverage-dir DIR] -- <command...>`: runs a command with
 * kcovjs loaded into every Node process it starts (through NODE_OPTIONS, so child
 * processes and worker threads are covered too).
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultManifestPath } from '../runtime/manifest.js';

const HELP = `usage: kcovjs run [--filter GLOBS] [--coverage-dir DIR] [--manifest PATH] -- <command...>

Runs <command> with instrumentation in every Node process and worker it starts.
  --filter GLOBS       files to instrument: comma-separated globs relative to the working
                       directory, !glob to exclude (default: all user code and node_modules)
  --coverage-dir DIR   record block counters in DIR when each thread and process ends;
                       turn them into reports with 'kcovjs report --coverage-dir DIR'
  --manifest PATH      the PC manifest (default: .kcovjs/manifest.json)
`;

/** The absolute URL of the register module, for `--import`. */
export function registerUrl(): string {
  return new URL('../loader/register.js', import.meta.url).href;
}

/** The environment that makes a Node child process load kcovjs. */
export function coverageEnv(
  base: NodeJS.ProcessEnv,
  options: { filter?: string | undefined; coverageDir?: string | undefined; manifest?: string | undefined },
): NodeJS.ProcessEnv {
  const importFlag = `--import=${registerUrl()}`;
  const env: NodeJS.ProcessEnv = { ...base };
  env.NODE_OPTIONS = [base.NODE_OPTIONS, importFlag].filter(Boolean).join(' ');
  env.KCOVJS_ROOT = base.KCOVJS_ROOT ?? process.cwd();
  env.KCOVJS_MANIFEST = path.resolve(options.manifest ?? base.KCOVJS_MANIFEST ?? defaultManifestPath(env.KCOVJS_ROOT));
  if (options.filter !== undefined) env.KCOVJS_FILTER = options.filter;
  if (options.coverageDir !== undefined) env.KCOVJS_COVERAGE_DIR = path.resolve(options.coverageDir);
  return env;
}

/** Runs a command to completion, forwarding signals; resolves to its exit code (128+n for signal n). */
export function runChild(command: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit', env });
    const forward = (sig: NodeJS.Signals) => child.kill(sig);
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const s of signals) process.on(s, forward);
    child.on('error', (err) => reject(new Error(`cannot start '${command[0]}': ${err.message}`)));
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      resolve(code ?? 128 + (signal ? osSignal(signal) : 0));
    });
  });
}

function osSignal(name: NodeJS.Signals): number {
  return ({ SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as Record<string, number>)[name] ?? 0;
}

/** Entry point of `kcovjs run`. */
export async function main(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      filter: { type: 'string' },
      'coverage-dir': { type: 'string' },
      manifest: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length === 0) {
    process.stderr.write(`kcovjs run: no command given\n\n${HELP}`);
    return 2;
  }
  const env = coverageEnv(process.env, { filter: values.filter, coverageDir: values['coverage-dir'], manifest: values.manifest });
  return runChild(positionals, env);
}

/** Path of the kcovjs CLI script, for tools that re-run it. */
export const CLI_PATH = fileURLToPath(new URL('./main.js', import.meta.url));
