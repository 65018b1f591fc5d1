/**
 * One instrumentation-throughput child: instruments the given files again and again with
 * one tool and prints the median CPU time (user + system) of a full pass.
 *
 *   node child.mjs '<json config>'
 *   config: { tool: "kcovjs" | "istanbul", files: [{ file, kind }], kcovjsIndex, warmupMs, measureMs, minPasses }
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const config = JSON.parse(process.argv[2] ?? '{}');
const sources = config.files.map((f) => ({ ...f, code: fs.readFileSync(f.file, 'utf8') }));

/** Returns a function that instruments one source and returns the output length. */
async function tool() {
  if (config.tool === 'kcovjs') {
    const { instrument } = await import(pathToFileURL(config.kcovjsIndex).href);
    return (s) => instrument(s.code, { filename: s.file, kind: s.kind }).code.length;
  }
  if (config.tool === 'istanbul') {
    const { createInstrumenter } = createRequire(import.meta.url)('istanbul-lib-instrument');
    const opts = { compact: true, produceSourceMap: true, parserPlugins: ['typescript'] };
    const ins = { module: createInstrumenter({ ...opts, esModules: true }), commonjs: createInstrumenter({ ...opts, esModules: false }) };
    return (s) => ins[s.kind].instrumentSync(s.code, s.file).length;
  }
  throw new Error(`unknown tool '${config.tool}'`);
}

const run = await tool();
const pass = () => {
  let out = 0;
  for (const s of sources) out += run(s);
  return out;
};
const warmEnd = performance.now() + config.warmupMs;
do pass(); while (performance.now() < warmEnd);
const times = [];
const end = performance.now() + config.measureMs;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
while (times.length < config.minPasses || performance.now() < end) {
  const c0 = cpuMs();
  pass();
  times.push(cpuMs() - c0);
}
times.sort((a, b) => a - b);
const bytes = sources.reduce((n, s) => n + Buffer.byteLength(s.code), 0);
process.stdout.write(`${JSON.stringify({ tool: config.tool, ms: times[times.length >> 1], passes: times.length, bytes })}\n`);
