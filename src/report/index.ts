/**
 * Reports from recorded coverage: lcov, html, json (istanbul coverage-final.json) and text
 * through istanbul-reports; gocover, runsc and sancov written here. Formats and the
 * derivation rules are documented in docs/reports.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import libReport from 'istanbul-lib-report';
import reports from 'istanbul-reports';
import { toCoverageMap } from './istanbul.js';
import { goCoverProfile, runscReport, sancovFile } from './plain.js';
import type { CoverageSet } from './load.js';

export { loadCoverage, readCoverageFiles, blockPc, CoverageLoadError, type CoverageSet, type FileHits } from './load.js';
export { toCoverageMap, toFileCoverage } from './istanbul.js';
export { goCoverProfile, runscReport, sancovFile, coveredPcs, blockRangeText, SANCOV_MAGIC_64 } from './plain.js';

/** The report formats, in the order `--help` lists them. */
export const REPORT_FORMATS = ['text', 'lcov', 'html', 'json', 'gocover', 'sancov', 'runsc'] as const;
/** One of REPORT_FORMATS. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Where the html report goes when no --out is given. */
export const DEFAULT_HTML_DIR = 'kcovjs-html';

/** Type guard for a format name. */
export function isReportFormat(name: string): name is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(name);
}

const ISTANBUL_NAMES = { text: 'text', lcov: 'lcovonly', json: 'json', html: 'html' } as const;

/**
 * Writes `set` in `format`. `out` is a file (a directory for html); without it the report
 * goes to stdout (html: to DEFAULT_HTML_DIR). Returns the path written, or '-' for stdout.
 */
export function writeReport(set: CoverageSet, format: ReportFormat, out: string | undefined, warn: (msg: string) => void): string {
  switch (format) {
    case 'gocover':
      return emit(goCoverProfile(set.files), out);
    case 'runsc':
      return emit(runscReport(set.files), out);
    case 'sancov':
      if (!out && process.stdout.isTTY) throw new Error('kcovjs: sancov is binary; give --out FILE or redirect stdout');
      return emit(sancovFile(set.files), out);
    case 'html': {
      const dir = path.resolve(out ?? DEFAULT_HTML_DIR);
      runIstanbul(set, 'html', dir, undefined, warn);
      return dir;
    }
    default: {
      const file = out ? path.resolve(out) : undefined;
      runIstanbul(set, format, file ? path.dirname(file) : process.cwd(), file ? path.basename(file) : '-', warn);
      return file ?? '-';
    }
  }
}

function emit(data: string | Uint8Array, out: string | undefined): string {
  if (!out) {
    process.stdout.write(data);
    return '-';
  }
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, data);
  return path.resolve(out);
}

function runIstanbul(set: CoverageSet, format: keyof typeof ISTANBUL_NAMES, dir: string, file: string | undefined, warn: (msg: string) => void): void {
  const coverageMap = toCoverageMap(set, warn);
  fs.mkdirSync(dir, { recursive: true });
  const context = libReport.createContext({ dir, coverageMap, defaultSummarizer: 'nested' });
  const options = { projectRoot: set.root, ...(file ? { file } : {}) };
  reports.create(ISTANBUL_NAMES[format], options as never).execute(context);
}
