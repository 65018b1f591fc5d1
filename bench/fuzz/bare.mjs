/**
 * The fuzzer's baseline: a bare loop that calls a target's `fuzz` export with random inputs
 * (seeded PRNG, lengths 0..maxLen) for a fixed time, and prints the executions per second.
 *
 *   node bare.mjs '<json config>'   config: { target, seconds, maxLen }
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { prng } from '../lib/util.mjs';

const config = JSON.parse(process.argv[2] ?? '{}');
const { fuzz } = await import(pathToFileURL(config.target).href);
const r = prng(1);
const pool = Array.from({ length: 4096 }, () => {
  const b = Buffer.alloc(Math.floor(r() * (config.maxLen + 1)));
  for (let i = 0; i < b.length; i++) b[i] = Math.floor(r() * 256);
  return b;
});
let execs = 0;
const start = performance.now();
const end = start + config.seconds * 1000;
while (performance.now() < end) {
  for (let i = 0; i < 1024; i++) fuzz(pool[(execs + i) & 4095]);
  execs += 1024;
}
const secs = (performance.now() - start) / 1000;
process.stdout.write(`${JSON.stringify({ execs, execPerSec: execs / secs })}\n`);
