/**
 * `kcovjs trace [--mode pc|unique|cmp] [--filter GLOBS] [--out FILE] [--format text|raw]
 * [--symbolize] [--size WORDS] -- <command...>`: like syzkaller's kcovtrace, runs a Node
 * program with a kcov instance enabled for its main task and prints what the area
 * collected, after the program ends (however it ends).
 *
 * The program runs with kcovjs/register and the trace agent (src/loader/trace-agent.ts)
 * loaded through NODE_OPTIONS; the agent writes the raw trace to a temporary file, and this
 * command turns it into the requested output. Formats are documented in docs/consumers.md.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Manifest } from '../runtime/manifest.js';
import { Symbolizer, formatRange } from '../symbolize/index.js';
import { DEFAULT_TRACE_WORDS, TRACE_ENV, TRACE_MODES, traceLayout, type TraceMode } from '../loader/trace-agent.js';
import { coverageEnv, runChild } from './run.js';

const USAGE = `usage: kcovjs trace [options] -- <command...>

Runs a Node program with a kcov instance enabled for its main task, then writes the trace.
  --mode MODE      pc (every block, in execution order; default), unique (each block once,
                   first-hit order) or cmp (comparison records: type arg1 arg2 ip)
  --filter GLOBS   files to instrument (as for 'kcovjs run')
  --out FILE       write the trace there (default: stdout, after the program's own output)
  --format F       text (default: one 0x<hex> PC or one cmp record per line) or raw (the
                   area: little-endian u64 count, then the entries)
  --symbolize      text pc/unique only: each PC followed by its path:sl.sc,el.ec line
  --size WORDS     area size in 64-bit words, a multiple of 512 (default ${DEFAULT_TRACE_WORDS})
  --manifest PATH  the PC manifest (default: .kcovjs/manifest.json)

Exit status: the program's; when the program succeeded but the area filled up, 3.
`;

/** Exit status when the program succeeded but the area overflowed. */
export const EXIT_OVERFLOW = 3;

/** A decoded trace: its entries as u64 words and whether the area filled up. */
export interface DecodedTrace {
  count: number;
  words: BigUint64Array;
  overflowed: boolean;
}

/** Decodes a raw trace file of the agent for a mode and area size. */
export function decodeTrace(bytes: Uint8Array, mode: TraceMode, size: number): DecodedTrace {
  const layout = traceLayout(mode, size);
  if (bytes.byteLength < 8 || bytes.byteLength % 8 !== 0) throw new Error(`kcovjs trace: the raw trace is ${bytes.byteLength} bytes, not a whole number of u64 words`);
  const all = new BigUint64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const count = Number(all[0]!);
  if (all.length !== 1 + count * layout.entryWords) throw new Error(`kcovjs trace: the raw trace says ${count} entries but holds ${all.length - 1} words`);
  return { count, words: all.subarray(1), overflowed: count >= layout.capacity };
}

/** The text form: `0x<pc>` lines, or `type arg1 arg2 ip` lines (hex) for cmp. */
export function traceText(trace: DecodedTrace, mode: TraceMode, symbolizer?: Symbolizer): string {
  const out: string[] = [];
  const hex = (v: bigint): string => `0x${v.toString(16)}`;
  if (mode === 'cmp') {
    for (let i = 0; i < trace.count; i++) {
      const w = trace.words.subarray(4 * i, 4 * i + 4);
      out.push(`${hex(w[0]!)} ${hex(w[1]!)} ${hex(w[2]!)} ${hex(w[3]!)}\n`);
    }
    return out.join('');
  }
  for (let i = 0; i < trace.count; i++) {
    const pc = trace.words[i]!;
    out.push(`${hex(pc)}\n`);
    if (symbolizer) {
      const info = symbolizer.lookup(pc);
      out.push(`${formatRange(info.path, info.range)}\n`);
    }
  }
  return out.join('');
}

/** Runs `kcovjs trace`; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: true, strict: true,
      options: {
        mode: { type: 'string', default: 'pc' }, filter: { type: 'string' }, out: { type: 'string', short: 'o' },
        format: { type: 'string', default: 'text' }, symbolize: { type: 'boolean', default: false },
        size: { type: 'string', default: String(DEFAULT_TRACE_WORDS) }, manifest: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`kcovjs trace: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const bad = (msg: string): number => (process.stderr.write(`kcovjs trace: ${msg}\n\n${USAGE}`), 2);
  const mode = values.mode as TraceMode;
  if (!TRACE_MODES.includes(mode)) return bad(`unknown mode '${values.mode}'`);
  if (values.format !== 'text' && values.format !== 'raw') return bad(`unknown format '${values.format}'`);
  if (values.symbolize && (values.format !== 'text' || mode === 'cmp')) return bad('--symbolize works with the text format in pc and unique modes');
  const size = Number(values.size);
  if (!Number.isSafeInteger(size) || size < 512 || size % 512 !== 0) return bad(`--size must be a multiple of 512 words, got '${values.size}'`);
  if (positionals.length === 0) return bad('no command given');

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kcovjs-trace-'));
  try {
    const traceFile = path.join(tmp, 'trace.bin');
    const env = coverageEnv(process.env, { filter: values.filter, manifest: values.manifest });
    env.NODE_OPTIONS = `${env.NODE_OPTIONS} --import=${new URL('../loader/trace-agent.js', import.meta.url).href}`;
    Object.assign(env, { [TRACE_ENV.file]: traceFile, [TRACE_ENV.mode]: mode, [TRACE_ENV.size]: String(size) });
    const status = await runChild(positionals, env);
    if (!fs.existsSync(traceFile)) {
      process.stderr.write('kcovjs trace: no trace was written: the command started no Node process that loaded the trace agent\n');
      return status !== 0 ? status : 1;
    }
    const bytes = fs.readFileSync(traceFile);
    const trace = decodeTrace(bytes, mode, size);
    const data = values.format === 'raw'
      ? bytes
      : traceText(trace, mode, values.symbolize ? new Symbolizer(new Manifest(env.KCOVJS_MANIFEST!)) : undefined);
    if (values.out) fs.writeFileSync(values.out, data);
    else process.stdout.write(data);
    if (trace.overflowed) {
      process.stderr.write(`kcovjs trace: the area filled up at ${trace.count} entries; later coverage was dropped (raise --size)\n`);
      return status !== 0 ? status : EXIT_OVERFLOW;
    }
    return status;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
