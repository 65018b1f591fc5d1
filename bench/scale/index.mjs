/**
 * Section 2: the cost of collecting one input's coverage as the loaded code grows. One child
 * per (size, repetition), sizes interleaved and rotated between repetitions; each child
 * measures kcov unique mode, TRACE_PC and a gVisor-style scan of every counter.
 */
import * as path from 'node:path';
import { writeGenerated } from './generate.mjs';
import { REGISTER, ROOT, median, ratioCell, rotate, runJsonChild, table, valueCell } from '../lib/util.mjs';

/** Loaded modules per size (about 1000 blocks each). */
const SIZES = [1, 10, 100];
const METHODS = [
  { name: 'unique', label: 'kcov unique: RESET_TRACE, run, read count + PCs', goal: 1.2 },
  { name: 'pc', label: 'kcov TRACE_PC: area[0] = 0, run, read count + PCs', goal: 1.2 },
  { name: 'scan', label: 'gVisor-style: run, scan and zero every counter' },
];

/** Runs the section; returns { markdown, raw, shortfalls }. */
export async function runScale({ tmp, quick, log }) {
  const reps = quick ? 1 : 5;
  const timing = quick ? { batch: 50, warmupMs: 20, measureMs: 50 } : { batch: 200, warmupMs: 500, measureMs: 1500 };
  const dir = path.join(tmp, 'scale');
  const files = writeGenerated(dir, Math.max(...SIZES));
  const runs = [];
  for (let rep = 0; rep < reps; rep++) {
    runs.push({});
    for (const size of rotate(SIZES, rep)) {
      log(`scale: rep ${rep + 1}/${reps} ${size} modules`);
      const config = { files: files.slice(0, size), kcovjsIndex: path.join(ROOT, 'dist', 'src', 'index.js'), ...timing };
      runs[rep][size] = await runJsonChild(path.join(ROOT, 'bench', 'scale', 'child.mjs'), [JSON.stringify(config)], {
        nodeArgs: ['--import', REGISTER],
        env: { KCOVJS_ROOT: dir, KCOVJS_FILTER: 'gen/**', KCOVJS_MANIFEST: path.join(tmp, `scale-manifest-${size}-${rep}.json`) },
      });
    }
  }
  const shortfalls = [];
  const small = SIZES[0];
  const big = SIZES[SIZES.length - 1];
  const blocks = SIZES.map((s) => runs[0][s].blocks);
  const rows = METHODS.map((m) => {
    const cells = SIZES.map((s) => `${valueCell(runs.map((r) => r[s].results[m.name].us), 2)} us`);
    const growth = runs.map((r) => r[big].results[m.name].us / r[small].results[m.name].us);
    const growthMedian = median(growth);
    let goal = '';
    if (m.goal) {
      const ok = growthMedian <= m.goal;
      goal = `<= ${m.goal}: ${ok ? 'met' : '**missed**'}`;
      if (!ok) shortfalls.push(`scaling: ${m.label} grows ${growthMedian.toFixed(2)}x from ${blocks[0]} to ${blocks[blocks.length - 1]} blocks (goal <= ${m.goal})`);
    }
    return [m.label, ...cells, ratioCell(growth), goal];
  });
  const collected = SIZES.map((s) => runs[0][s].results.unique.collected).join(' / ');
  const failures = SIZES.reduce((n, s) => n + runs[0][s].failures, 0);
  const markdown = [
    '## 2. Cost of collecting one input\'s coverage as the loaded code grows',
    '',
    `Generated modules of 250 two-branch functions are loaded through the kcovjs loader (blocks loaded: ${blocks.join(' / ')});`,
    `the input calls 36 functions of module 0 and hits ${collected} distinct blocks at every size. One child per`,
    `(size, repetition), ${reps} repetitions, sizes interleaved and rotated; inside a child each method is timed in batches of`,
    `${timing.batch} inputs after ${timing.warmupMs} ms of warm-up for ${timing.measureMs} ms; the figure is the median batch, in CPU`,
    'microseconds per input (run + collect), median (min-max) over repetitions. The last columns are the ratio of the',
    'largest to the smallest size within each repetition.',
    ...(failures ? ['', `**Problem:** ${failures} generated files failed to instrument.`] : []),
    '',
    table(['method', ...blocks.map((b) => `${b} blocks`), `${blocks[blocks.length - 1]} / ${blocks[0]}`, 'goal'], rows),
  ].join('\n');
  return { markdown, raw: runs, shortfalls };
}
