/**
 * `kcovjs trace` on a target that throws, rejects, exits, hangs in its event loop or spins
 * in a busy loop: the target's own status and output are kept, the trace is still written,
 * and a signal ends the run as it would end the plain program.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REGISTER_FILE, ROOT, childEnv, runNode } from '../differential/proc.js';

const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
const TARGET = path.join(ROOT, 'test', 'faults', 'fixtures', 'target.cjs');
const skip = fs.existsSync(REGISTER_FILE) && fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli', 'trace.js')) ? false : 'kcovjs trace is not built';
const PC_LINE = /^0xffffffff[89a-f][0-9a-f]{7}$/m;

function traceArgs(mode: string): string[] {
  const manifest = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kcovjs-target-')), 'manifest.json');
  return [CLI, 'trace', '--mode', 'unique', '--filter', 'test/faults/**', '--manifest', manifest, '--', process.execPath, TARGET, mode];
}

test('a target that throws, rejects or exits keeps its exit status and output, and its trace is written', { skip }, async () => {
  for (const mode of ['throw', 'reject', 'exit']) {
    const plain = await runNode([TARGET, mode]);
    const traced = await runNode(traceArgs(mode), { env: childEnv({ KCOVJS_ROOT: ROOT }) });
    assert.equal(traced.code, plain.code, `${mode}: exit status ${traced.code}, plain ${plain.code}\n${traced.stderr}`);
    assert.ok(traced.stdout.startsWith(plain.stdout), `${mode}: the target's output changed:\n${traced.stdout}`);
    assert.match(traced.stdout.slice(plain.stdout.length), PC_LINE, `${mode}: no trace after the program's output`);
    if (mode !== 'exit') assert.match(traced.stderr, new RegExp(`target ${mode === 'throw' ? 'threw' : 'rejected'}`));
  }
});

/** Starts a traced target, waits for its "ready" line, sends SIGTERM, and collects the rest. */
function signalWhenReady(mode: string, graceMs: number): Promise<{ code: number | null; signal: string | null; stdout: string; killed: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, traceArgs(mode), { env: childEnv({ KCOVJS_ROOT: ROOT }), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    // The traced program is a grandchild: a stuck run is killed as a whole process group.
    const killAll = (): void => { killed = true; try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ } };
    let stdout = '';
    let killed = false;
    let sent = false;
    let guard: NodeJS.Timeout | undefined;
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
      if (!sent && stdout.includes('ready')) {
        sent = true;
        child.kill('SIGTERM');
        guard = setTimeout(killAll, graceMs);
      }
    });
    child.stderr.resume();
    const never = setTimeout(killAll, graceMs * 4);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      clearTimeout(never);
      resolve({ code, signal, stdout, killed });
    });
  });
}

test('SIGTERM ends a target that waits in its event loop, and the trace up to then is written', { skip }, async () => {
  const r = await signalWhenReady('hang', 20_000);
  assert.ok(!r.killed, 'the traced run did not end after SIGTERM');
  assert.ok(r.code === 143 || r.signal === 'SIGTERM', `status ${r.code ?? r.signal}`);
  assert.match(r.stdout, PC_LINE, 'no trace was written');
});

// Known limit (docs/differential.md): the trace is written from a JavaScript signal handler.
test('SIGTERM ends a target that spins in a busy loop, as it ends the plain program', { skip, todo: 'the trace agent writes the trace from a JavaScript SIGTERM handler, which a busy loop delays' }, async () => {
  const r = await signalWhenReady('spin', 10_000);
  assert.ok(!r.killed, 'SIGTERM did not end a busy-looping traced target (plain node dies at once: no JS handler can run in a busy loop)');
  assert.ok(r.code === 143 || r.signal === 'SIGTERM', `status ${r.code ?? r.signal}`);
});
