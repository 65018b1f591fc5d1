/**
 * The kcovjs benchmark suite: `npm run bench` (full, writes bench/RESULTS.md) or
 * `node bench/run.mjs --quick [--out FILE] [--only exec,scale,instrument,fuzz]`.
 *
 * Runs against the compiled package (dist/); build first. Every figure is a ratio to a
 * baseline measured in the same run, interleaved with it, over several repetitions.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runExec } from './exec/index.mjs';
import { runScale } from './scale/index.mjs';
import { runInstrument } from './instrument/index.mjs';
import { runFuzz } from './fuzz/index.mjs';
import { ROOT, environmentLine, packageVersion } from './lib/util.mjs';

const SECTIONS = ['exec', 'scale', 'instrument', 'fuzz'];
/** Everything after this line of the output file is hand-written analysis, kept across runs. */
const KEEP_MARKER = '<!-- Hand-written analysis below: bench/run.mjs keeps it when it rewrites this file. -->';

/** The hand-written tail of an existing results file (from the marker on), or the bare marker. */
function keptAnalysis(file) {
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const at = old.indexOf(KEEP_MARKER);
  return at >= 0 ? old.slice(at).trimEnd() : KEEP_MARKER;
}

function parseArgs(argv) {
  const opts = { quick: false, out: path.join(ROOT, 'bench', 'RESULTS.md'), only: SECTIONS };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--quick') opts.quick = true;
    else if (a === '--out' || a.startsWith('--out=')) opts.out = path.resolve(value());
    else if (a === '--only' || a.startsWith('--only=')) {
      opts.only = value().split(',');
      const bad = opts.only.filter((s) => !SECTIONS.includes(s));
      if (bad.length) throw new Error(`unknown section(s) ${bad.join(', ')}; known: ${SECTIONS.join(', ')}`);
    } else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: node bench/run.mjs [--quick] [--out FILE] [--only exec,scale,instrument,fuzz]\n');
      process.exit(0);
    } else throw new Error(`unknown option '${a}' (try --help)`);
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kcovjs-bench-'));
  const log = (m) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
  const started = Date.now();
  const parts = [];
  const memory = [];
  const shortfalls = [];
  const add = (r) => {
    parts.push(r.markdown);
    shortfalls.push(...r.shortfalls);
  };
  try {
    if (opts.only.includes('exec')) {
      const r = await runExec({ tmp, quick: opts.quick, log });
      add(r);
      memory.push(r.memoryMarkdown);
    }
    if (opts.only.includes('scale')) add(await runScale({ tmp, quick: opts.quick, log }));
    if (opts.only.includes('instrument')) add(await runInstrument({ tmp, quick: opts.quick, log }));
    if (opts.only.includes('fuzz')) add(await runFuzz({ tmp, quick: opts.quick, log }));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  const head = [
    '# kcovjs benchmark results',
    '',
    `Written by \`node bench/run.mjs${opts.quick ? ' --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)} in ${minutes} minutes`,
    `(kcovjs ${packageVersion('kcovjs')}, ${opts.quick ? 'QUICK mode: few repetitions, small inputs, not for quoting' : 'full mode'}).`,
    `Machine: ${environmentLine()}. The machine is shared and noisy: read the spreads, not only the medians.`,
    '',
    '## Goals missed',
    '',
    ...(shortfalls.length ? shortfalls.map((s) => `- ${s}`) : ['None.']),
  ].join('\n');
  const tables = [head, ...parts, ...memory].join('\n\n');
  const text = `${tables}\n\n${keptAnalysis(opts.out)}\n`;
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, text);
  log(`wrote ${path.relative(process.cwd(), opts.out) || opts.out}`);
}

main().catch((err) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
