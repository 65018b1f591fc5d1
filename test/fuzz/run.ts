/**
 * Runs `kcovjs fuzz` the way the fuzz tests need it: asynchronously (a run may take minutes),
 * from the repository root, with its own manifest, stdout and stderr together.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { CLI, REPO } from '../helpers.js';

/** Exit code and combined output of one run. */
export interface FuzzResult {
  code: number | null;
  out: string;
}

/** Runs `kcovjs fuzz ...args` with the manifest in `manifestDir` and extra environment. */
export function fuzzCli(args: string[], manifestDir: string, env: Record<string, string> = {}): Promise<FuzzResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'fuzz', ...args], {
      cwd: REPO,
      env: { ...process.env, ...env, KCOVJS_MANIFEST: path.join(manifestDir, 'manifest.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}
