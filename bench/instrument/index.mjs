/**
 * Section 3: instrumentation throughput, kcovjs `instrument()` against istanbul-lib-instrument
 * on the same real sources. One child per (corpus, tool, repetition), tools interleaved.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpus } from './corpus.mjs';
import { ROOT, median, packageVersion, ratioCell, rotate, runJsonChild, table, valueCell } from '../lib/util.mjs';

const TOOLS = ['kcovjs', 'istanbul'];
const GOAL = 10;

/** Keeps the files both tools can instrument; returns them and the rejects with reasons. */
async function usableFiles(files) {
  const { instrument } = await import(pathToFileURL(path.join(ROOT, 'dist', 'src', 'index.js')).href);
  const { createInstrumenter } = createRequire(import.meta.url)('istanbul-lib-instrument');
  const ist = {
    module: createInstrumenter({ esModules: true, parserPlugins: ['typescript'] }),
    commonjs: createInstrumenter({ esModules: false, parserPlugins: ['typescript'] }),
  };
  const ok = [];
  const rejected = [];
  for (const f of files) {
    const code = fs.readFileSync(f.file, 'utf8');
    const fail = [];
    try { instrument(code, { filename: f.file, kind: f.kind }); } catch (e) { fail.push(`kcovjs: ${String(e.message).split('\n')[0]}`); }
    try { ist[f.kind].instrumentSync(code, f.file); } catch (e) { fail.push(`istanbul: ${String(e.message).split('\n')[0]}`); }
    if (fail.length) rejected.push(`${path.relative(ROOT, f.file)} (${fail.join('; ')})`);
    else ok.push(f);
  }
  return { ok, rejected };
}

/** Runs the section; returns { markdown, raw, shortfalls }. */
export async function runInstrument({ quick, log }) {
  const reps = quick ? 1 : 5;
  const timing = quick ? { warmupMs: 0, measureMs: 0, minPasses: 1 } : { warmupMs: 300, measureMs: 1500, minPasses: 2 };
  const groups = corpus();
  const languages = [...new Set(groups.map((g) => g.language.split(' ')[0]))];
  const sets = {};
  const rejected = [];
  for (const lang of languages) {
    const files = groups.filter((g) => g.language.startsWith(lang)).flatMap((g) => g.files);
    const u = await usableFiles(quick ? files.slice(0, 3) : files);
    sets[lang] = u.ok;
    rejected.push(...u.rejected);
  }
  const runs = [];
  for (let rep = 0; rep < reps; rep++) {
    runs.push({});
    for (const lang of languages) {
      for (const t of rotate(TOOLS, rep)) {
        log(`instrument: rep ${rep + 1}/${reps} ${lang} ${t}`);
        const config = { tool: t, files: sets[lang], kcovjsIndex: path.join(ROOT, 'dist', 'src', 'index.js'), ...timing };
        runs[rep][`${lang}/${t}`] = await runJsonChild(path.join(ROOT, 'bench', 'instrument', 'child.mjs'), [JSON.stringify(config)]);
      }
    }
  }
  const mbps = (r) => r.bytes / 2 ** 20 / (r.ms / 1000);
  const shortfalls = [];
  const rows = [];
  const rowFor = (label, bytes, pick) => {
    const k = runs.map((r) => pick(r, 'kcovjs'));
    const i = runs.map((r) => pick(r, 'istanbul'));
    const speedup = runs.map((_, rep) => k[rep] / i[rep]);
    const ok = median(speedup) >= GOAL;
    if (!ok) shortfalls.push(`instrumentation: kcovjs is ${median(speedup).toFixed(1)}x istanbul on ${label} (goal >= ${GOAL}x)`);
    rows.push([label, `${(bytes / 1024).toFixed(0)} KiB`, valueCell(k, 2), valueCell(i, 2), ratioCell(speedup, 1), `>= ${GOAL}x: ${ok ? 'met' : '**missed**'}`]);
  };
  for (const lang of languages) {
    rowFor(`${lang}: ${sets[lang].length} files`, runs[0][`${lang}/kcovjs`].bytes, (r, t) => mbps(r[`${lang}/${t}`]));
  }
  const total = languages.reduce((n, l) => n + runs[0][`${l}/kcovjs`].bytes, 0);
  rowFor('all', total, (r, t) => total / 2 ** 20 / (languages.reduce((s, l) => s + r[`${l}/${t}`].ms, 0) / 1000));
  const groupLines = groups.map((g) => `${g.name} (${g.language}, ${g.files.length} files)`).join('; ');
  const markdown = [
    '## 3. Instrumentation throughput',
    '',
    `Corpus: ${groupLines}${quick ? ' (quick mode: the first 3 files of each language)' : ''}. kcovjs ${packageVersion('kcovjs')} \`instrument()\``,
    `(parse, counters, and for TS type stripping plus source-map composition) against istanbul-lib-instrument`,
    `${packageVersion('istanbul-lib-instrument')} \`createInstrumenter({compact: true, produceSourceMap: true, parserPlugins: ['typescript']}).instrumentSync\``,
    '(istanbul keeps the TS types in its output, so it does less work on TS). One child per (language, tool, repetition),',
    `${reps} repetitions, tools interleaved; each child does ${timing.warmupMs} ms of warm-up passes over the whole set, then times`,
    `passes for ${timing.measureMs} ms (at least ${timing.minPasses}); the figure is the median CPU time of a pass. MB/s = MiB of source per CPU second,`,
    'median (min-max) over repetitions; speed-up = kcovjs / istanbul within a repetition.',
    ...(rejected.length ? ['', `Left out (a tool could not instrument them): ${rejected.join('; ')}.`] : []),
    '',
    table(['corpus', 'size', 'kcovjs MB/s', 'istanbul MB/s', 'speed-up', 'goal'], rows),
  ].join('\n');
  return { markdown, raw: runs, shortfalls };
}
