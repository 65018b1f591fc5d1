/**
 * `kcovjs fuzz TARGET [CORPUS_DIR_OR_FILE ...] [-flag=value ...]`: coverage-guided fuzzing
 * with libFuzzer's command line, artifacts and exit codes (77 finding, 70 timeout).
 */
import { fuzzUsage, parseFuzzArgs, UsageError } from '../fuzz/flags.js';
import { runFuzzer } from '../fuzz/supervisor.js';

/** Runs the fuzz command; resolves to the exit code. */
export async function main(args: string[]): Promise<number> {
  let options;
  try {
    options = parseFuzzArgs(args);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`kcovjs fuzz: ${err.message}\n\n${fuzzUsage()}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(fuzzUsage());
    return 0;
  }
  return runFuzzer(options, { write: (t) => process.stderr.write(t), isTTY: process.stderr.isTTY === true });
}
