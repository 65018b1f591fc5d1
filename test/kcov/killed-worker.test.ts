/**
 * A worker killed while it traces: the area it was writing stays consistent (a count within
 * the area, every counted entry a complete kcovjs PC, nothing written past the count), it is
 * not written after the kill, and the main thread's device is unaffected.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { FIXTURES, REGISTER, tmpDir } from '../helpers.js';

test('a worker terminated while tracing leaves a consistent area that no one writes any more', async () => {
  const dir = tmpDir();
  process.env.KCOVJS_MANIFEST ??= path.join(dir, 'manifest.json');
  const w = new Worker(path.join(FIXTURES, 'kcov', 'killed-worker.mjs'), { execArgv: ['--import', REGISTER] });
  const buffer = await new Promise<SharedArrayBuffer>((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
  });
  const area = new BigUint64Array(buffer);
  const u32 = new Uint32Array(buffer);
  // Let it write for a while, and see the count move while it does.
  const seen = new Set<number>();
  for (let i = 0; i < 50 && seen.size < 3; i++) {
    seen.add(Atomics.load(u32, 0));
    await new Promise((r) => setTimeout(r, 5));
  }
  assert.ok(seen.size >= 2, 'the worker was writing');
  await w.terminate();
  const count = Number(Atomics.load(area, 0));
  assert.ok(count >= 0 && count <= area.length - 1, `count ${count} inside the area`);
  for (let i = 1; i <= count; i++) {
    const pc = area[i]!;
    assert.ok(pc >= 0xffffffff80000000n && pc < 0xffffffffff000000n && pc % 8n === 0n, `entry ${i}: 0x${pc.toString(16)}`);
  }
  // Entries past the count were either never written or are complete PCs of an earlier
  // round (the worker rewinds); none is a half-written word.
  for (let i = count + 1; i < area.length; i++) {
    const pc = area[i]!;
    assert.ok(pc === 0n || (pc >= 0xffffffff80000000n && pc % 8n === 0n), `entry ${i}: 0x${pc.toString(16)}`);
  }
  const snapshot = area.slice();
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(area, snapshot, 'nothing writes the area after the kill');
});
