/**
 * Everything the supervisor prints and writes for the user: libFuzzer-shaped status lines,
 * finding reports and artifact files (`crash-<sha1>`, `timeout-<sha1>`, `oom-<sha1>`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../runtime/atomic-file.js';
import { sha1 } from './corpus.js';
import type { EventMessage } from './protocol.js';

/** Kinds of findings, named as libFuzzer names its artifacts. */
export type FindingKind = 'crash' | 'timeout' | 'oom';

/**
 * Writes the input of a finding to `<prefix><kind>-<sha1>` (or exactly `exactPath`),
 * atomically, creating the prefix directory if needed. Returns the path written.
 */
export function writeArtifact(prefix: string, kind: FindingKind, data: Uint8Array, exactPath?: string): string {
  const file = exactPath ?? `${prefix}${kind}-${sha1(data)}`;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileAtomic(file, data, true);
  return file;
}

/** Coverage and corpus numbers of a status line. */
export interface StatusNumbers {
  execs: number;
  cov: number;
  ft: number;
  corp: number;
  corpBytes: number;
}

/** One libFuzzer-style status line: `#N<TAB>EVENT cov: .. ft: .. corp: N/Sb exec/s: .. rss: ..Mb`. */
export function statusLine(event: string, n: StatusNumbers, elapsedSec: number, extra = '', lim = 0): string {
  const rate = elapsedSec > 0 ? Math.floor(n.execs / elapsedSec) : 0;
  const rss = Math.round(process.memoryUsage.rss() / (1 << 20));
  const tail = extra ? ` ${extra}` : '';
  const limText = lim > 0 ? ` lim: ${lim}` : '';
  return `#${n.execs}\t${event.padEnd(6)} cov: ${n.cov} ft: ${n.ft} corp: ${n.corp}/${sizeText(n.corpBytes)}${limText} exec/s: ${rate} rss: ${rss}Mb${tail}`;
}

/** The `L: len/lim MS: n Op-Op-` tail of NEW and REDUCE lines. */
export function eventTail(e: EventMessage): string {
  if (e.event !== 'NEW' && e.event !== 'REDUCE') return '';
  return `L: ${e.len}/${e.lim}${e.ms ? ` MS: ${e.ms}` : ''}`;
}

/** libFuzzer's compact byte sizes: 12b, 3Kb, 5Mb. */
export function sizeText(bytes: number): string {
  if (bytes < 1 << 14) return `${bytes}b`;
  if (bytes < 1 << 24) return `${bytes >> 10}Kb`;
  return `${Math.floor(bytes / (1 << 20))}Mb`;
}

/** The report of a finding, ending with where the input was written. */
export function findingReport(opts: {
  kind: FindingKind;
  headline: string;
  details?: string;
  ms?: string;
  base?: string;
  data: Uint8Array;
  artifact: string;
  artifactPrefix: string;
}): string {
  const lines = [`==${process.pid}== ERROR: kcovjs: ${opts.headline}`];
  if (opts.details) lines.push(opts.details);
  if (opts.ms) lines.push(`MS: ${opts.ms}; base unit: ${opts.base ?? ''}`);
  if (opts.data.length <= 64) lines.push(Array.from(opts.data, (b) => `0x${b.toString(16)}`).join(',') + ',');
  lines.push(`artifact_prefix='${opts.artifactPrefix}'; Test unit written to ${opts.artifact}`);
  lines.push(`Base64: ${Buffer.from(opts.data).toString('base64')}`);
  return `${lines.join('\n')}\n`;
}
