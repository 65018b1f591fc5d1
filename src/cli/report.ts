/**
 * `kcovjs report [--coverage-dir DIR] [--format F] [--out PATH]`: turns the coverage that
 * `kcovjs run --coverage-dir` recorded into a report.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_HTML_DIR, REPORT_FORMATS, isReportFormat, loadCoverage, writeReport } from '../report/index.js';

/** Where `kcovjs report` reads coverage when no --coverage-dir is given. */
export const DEFAULT_COVERAGE_DIR = '.kcovjs/coverage';

const USAGE = `usage: kcovjs report [--coverage-dir DIR] [--format FORMAT] [--out PATH]

  --coverage-dir DIR  coverage recorded by 'kcovjs run --coverage-dir DIR' (default ${DEFAULT_COVERAGE_DIR})
  --format FORMAT     ${REPORT_FORMATS.join(', ')} (default text)
  --out PATH          file to write (html: a directory, default ${DEFAULT_HTML_DIR}); default stdout
`;

/** Runs `kcovjs report`; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        'coverage-dir': { type: 'string' },
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    process.stderr.write(`kcovjs report: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const format = values.format ?? 'text';
  if (!isReportFormat(format)) {
    process.stderr.write(`kcovjs report: unknown format '${format}'; use one of ${REPORT_FORMATS.join(', ')}\n`);
    return 2;
  }
  const set = loadCoverage(values['coverage-dir'] ?? DEFAULT_COVERAGE_DIR);
  const warn = (msg: string): void => void process.stderr.write(`kcovjs report: warning: ${msg}\n`);
  for (const w of set.warnings) warn(w);
  const written = writeReport(set, format, values.out, warn);
  if (written !== '-') process.stderr.write(`kcovjs report: wrote ${format} report of ${set.files.length} files to ${written}\n`);
  return 0;
}
