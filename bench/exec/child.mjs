/**
 * One execution-benchmark child: loads the library workloads under one variant, runs each
 * library's workload to a steady state and prints JSON with the median CPU and wall time per iteration,
 * the checksum of the results and the peak RSS.
 *
 *   node [--import kcovjs/register] child.mjs '<json config>'
 *
 * config: { variant, libsModule, kcovjsIndex, inputsDir, libs, warmupMs, warmupIters, measureMs, minIters, capMs }
 * Variants that need work in-process: "v8" (inspector precise block coverage, started before
 * the libraries load) and "kcov-pc" / "kcov-unique" / "kcov-cmp" (a kcov instance opened
 * through the device and enabled for this thread; the area is reset before each iteration).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const config = JSON.parse(process.argv[2] ?? '{}');
/** Area size of the device variants: syzkaller's default (kCoverSize = 512 << 10 words). */
const AREA_WORDS = 512 << 10;

async function startV8Coverage() {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  return session;
}

/** Opens the device, enables the requested mode and returns the per-iteration reset. */
async function enableKcov(mode) {
  const k = await import(pathToFileURL(config.kcovjsIndex).href);
  const file = k.open();
  file.ioctl(k.KCOV_INIT_TRACE, AREA_WORDS);
  const area = file.mmap(AREA_WORDS * 8);
  if (mode === 'unique') {
    let dense = 0;
    for (const m of k.getRuntime().modules) dense = Math.max(dense, m.entry.dense + m.counters.length);
    const bitmapWords = Math.ceil(dense / 64) + 1;
    if (bitmapWords >= AREA_WORDS - 1) throw new Error(`too many blocks (${dense}) for the unique bitmap`);
    file.ioctl(k.KCOV_UNIQUE_ENABLE, bitmapWords);
    return { reset: () => file.ioctl(k.KCOV_RESET_TRACE, 0), count: () => Number(area[bitmapWords]), file };
  }
  file.ioctl(k.KCOV_ENABLE, mode === 'cmp' ? k.KCOV_TRACE_CMP : k.KCOV_TRACE_PC);
  return { reset: () => { area[0] = 0n; }, count: () => Number(area[0]), file };
}

/** CPU time (user + system, all threads) of this process in milliseconds. */
function cpuMs() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Warms up, then times iterations one by one. The figure is the median CPU time per
 * iteration (robust when the shared machine deschedules us); the wall-clock median is kept too.
 */
function measure(fn, state, reset) {
  let checksum = 0;
  // Runs for at least `ms` and `minIters` iterations, but stops at `capMs` (slow variants).
  const until = (ms, minIters, cpu, wall) => {
    const start = performance.now();
    const more = (i, t) => i < 2 || ((i < minIters || t < ms) && t < config.capMs);
    for (let i = 0; more(i, performance.now() - start); i++) {
      reset();
      const c0 = cpuMs();
      const t0 = performance.now();
      checksum = fn(state);
      if (wall) wall.push(performance.now() - t0);
      if (cpu) cpu.push(cpuMs() - c0);
    }
  };
  until(config.warmupMs, config.warmupIters ?? 2, null, null);
  const cpu = [];
  const wall = [];
  until(config.measureMs, config.minIters, cpu, wall);
  const med = (v) => v.sort((a, b) => a - b)[v.length >> 1];
  return { ms: med(cpu), wallMs: med(wall), iterations: cpu.length, checksum };
}

async function main() {
  const session = config.variant === 'v8' ? await startV8Coverage() : null;
  const { workloads } = await import(pathToFileURL(config.libsModule).href);
  const mode = /^kcov-(pc|unique|cmp)$/.exec(config.variant)?.[1];
  const kcov = mode ? await enableKcov(mode) : null;
  const reset = kcov ? kcov.reset : () => {};
  const results = {};
  for (const lib of config.libs) {
    const w = workloads[lib];
    if (!w) throw new Error(`unknown library workload '${lib}'`);
    const state = w.prepare(fs.readFileSync(path.join(config.inputsDir, `${lib}.txt`), 'utf8'));
    results[lib] = measure(w.run, state, reset);
    if (kcov) results[lib].recorded = kcov.count();
  }
  let blocks = null;
  const rt = globalThis.__kcovjs_runtime;
  if (rt) blocks = rt.stats().blocks;
  if (session) {
    const { result } = await session.post('Profiler.takePreciseCoverage');
    blocks = result.reduce((n, s) => n + s.functions.reduce((m, f) => m + f.ranges.length, 0), 0);
    session.disconnect();
  }
  const istanbul = globalThis.__coverage__;
  if (istanbul) blocks = Object.values(istanbul).reduce((n, f) => n + Object.keys(f.statementMap).length, 0);
  const failures = rt ? rt.stats().failures.length : 0;
  const maxRssKiB = process.resourceUsage().maxRSS;
  process.stdout.write(`${JSON.stringify({ variant: config.variant, results, blocks, failures, maxRssKiB })}\n`);
}

await main();
