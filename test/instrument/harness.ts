/**
 * Test harness for the instrumenter: instruments a source, writes the output to a temp file,
 * loads it under a real runtime and exposes the file's counters and table.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { instrument, type InstrumentResult, type SourceKind } from '../../src/instrument/index.js';
import { installRuntime, type RegisteredModule, type Runtime } from '../../src/runtime/registry.js';
import { blockAt, type BlockEntry } from '../../src/abi/table.js';

/** Temp directory shared by one test process. */
export const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kcovjs-instr-'));
/** The thread's runtime, with its manifest in the temp directory. */
export const runtime: Runtime = installRuntime({ root: tmp, manifest: path.join(tmp, 'manifest.json') });

let serial = 0;

/** An instrumented, loaded file. */
export interface Loaded {
  source: string;
  result: InstrumentResult;
  module: RegisteredModule;
  /** The module's exports (ESM namespace or `module.exports`). */
  exports: any;
  /** Hit count of the block that starts where `marker` first occurs in the source. */
  hits(marker: string, occurrence?: number): number;
  /** Index of the block that starts at `marker`. */
  blockOf(marker: string, occurrence?: number): number;
  block(i: number): BlockEntry;
}

/** Line (1-based) and column (0-based) of the `occurrence`-th `marker` in `source`. */
export function positionOf(source: string, marker: string, occurrence = 0): [number, number] {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) {
    at = source.indexOf(marker, at + 1);
    if (at < 0) throw new Error(`marker ${JSON.stringify(marker)} #${occurrence} not in source`);
  }
  const before = source.slice(0, at);
  const line = before.split('\n').length;
  return [line, at - (before.lastIndexOf('\n') + 1)];
}

/**
 * Instruments `source` (named with extension `ext`, default by kind) and loads it. The
 * written file is `.mjs` for modules and `.cjs` for CommonJS, whatever the source language.
 */
export async function load(source: string, kind: SourceKind = 'module', ext?: string): Promise<Loaded> {
  const n = serial++;
  const filename = path.join(tmp, `case${n}${ext ?? (kind === 'module' ? '.mjs' : '.cjs')}`);
  const result = instrument(source, { filename, kind });
  const out = path.join(tmp, `out${n}${kind === 'module' ? '.mjs' : '.cjs'}`);
  fs.writeFileSync(out, result.code);
  const exports = kind === 'module' ? await import(pathToFileURL(out).href) : createRequire(out)(out);
  const module = runtime.modules.find((m) => m.file === filename);
  if (!module) throw new Error(`${filename} did not register`);
  const blockOf = (marker: string, occurrence = 0): number => {
    const [line, col] = positionOf(source, marker, occurrence);
    for (let i = 0; i < result.blocks; i++) {
      const b = blockAt(result.table.b, i);
      if (b.startLine === line && b.startCol === col) return i;
    }
    throw new Error(`no block starts at ${JSON.stringify(marker)} (${line}:${col})`);
  };
  return {
    source,
    result,
    module,
    exports,
    blockOf,
    hits: (marker, occurrence) => module.counters[blockOf(marker, occurrence)]!,
    block: (i) => blockAt(result.table.b, i),
  };
}

/** Loads the same source without instrumentation (for plain-vs-instrumented comparisons). */
export async function loadPlain(code: string, kind: SourceKind = 'module'): Promise<any> {
  const out = path.join(tmp, `plain${serial++}${kind === 'module' ? '.mjs' : '.cjs'}`);
  fs.writeFileSync(out, code);
  return kind === 'module' ? import(pathToFileURL(out).href) : createRequire(out)(out);
}
