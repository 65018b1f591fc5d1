/**
 * One scaling-benchmark child, run under the kcovjs loader with the generated modules
 * selected: loads them all, then measures the cost of collecting the coverage of one small
 * input in three ways, each in batches after a warm-up:
 *
 *   unique  RESET_TRACE, run the input, read the count and the PCs (kcov unique mode)
 *   pc      area[0] = 0, run the input, read the count and the PCs (KCOV_ENABLE TRACE_PC)
 *
 * (PCs and counts are read as 32-bit halves of the mapped words, little-endian, as a
 * consumer that avoids BigInt does; the high halves of PCs are all ones.)
 *   scan    tracing off; run the input, then walk every module's counters, collect the
 *           non-zero ones and zero them (what gVisor does with Go's counters)
 *
 *   node --import kcovjs/register child.mjs '<json config>'
 *   config: { files, kcovjsIndex, batch, warmupMs, measureMs, methods? } (methods: a subset, for profiling)
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const config = JSON.parse(process.argv[2] ?? '{}');
const k = await import(pathToFileURL(config.kcovjsIndex).href);
const mods = [];
for (const f of config.files) mods.push(await import(pathToFileURL(f).href));
const input = mods[0].input;
const rt = k.getRuntime();
let dense = 0;
for (const m of rt.modules) dense = Math.max(dense, m.entry.dense + m.counters.length);
const bitmapWords = Math.ceil(dense / 64) + 1;
const TRACE_WORDS = 8192;
const pcs = new Float64Array(TRACE_WORDS);

/** Times `once` in batches; returns the median CPU microseconds per call and the last result. */
function measure(once) {
  let last = 0;
  const batch = () => {
    for (let i = 0; i < config.batch; i++) last = once();
  };
  const warmEnd = performance.now() + config.warmupMs;
  while (performance.now() < warmEnd) batch();
  const times = [];
  const end = performance.now() + config.measureMs;
  while (times.length < 5 || performance.now() < end) {
    const c0 = process.cpuUsage();
    batch();
    const c = process.cpuUsage(c0);
    times.push((c.user + c.system) / config.batch);
  }
  times.sort((a, b) => a - b);
  return { us: times[times.length >> 1], collected: last };
}

/** Reads n PCs after the count word `at`: their low halves, through a 32-bit view (no BigInt). */
function readPcs(words32, at, n) {
  for (let i = 0; i < n; i++) pcs[i] = words32[2 * (at + 1 + i)];
  return n;
}

const results = {};
const wanted = new Set(config.methods ?? ['scan', 'unique', 'pc']);
rt.clearCounters();
if (wanted.has('scan')) results.scan = measure(() => {
  input(1);
  let n = 0;
  for (const m of rt.modules) {
    const c = m.counters;
    for (let b = 0; b < c.length; b++) {
      if (c[b] !== 0) {
        pcs[n++] = 0x80000000 + 8 * (m.entry.base + b);
        c[b] = 0;
      }
    }
  }
  rt.clearCounters(); // empties the runtime's first-hit list, which the scan does not read
  return n;
});

const file = k.open();
// mmap needs the area to be whole pages (512 words), as on Linux.
const words = Math.ceil((bitmapWords + 1 + TRACE_WORDS) / 512) * 512;
file.ioctl(k.KCOV_INIT_TRACE, words);
const area = file.mmap(words * 8);
const area32 = new Uint32Array(area.buffer, area.byteOffset, area.length * 2);
if (wanted.has('unique')) {
  file.ioctl(k.KCOV_UNIQUE_ENABLE, bitmapWords);
  results.unique = measure(() => {
    file.ioctl(k.KCOV_RESET_TRACE, 0);
    input(1);
    return readPcs(area32, bitmapWords, area32[2 * bitmapWords]);
  });
  file.ioctl(k.KCOV_DISABLE, 0);
}
if (wanted.has('pc')) {
  file.ioctl(k.KCOV_ENABLE, k.KCOV_TRACE_PC);
  results.pc = measure(() => {
    area[0] = 0n;
    input(1);
    return readPcs(area32, 0, area32[0]);
  });
  file.ioctl(k.KCOV_DISABLE, 0);
}
const stats = rt.stats();
process.stdout.write(`${JSON.stringify({ blocks: stats.blocks, modules: stats.modules, failures: stats.failures.length, results })}\n`);
