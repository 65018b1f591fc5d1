/**
 * The hazard corpus runner: every program in test/hazards/ runs twice, as a baseline and
 * instrumented, and must print the same stdout and stderr and exit the same way.
 *
 * Baseline: plain `node file` for .js/.mjs/.cjs. Node 20 cannot run .ts/.tsx/.jsx, so for
 * those the baseline is `node --import kcovjs/register` with `KCOVJS_FILTER='!**'`: the
 * loader still strips types and JSX but instruments nothing. Instrumented: the same loader
 * with the filter selecting test/hazards/** (but not _lib/uninstrumented/). When a JS program diverges, two more runs tell
 * why: `node --import <empty module>` (what any --import changes, e.g. a CommonJS entry then
 * starts inside the ESM loader, which reorders nextTick and promise jobs: such a divergence is
 * accepted and counted), and the loader with nothing instrumented (loader or instrumentation?).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeHugeBundle } from './bundle.js';
import { REGISTER, ROOT, childEnv, compareRuns, pool, runNode, type RunResult } from './proc.js';

/** The corpus folder. */
export const HAZARDS_DIR = path.join(ROOT, 'test', 'hazards');
/** Where the generated ~1 MB bundle goes (ignored by git). */
export const HUGE_BUNDLE = path.join(HAZARDS_DIR, '_generated', 'huge-bundle.cjs');
/** The filter of instrumented runs: the corpus, except _lib/uninstrumented/ (it stands for node_modules). */
const INSTRUMENTED = 'test/hazards/**,!test/hazards/_lib/uninstrumented/**';
/** A module that does nothing, to see what `--import` alone changes. */
const EMPTY_IMPORT = path.join(HAZARDS_DIR, '_lib', 'empty-import.mjs');
const EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.jsx', '.tsx'];
const NEEDS_STRIP = ['.ts', '.mts', '.cts', '.jsx', '.tsx'];

/** One program of the corpus. */
export interface HazardCase {
  /** Path relative to test/hazards/. */
  name: string;
  file: string;
  /** Node cannot run it without the loader stripping types or JSX. */
  needsStrip: boolean;
}

/** The outcome of one program. */
export interface HazardOutcome {
  case: HazardCase;
  baseline: RunResult;
  instrumented: RunResult;
  /** '' when both runs matched. */
  divergence: string;
  /** Whether the instrumented run registered the file in the manifest. */
  registered: boolean;
  /** For a diverging JS program: '' if the loader alone (nothing instrumented) matched plain node. */
  loaderOnlyDivergence?: string;
  /** For a diverging JS program: whether the instrumented run matched `node --import <empty>`. */
  sameAsAnyImport?: boolean;
}

/** Whether an outcome counts as behaving the same. */
export function passed(o: HazardOutcome): boolean {
  return o.registered && (!o.divergence || o.sameAsAnyImport === true);
}

/** Lists the corpus (top-level programs of test/hazards/ plus the generated bundle). */
export function listHazards(options: { withHugeBundle?: boolean } = {}): HazardCase[] {
  const names = fs.readdirSync(HAZARDS_DIR, { withFileTypes: true })
    .filter((e) => e.isFile() && EXTENSIONS.includes(path.extname(e.name)))
    .map((e) => e.name)
    .sort();
  if (options.withHugeBundle ?? true) {
    writeHugeBundle(HUGE_BUNDLE);
    names.push(path.relative(HAZARDS_DIR, HUGE_BUNDLE));
  }
  return names.map((name) => ({ name, file: path.join(HAZARDS_DIR, name), needsStrip: NEEDS_STRIP.includes(path.extname(name)) }));
}

function loaderArgs(file: string): string[] {
  return ['--import', REGISTER, file];
}

/** Environment of a loader run: nothing instrumented, or the corpus instrumented. */
function loaderEnv(manifest: string, filter: string): NodeJS.ProcessEnv {
  return childEnv({ KCOVJS_ROOT: ROOT, KCOVJS_MANIFEST: manifest, KCOVJS_FILTER: filter });
}

/** Relative paths (from ROOT) of the files a manifest has placed. */
export function manifestPaths(manifest: string): Set<string> {
  if (!fs.existsSync(manifest)) return new Set();
  const index = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { files: Array<{ path: string }> };
  return new Set(index.files.map((f) => f.path));
}

/** Options of `runHazards`. */
export interface HazardRunOptions {
  concurrency?: number;
  /** Record coverage while instrumented (KCOVJS_COVERAGE_DIR), as `kcovjs run --coverage-dir` does. */
  record?: boolean;
}

/** Runs the corpus (2 programs at a time) and returns one outcome per program. */
export async function runHazards(cases: readonly HazardCase[], options: HazardRunOptions = {}): Promise<HazardOutcome[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kcovjs-hazards-'));
  const manifest = path.join(work, 'manifest.json');
  const record: Record<string, string> = options.record ? { KCOVJS_COVERAGE_DIR: path.join(work, 'coverage') } : {};
  const offManifest = path.join(work, 'off', 'manifest.json');
  try {
    const outcomes = await pool(cases, options.concurrency ?? 2, async (c) => {
      const baseline = c.needsStrip
        ? await runNode(loaderArgs(c.file), { env: loaderEnv(offManifest, '!**') })
        : await runNode([c.file], { env: childEnv() });
      const instrumented = await runNode(loaderArgs(c.file), { env: { ...loaderEnv(manifest, INSTRUMENTED), ...record } });
      const outcome: HazardOutcome = { case: c, baseline, instrumented, divergence: compareRuns(baseline, instrumented), registered: false };
      if (outcome.divergence && !c.needsStrip) {
        const loaderOnly = await runNode(loaderArgs(c.file), { env: loaderEnv(offManifest, '!**') });
        outcome.loaderOnlyDivergence = compareRuns(baseline, loaderOnly);
        const anyImport = await runNode(['--import', EMPTY_IMPORT, c.file], { env: childEnv() });
        outcome.sameAsAnyImport = compareRuns(anyImport, instrumented) === '';
      }
      return outcome;
    });
    const placed = manifestPaths(manifest);
    for (const o of outcomes) o.registered = placed.has(path.relative(ROOT, o.case.file).split(path.sep).join('/'));
    return outcomes;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** A one-paragraph report of one outcome, for test failures and the differential summary. */
export function describeOutcome(o: HazardOutcome): string {
  const lines = [`${o.case.name}:`];
  if (!o.registered) lines.push('  not instrumented (the file is missing from the manifest)');
  if (o.divergence) {
    if (o.sameAsAnyImport) lines.push('  differs from plain node exactly as `node --import <empty module>` does (accepted)');
    if (o.loaderOnlyDivergence !== undefined) {
      lines.push(o.loaderOnlyDivergence
        ? '  the loader alone (nothing instrumented) already diverges from plain node'
        : '  plain node and the loader without instrumentation agree: the instrumentation diverges');
    }
    lines.push(...o.divergence.split('\n').map((l) => `  ${l}`));
  }
  return lines.join('\n');
}
