/**
 * Sections 1 and 5: execution overhead and peak memory. Every variant runs in its own child
 * process (clean JIT state) per repetition; the variants are interleaved within each
 * repetition (and their order rotated between repetitions), and every figure is a ratio to
 * the plain run of the same repetition.
 */
import * as path from 'node:path';
import { writeInputs } from './inputs.mjs';
import { prepareIstanbulRoot } from './istanbul-copy.mjs';
import { REGISTER, ROOT, geomean, median, packageVersion, ratioCell, rotate, runJsonChild, table, valueCell } from '../lib/util.mjs';

/** The libraries, in table order. */
export const LIBS = ['acorn', 'js-yaml', 'marked', 'semver', 'fast-xml-parser'];

/** The variants, with how each is launched and its goal (max ratio to plain), if any. */
const VARIANTS = [
  { name: 'plain', label: 'plain (baseline)' },
  { name: 'kcovjs', label: 'kcovjs, tracing off', kcovjs: true, goal: 1.15 },
  { name: 'kcov-unique', label: 'kcovjs + kcov UNIQUE_ENABLE', kcovjs: true, goal: 1.3 },
  { name: 'kcov-pc', label: 'kcovjs + kcov ENABLE(TRACE_PC)', kcovjs: true, goal: 1.8 },
  { name: 'kcov-cmp', label: 'kcovjs + kcov ENABLE(TRACE_CMP)', kcovjs: true },
  { name: 'istanbul', label: 'istanbul-lib-instrument' },
  { name: 'v8', label: 'V8 precise block coverage' },
];

/**
 * Runs the section. Returns { markdown, memoryMarkdown, raw, shortfalls } where shortfalls lists the goals
 * that were missed.
 */
export async function runExec({ tmp, quick, log }) {
  const inputsDir = path.join(tmp, 'inputs');
  const inputs = writeInputs(inputsDir, quick ? 0.1 : 1);
  log('exec: instrumenting the libraries with istanbul');
  const istanbulLibs = prepareIstanbulRoot(path.join(tmp, 'istanbul'), LIBS);
  const reps = quick ? 1 : 5;
  const timing = quick ? { warmupMs: 0, warmupIters: 1, measureMs: 0, minIters: 1, capMs: 0 } : { warmupMs: 600, warmupIters: 20, measureMs: 800, minIters: 10, capMs: 1500 };
  const filter = LIBS.map((l) => `node_modules/${l}/**`).join(',');
  const runs = []; // runs[rep][variant] = child result
  for (let rep = 0; rep < reps; rep++) {
    runs.push({});
    for (const v of rotate(VARIANTS, rep)) {
      log(`exec: rep ${rep + 1}/${reps} ${v.name}`);
      const config = {
        variant: v.name,
        libsModule: v.name === 'istanbul' ? istanbulLibs : path.join(ROOT, 'bench', 'exec', 'libs.mjs'),
        kcovjsIndex: path.join(ROOT, 'dist', 'src', 'index.js'),
        inputsDir,
        libs: LIBS,
        ...timing,
      };
      runs[rep][v.name] = await runJsonChild(path.join(ROOT, 'bench', 'exec', 'child.mjs'), [JSON.stringify(config)], {
        nodeArgs: v.kcovjs ? ['--import', REGISTER] : [],
        env: v.kcovjs
          ? { KCOVJS_ROOT: ROOT, KCOVJS_FILTER: filter, KCOVJS_MANIFEST: path.join(tmp, 'exec-manifest.json') }
          : {},
      });
    }
  }
  return summarize({ runs, reps, inputs, timing });
}

function summarize({ runs, reps, inputs, timing }) {
  const shortfalls = [];
  const problems = [];
  const ratio = (rep, v, lib) => runs[rep][v].results[lib].ms / runs[rep].plain.results[lib].ms;
  for (let rep = 0; rep < reps; rep++) {
    for (const v of VARIANTS) {
      const r = runs[rep][v.name];
      if (r.failures > 0) problems.push(`${v.name}: ${r.failures} files failed to instrument (ran plain)`);
      if ((v.kcovjs || v.name === 'istanbul' || v.name === 'v8') && !(r.blocks > 0)) problems.push(`${v.name}: no instrumented code was loaded`);
      for (const lib of LIBS) {
        if (r.results[lib].checksum !== runs[rep].plain.results[lib].checksum) {
          problems.push(`${v.name} computed a different result on ${lib} (checksum ${r.results[lib].checksum} vs ${runs[rep].plain.results[lib].checksum})`);
        }
      }
    }
  }
  const header = ['variant', ...LIBS, 'geomean', 'goal'];
  const rows = [];
  const memRows = [];
  for (const v of VARIANTS) {
    const perLib = LIBS.map((lib) => Array.from({ length: reps }, (_, rep) => ratio(rep, v.name, lib)));
    const geo = Array.from({ length: reps }, (_, rep) => geomean(LIBS.map((lib) => ratio(rep, v.name, lib))));
    const geoMed = geomean(perLib.map(median));
    let goal = '';
    if (v.goal) {
      const ok = geoMed <= v.goal;
      goal = `<= ${v.goal}x: ${ok ? 'met' : '**missed**'}`;
      if (!ok) shortfalls.push(`execution: ${v.label} is ${geoMed.toFixed(2)}x plain (goal <= ${v.goal}x)`);
    }
    const cells = v.name === 'plain'
      ? LIBS.map((lib) => `${valueCell(Array.from({ length: reps }, (_, rep) => runs[rep].plain.results[lib].ms))} ms`)
      : perLib.map((rs) => ratioCell(rs));
    rows.push([v.label, ...cells, v.name === 'plain' ? '1.00x' : `${geoMed.toFixed(2)}x (${ratioCell(geo)})`, goal]);
    const rss = Array.from({ length: reps }, (_, rep) => runs[rep][v.name].maxRssKiB / 1024);
    const rssRatio = Array.from({ length: reps }, (_, rep) => runs[rep][v.name].maxRssKiB / runs[rep].plain.maxRssKiB);
    memRows.push([v.label, `${valueCell(rss, 0)} MiB`, v.name === 'plain' ? '1.00x' : ratioCell(rssRatio)]);
  }
  for (const v of ['istanbul', 'v8']) {
    for (const k of ['kcovjs', 'kcov-unique', 'kcov-pc']) {
      const a = geomean(LIBS.map((lib) => median(Array.from({ length: reps }, (_, rep) => ratio(rep, k, lib)))));
      const b = geomean(LIBS.map((lib) => median(Array.from({ length: reps }, (_, rep) => ratio(rep, v, lib)))));
      if (a >= b) shortfalls.push(`execution: ${k} (${a.toFixed(2)}x) is not faster than ${v} (${b.toFixed(2)}x)`);
    }
  }
  const wallRatio = (rep, v, lib) => runs[rep][v].results[lib].wallMs / runs[rep].plain.results[lib].wallMs;
  const wallGeomeans = VARIANTS.filter((v) => v.name !== 'plain')
    .map((v) => `${v.name} ${geomean(LIBS.map((lib) => median(Array.from({ length: reps }, (_, rep) => wallRatio(rep, v.name, lib))))).toFixed(2)}x`)
    .join(', ');
  const last = runs[reps - 1];
  const recorded = LIBS.map((lib) => `${lib} ${last['kcov-unique'].results[lib].recorded}`).join(', ');
  const versions = LIBS.map((l) => `${l} ${packageVersion(l)}`).join(', ');
  const inputLines = LIBS.map((l) => `${l} ${(inputs[l].bytes / 1024).toFixed(0)} KiB`).join(', ');
  const markdown = [
    '## 1. Execution overhead (tracing off and each kcov mode)',
    '',
    `Libraries: ${versions}; istanbul-lib-instrument ${packageVersion('istanbul-lib-instrument')}.`,
    `Inputs (generated from fixed seeds; acorn parses ${inputs.acorn.sources.join(', ')}): ${inputLines}.`,
    `Method: one child process per (variant, repetition) running all libraries; ${reps} repetitions, variants interleaved`,
    `and rotated between repetitions; per library a warm-up of ${timing.warmupIters} iterations and ${timing.warmupMs} ms, then at least ${timing.minIters} iterations and`,
    `${timing.measureMs} ms timed one by one (each phase cut at ${timing.capMs} ms, at least 2 iterations); the figure of a child is the median CPU time (user + system, all threads) of an`,
    'iteration: on this oversubscribed machine wall time mostly measures waiting for a core. Each cell is the ratio to the',
    'plain child of the same repetition: median (min-max over repetitions). The plain row gives CPU milliseconds per',
    'iteration. Device variants: open, INIT_TRACE(512Ki words, syzkaller\'s size), mmap, ENABLE or UNIQUE_ENABLE for the',
    'main thread, and area[0] = 0 (unique: RESET_TRACE) before every iteration. kcovjs and istanbul instrument the five',
    'libraries\' packages only; V8 covers all code. Every variant computed the same checksums as plain unless noted below.',
    '',
    table(header, rows),
    '',
    `Distinct blocks recorded in unique mode per iteration (last repetition): ${recorded}.`,
    `Blocks loaded: kcovjs ${last.kcovjs.blocks}; istanbul statements ${last.istanbul.blocks}; V8 coverage ranges ${last.v8.blocks}.`,
    `Wall-clock geomean ratios for comparison (same runs): ${wallGeomeans}.`,
    ...(problems.length ? ['', '**Problems:**', ...[...new Set(problems)].map((p) => `- ${p}`)] : []),
  ].join('\n');
  const memoryMarkdown = [
    '## 5. Memory: peak RSS',
    '',
    'Peak RSS (`process.resourceUsage().maxRSS`) of the same children: median (min-max) MiB, and the ratio to plain.',
    '',
    table(['variant', 'peak RSS', 'ratio to plain'], memRows),
  ].join('\n');
  return { markdown, memoryMarkdown, raw: runs, shortfalls: [...shortfalls, ...new Set(problems)] };
}
