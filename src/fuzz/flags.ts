/**
 * The libFuzzer-style command line of `kcovjs fuzz`:
 *
 *   kcovjs fuzz TARGET [CORPUS_DIR_OR_FILE ...] [-flag=value ...]
 *
 * Flags start with one dash (two are accepted too) and take `=value`. Flags libFuzzer knows
 * but kcovjs does not use are accepted with a warning, so libFuzzer-style drivers work.
 */

/** Parsed options of one fuzzing run. */
export interface FuzzOptions {
  target: string;
  /** Corpus directories (the first is written) or input files (regression mode). */
  inputs: string[];
  /** Number of inputs to run; -1 = no limit; 0 = only run the given inputs. */
  runs: number;
  /** Seconds; 0 = no limit. */
  maxTotalTime: number;
  maxLen: number;
  /** 0 = derive from the clock. */
  seed: number;
  /** Seconds per input; 0 = no limit. */
  timeout: number;
  /** 0 = no limit. */
  rssLimitMb: number;
  dicts: string[];
  artifactPrefix: string;
  /** When set, the one artifact goes exactly here. */
  exactArtifactPath?: string;
  workers: number;
  printFinalStats: boolean;
  onlyAscii: boolean;
  /** How coverage is read from the kcov device. */
  kcovMode: 'trace_pc' | 'unique';
  /** Whether some executions trace comparisons for input-to-state replacement. */
  useCmp: boolean;
  /** Whether code literals seed the dictionary. */
  useLiterals: boolean;
  /** Whether a new maximum of run time keeps an input (for super-linear bugs). */
  useSlowness: boolean;
  /** Exported function to call. */
  entry: string;
  /** Whether the target is instrumented (loaded with the kcovjs loader). */
  instrument: boolean;
  /** Exit code for a crash / timeout. */
  errorExitCode: number;
  timeoutExitCode: number;
  /** Status line period in seconds. */
  reportInterval: number;
  verbosity: number;
  help: boolean;
  /** Warnings produced while parsing. */
  warnings: string[];
}

/** A bad command line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Setter = (o: FuzzOptions, v: string, name: string) => void;

const int = (key: keyof FuzzOptions, min = Number.MIN_SAFE_INTEGER): Setter => (o, v, name) => {
  if (!/^-?\d+$/.test(v) || Number(v) < min) throw new UsageError(`-${name} needs an integer >= ${min}, got '${v}'`);
  (o as unknown as Record<string, number>)[key] = Number(v);
};
const num = (key: keyof FuzzOptions): Setter => (o, v, name) => {
  if (!/^\d+(\.\d+)?$/.test(v)) throw new UsageError(`-${name} needs a non-negative number, got '${v}'`);
  (o as unknown as Record<string, number>)[key] = Number(v);
};
const bool = (key: keyof FuzzOptions): Setter => (o, v, name) => {
  if (v !== '0' && v !== '1') throw new UsageError(`-${name} needs 0 or 1, got '${v}'`);
  (o as unknown as Record<string, boolean>)[key] = v === '1';
};
const str = (key: keyof FuzzOptions): Setter => (o, v) => {
  (o as unknown as Record<string, string>)[key] = v;
};

const FLAGS: Record<string, { set: Setter; help: string }> = {
  runs: { set: int('runs', -1), help: 'number of inputs to run (-1: unlimited; 0: only run the corpus)' },
  max_total_time: { set: num('maxTotalTime'), help: 'stop after this many seconds (0: unlimited)' },
  max_len: { set: int('maxLen', 1), help: 'largest input in bytes (default 4096)' },
  seed: { set: int('seed', 0), help: 'random seed (0: from the clock)' },
  timeout: { set: num('timeout'), help: 'seconds one input may run before it is a timeout (default 10; 0: off)' },
  rss_limit_mb: { set: int('rssLimitMb', 0), help: 'memory limit in MB; above it the input is an OOM (default 2048; 0: off)' },
  dict: { set: (o, v) => o.dicts.push(v), help: 'dictionary file in libFuzzer/AFL format (repeatable)' },
  artifact_prefix: { set: str('artifactPrefix'), help: "prefix of crash-/timeout-/oom- files (e.g. 'out/')" },
  exact_artifact_path: { set: str('exactArtifactPath'), help: 'write the artifact exactly here' },
  workers: { set: int('workers', 1), help: 'fuzzing workers in parallel, sharing the first corpus directory' },
  jobs: { set: int('workers', 1), help: 'same as -workers' },
  print_final_stats: { set: bool('printFinalStats'), help: 'print statistics at exit' },
  only_ascii: { set: bool('onlyAscii'), help: 'generate only ASCII inputs' },
  kcov_mode: {
    set: (o, v, name) => {
      if (v !== 'trace_pc' && v !== 'unique') throw new UsageError(`-${name} is trace_pc or unique, got '${v}'`);
      o.kcovMode = v;
    },
    help: 'trace_pc (edges and hit counts, default) or unique (unique PCs per input)',
  },
  use_cmp: { set: bool('useCmp'), help: 'input-to-state replacement from TRACE_CMP records (default 1)' },
  use_literals: { set: bool('useLiterals'), help: 'dictionary from the literals of instrumented code (default 1)' },
  use_slowness: { set: bool('useSlowness'), help: 'keep inputs that run slower than any before (for time oracles; default 0)' },
  entry: { set: str('entry'), help: "exported function to call (default 'fuzz')" },
  instrument: { set: bool('instrument'), help: 'instrument the target and its libraries (default 1)' },
  error_exitcode: { set: int('errorExitCode', 0), help: 'exit code on a crash (default 77)' },
  timeout_exitcode: { set: int('timeoutExitCode', 0), help: 'exit code on a timeout (default 70)' },
  report_interval: { set: num('reportInterval'), help: 'seconds between status lines (default 1)' },
  verbosity: { set: int('verbosity', 0), help: 'more output when > 1' },
  help: { set: bool('help'), help: 'print this help' },
};

/** libFuzzer flags accepted and ignored (with a warning), so that drivers can pass them. */
const IGNORED = new Set([
  'close_fd_mask', 'use_value_profile', 'reload', 'detect_leaks', 'malloc_limit_mb', 'len_control',
  'reduce_inputs', 'use_counters', 'shrink', 'handle_segv', 'handle_abrt', 'print_pcs', 'print_corpus_stats',
  'dump_coverage', 'prefer_small', 'mutate_depth', 'keep_seed', 'entropic', 'fork', 'ignore_crashes',
  'ignore_timeouts', 'ignore_ooms', 'print_coverage', 'focus_function', 'data_flow_trace', 'collect_data_flow',
]);

/** Default options for a target. */
export function defaultOptions(target = ''): FuzzOptions {
  return {
    target, inputs: [], runs: -1, maxTotalTime: 0, maxLen: 4096, seed: 0, timeout: 10, rssLimitMb: 2048,
    dicts: [], artifactPrefix: '', workers: 1, printFinalStats: false, onlyAscii: false, kcovMode: 'trace_pc',
    useCmp: true, useLiterals: true, useSlowness: false, entry: 'fuzz', instrument: true, errorExitCode: 77, timeoutExitCode: 70,
    reportInterval: 1, verbosity: 1, help: false, warnings: [],
  };
}

/** Parses the arguments after `kcovjs fuzz`. Throws UsageError on bad input. */
export function parseFuzzArgs(args: readonly string[]): FuzzOptions {
  const o = defaultOptions();
  const positional: string[] = [];
  for (const arg of args) {
    if (arg === '-h' || arg === '--help') {
      o.help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const m = /^--?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(arg);
    if (!m) throw new UsageError(`bad flag '${arg}' (flags look like -name=value)`);
    const [, name, value] = m as unknown as [string, string, string];
    const flag = FLAGS[name];
    if (flag) flag.set(o, value, name);
    else if (IGNORED.has(name)) o.warnings.push(`flag -${name} is accepted but has no effect in kcovjs`);
    else throw new UsageError(`unknown flag -${name} (see kcovjs fuzz -help=1)`);
  }
  if (o.help) return o;
  const [target, ...inputs] = positional;
  if (!target) throw new UsageError('missing TARGET (a module exporting fuzz(data))');
  o.target = target;
  o.inputs = inputs;
  return o;
}

/** The help text. */
export function fuzzUsage(): string {
  const lines = Object.entries(FLAGS).map(([name, f]) => `  -${name.padEnd(20)} ${f.help}`);
  return [
    'usage: kcovjs fuzz TARGET [CORPUS_DIR_OR_FILE ...] [-flag=value ...]',
    '',
    'TARGET is a .js/.mjs/.cjs/.ts module exporting fuzz(data: Buffer), sync or async.',
    'The first corpus directory receives new inputs; the others are read-only seeds.',
    'Files instead of directories, or -runs=0, run each input once (regression mode).',
    '',
    'flags:',
    ...lines,
    '',
  ].join('\n');
}
