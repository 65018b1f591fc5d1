/**
 * The instrumenting pass (placeholder until the pass lands): source in, instrumented code,
 * source map and block table out.
 */
import type { FileTable } from '../runtime/table.js';

/** How to parse a file. */
export type SourceKind = 'module' | 'commonjs';

/** Options of `instrument`. */
export interface InstrumentOptions {
  /** Absolute path of the file; its extension picks JS, JSX, TS or TSX. */
  filename: string;
  /** ESM or CommonJS/script, as Node would load it. */
  kind: SourceKind;
}

/** What `instrument` returns. */
export interface InstrumentResult {
  code: string;
  map: { version: number; sources: string[]; mappings: string; names: string[]; sourcesContent?: (string | null)[] };
  table: FileTable;
  hash: string;
  blocks: number;
  sites: number;
}

/** Instruments one file. Throws an InstrumentError when the file cannot be instrumented. */
export function instrument(_source: string, _options: InstrumentOptions): InstrumentResult {
  throw new Error('not implemented');
}
