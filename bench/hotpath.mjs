/**
 * Where the tracing-off overhead goes: instruments js-yaml with kcovjs, derives variants of
 * the emitted code by rewriting its block guards and compare hooks, and times `yaml.load`
 * on the benchmark's YAML input under each (CPU time, children interleaved). Evidence for
 * bench/RESULTS.md; not part of `npm run bench`.
 *
 *   node bench/hotpath.mjs [--reps N]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeInputs } from './exec/inputs.mjs';
import { REGISTER, ROOT, median, ratioCell, rotate, runJsonChild, table, valueCell } from './lib/util.mjs';

const SOURCE = path.join(ROOT, 'node_modules', 'js-yaml', 'dist', 'js-yaml.mjs');
const OPS = ['===', '!==', '==', '!=', '<', '<=', '>', '>='];

const DRIVER = `
import * as fs from 'node:fs';
const [file, input] = process.argv.slice(2);
const mod = await import(file);
const yaml = mod.default ?? mod;
const text = fs.readFileSync(input, 'utf8');
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (let i = 0; i < 60; i++) yaml.load(text);
const t = [];
for (let i = 0; i < 100; i++) { const c0 = cpu(); yaml.load(text); t.push(cpu() - c0); }
t.sort((a, b) => a - b);
console.log(JSON.stringify({ ms: t[t.length >> 1] }));
`;

function variants(emitted) {
  const prefix = /^;?(?:var|const) ([A-Za-z_$][\w$]*?)(?:, | = )/m.exec(emitted)?.[1];
  if (!prefix) throw new Error('cannot find the instrumenter preamble (did the emitted code change?)');
  const p = prefix.replace(/\$/g, '\\$');
  const guard = new RegExp(`\\(${p}c\\[(\\d+)\\]\\+\\+ === 0 \\|\\| ${p}t\\[0\\] !== 0\\) && ${p}h\\(\\d+\\)`, 'g');
  const simple = String.raw`[A-Za-z_$][\w$.]*|-?\d+(?:\.\d+)?|"[^"\\]*"`;
  const hook = new RegExp(`${p}q(\\d)\\((${simple}), (${simple}), \\d+\\)`, 'g');
  const guards = emitted.match(guard)?.length ?? 0;
  if (guards === 0) throw new Error(`no block guard of the expected form found (prefix ${prefix})`);
  const noHooks = (s) => s.replace(hook, (_, op, a, b) => `(${a} ${OPS[Number(op)]} ${b})`);
  // The preamble declares its bindings with \`var\` and fills them lazily (for import cycles):
  // \`;var L; function Pi() { P = ...; Pc = P.c; ... } Pc || Pi();\`. Make them eager consts.
  // A module that imports gets \`var\` bindings filled lazily (for import cycles):
  // \`;var L; function Pi() { P = ...; Pc = P.c; ... } Pc || Pi();\`. The variant makes them eager consts;
  // a module whose preamble already binds consts has no such variant.
  const lazy = new RegExp(`^;var [^;]*; function ${p}i\\(\\) \\{ (.*?;) \\} ${p}c \\|\\| ${p}i\\(\\);`, 's');
  const body = lazy.exec(emitted)?.[1];
  const assignments = body?.split(new RegExp(`;\\s*(?=${p}\\w* = )`)).map((a) => a.replace(/;$/, ''));
  const constPreamble = (s) => (assignments ? s.replace(lazy, () => `;const ${assignments.join(', ')};`) : s);
  const guardOr = (s) => s.replace(guard, (_, i) => `(${prefix}c[${i}]++ || ${prefix}h(${i}))`);
  const hooks = emitted.match(hook)?.length ?? 0;
  return {
    counts: { guards, hooks },
    list: [
      ['plain', 'js-yaml as published', fs.readFileSync(SOURCE, 'utf8')],
      ['emitted', 'kcovjs output as it is', emitted],
      ['no-cmp-hooks', 'compare hooks with simple operands replaced by the bare operator', noHooks(emitted)],
      ['guard-or', `block guard \`(c[i]++ === 0 || t[0] !== 0) && h(i)\` replaced by \`c[i]++ || h(i)\``, guardOr(emitted)],
      ...(assignments ? [['const-preamble', 'preamble bindings as eager `const` instead of lazily assigned `var`', constPreamble(emitted)]] : []),
      [assignments ? 'all-three' : 'both', `no-cmp-hooks + guard-or${assignments ? ' + const-preamble' : ''}`, noHooks(guardOr(constPreamble(emitted)))],
      ['no-guards', 'block guards removed (compare hooks kept)', emitted.replace(guard, '0')],
    ],
  };
}

async function main() {
  const repsArg = process.argv.indexOf('--reps');
  const reps = repsArg > 0 ? Number(process.argv[repsArg + 1]) : 5;
  if (!Number.isInteger(reps) || reps < 1) throw new Error('--reps needs a positive integer');
  const { instrument } = await import(pathToFileURL(path.join(ROOT, 'dist', 'src', 'index.js')).href);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kcovjs-hotpath-'));
  try {
    const inputs = path.join(tmp, 'inputs');
    writeInputs(inputs);
    const emitted = instrument(fs.readFileSync(SOURCE, 'utf8'), { filename: SOURCE, kind: 'module' }).code;
    const { counts, list } = variants(emitted);
    const driver = path.join(tmp, 'driver.mjs');
    fs.writeFileSync(driver, DRIVER);
    for (const [name, , code] of list) fs.writeFileSync(path.join(tmp, `${name}.mjs`), code);
    const runs = [];
    for (let rep = 0; rep < reps; rep++) {
      runs.push({});
      for (const [name] of rotate(list, rep)) {
        const file = pathToFileURL(path.join(tmp, `${name}.mjs`)).href;
        // The runtime is installed by the loader; its filter selects nothing, so the variants run as written.
        runs[rep][name] = await runJsonChild(driver, [file, path.join(inputs, 'js-yaml.txt')], {
          nodeArgs: ['--import', REGISTER],
          env: { KCOVJS_ROOT: tmp, KCOVJS_FILTER: 'nothing-selected/**', KCOVJS_MANIFEST: path.join(tmp, 'manifest.json') },
        });
      }
    }
    const rows = list.map(([name, what]) => [name, what, `${valueCell(runs.map((r) => r[name].ms), 2)} ms`, ratioCell(runs.map((r) => r[name].ms / r.plain.ms))]);
    const form = list.some(([n]) => n === 'const-preamble') ? 'lazy var' : 'const';
    process.stdout.write(`js-yaml load of the benchmark YAML (${counts.guards} block guards, ${counts.hooks} simple compare hooks rewritten, preamble bindings: ${form}), ${reps} repetitions, CPU ms per load:\n\n`);
    process.stdout.write(`${table(['variant', 'what', 'CPU per load', 'ratio to plain'], rows)}\n`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
