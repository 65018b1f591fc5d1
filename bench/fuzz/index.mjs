/**
 * Section 4: fuzzer throughput. `kcovjs fuzz` on a trivial target and on a real parser
 * (js-yaml), each against a bare loop calling the same function with random inputs in the
 * same repetition (interleaved). The fuzzer's figure is its own final
 * `stat::average_exec_per_sec`.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, median, packageVersion, ratioCell, rotate, runJsonChild, table, valueCell } from '../lib/util.mjs';

const FUZZ_ENTRY = path.join(ROOT, 'dist', 'src', 'cli', 'fuzz.js');
const TARGETS = [
  { name: 'trivial', file: path.join(ROOT, 'bench', 'fuzz', 'targets', 'trivial.mjs'), goal: 100_000 },
  { name: 'js-yaml', file: path.join(ROOT, 'bench', 'fuzz', 'targets', 'yaml.mjs') },
];
const MAX_LEN = 64;

/** Runs `kcovjs fuzz` for `seconds` in `cwd`; resolves with its final stats. */
function runFuzzer(target, seconds, cwd) {
  const args = [path.join(ROOT, 'dist', 'src', 'cli', 'main.js'), 'fuzz', target,
    `-max_total_time=${seconds}`, '-print_final_stats=1', '-seed=1', `-max_len=${MAX_LEN}`];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      const stat = (name) => Number(new RegExp(`stat::${name}:\\s*(\\d+)`).exec(out)?.[1] ?? NaN);
      const execPerSec = stat('average_exec_per_sec');
      if (!Number.isFinite(execPerSec)) {
        reject(new Error(`kcovjs fuzz ${path.basename(target)} exited ${code} without final stats:\n${out.slice(-2000)}`));
        return;
      }
      resolve({ execPerSec, execs: stat('number_of_executed_units'), units: stat('new_units_added'), rssMb: stat('peak_rss_mb') });
    });
  });
}

/** Runs the section; returns { markdown, raw, shortfalls }. */
export async function runFuzz({ tmp, quick, log }) {
  const title = '## 4. Fuzzer throughput';
  if (!fs.existsSync(FUZZ_ENTRY)) {
    const why = 'not measured: `kcovjs fuzz` has not landed yet (dist/src/cli/fuzz.js is missing)';
    const rows = TARGETS.map((t) => [t.name, why, '', '', '']);
    return {
      markdown: [title, '', table(['target', 'kcovjs fuzz exec/s', 'bare loop exec/s', 'fuzz / bare', 'goal'], rows)].join('\n'),
      raw: null,
      shortfalls: [`fuzzing: ${why}`],
    };
  }
  const reps = quick ? 1 : 3;
  const seconds = quick ? 2 : 5;
  const runs = [];
  for (let rep = 0; rep < reps; rep++) {
    runs.push({});
    for (const t of TARGETS) {
      for (const kind of rotate(['fuzz', 'bare'], rep)) {
        log(`fuzz: rep ${rep + 1}/${reps} ${t.name} ${kind}`);
        if (kind === 'bare') {
          const config = { target: t.file, seconds, maxLen: MAX_LEN };
          runs[rep][`${t.name}/bare`] = await runJsonChild(path.join(ROOT, 'bench', 'fuzz', 'bare.mjs'), [JSON.stringify(config)]);
        } else {
          const cwd = fs.mkdtempSync(path.join(tmp, `fuzz-${t.name}-`));
          runs[rep][`${t.name}/fuzz`] = await runFuzzer(t.file, seconds, cwd);
        }
      }
    }
  }
  const shortfalls = [];
  const rows = TARGETS.map((t) => {
    const f = runs.map((r) => r[`${t.name}/fuzz`].execPerSec);
    const b = runs.map((r) => r[`${t.name}/bare`].execPerSec);
    let goal = '';
    if (t.goal) {
      const ok = median(f) >= t.goal;
      goal = `>= ${t.goal / 1000}k exec/s: ${ok ? 'met' : '**missed**'}`;
      if (!ok) shortfalls.push(`fuzzing: ${Math.round(median(f))} exec/s on the ${t.name} target (goal >= ${t.goal})`);
    }
    const units = runs.map((r) => r[`${t.name}/fuzz`].units);
    return [t.name, valueCell(f, 0), valueCell(b, 0), ratioCell(runs.map((_, i) => f[i] / b[i]), 3), `${median(units)}`, goal];
  });
  const markdown = [
    title,
    '',
    `\`kcovjs fuzz TARGET -max_total_time=${seconds} -print_final_stats=1 -seed=1 -max_len=${MAX_LEN}\` (its final`,
    '`stat::average_exec_per_sec`; one worker, default flags otherwise) against a bare loop in a plain process that calls',
    `the same \`fuzz\` export with pre-generated random buffers of 0..${MAX_LEN} bytes for the same time (no mutation, no coverage:`,
    `a ceiling). Targets: bench/fuzz/targets/trivial.mjs and yaml.mjs (js-yaml ${packageVersion('js-yaml')}). ${reps} repetitions,`,
    'fuzz and bare interleaved; median (min-max).',
    '',
    table(['target', 'kcovjs fuzz exec/s', 'bare loop exec/s', 'fuzz / bare', 'units added', 'goal'], rows),
  ].join('\n');
  return { markdown, raw: runs, shortfalls };
}
