/**
 * The instrumentation filter: which files get counters. Like bazel's
 * `--instrumentation_filter`, it is a comma-separated list of globs (relative to the
 * project root), where a leading `!` excludes. A file is selected when it matches some
 * include (all files, if the list has none) and no exclude. kcovjs's own code and the
 * libraries it runs on are never selected, whatever the filter says.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';

/** Extensions the loader handles. */
export const SOURCE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.jsx', '.tsx'] as const;
/** Extensions that need types or JSX stripped before Node can run them. */
export const TRANSPILED_EXTENSIONS = ['.ts', '.mts', '.cts', '.jsx', '.tsx'] as const;

/** The kcovjs package directory (two levels above dist/src/loader). */
export const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Directories of kcovjs itself and of the packages its loader and runtime run on (each ends with a separator). */
function ownDirectories(): string[] {
  const dirs = [path.join(PACKAGE_DIR, 'dist'), path.join(PACKAGE_DIR, 'src')];
  const require = createRequire(path.join(PACKAGE_DIR, 'package.json'));
  const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    try {
      dirs.push(path.dirname(require.resolve(`${dep}/package.json`)));
    } catch {
      // A dependency without an exported package.json: fall back to its node_modules folder.
      dirs.push(path.join(PACKAGE_DIR, 'node_modules', dep));
    }
  }
  return dirs.map((d) => d + path.sep);
}

/** A compiled filter. */
export interface Filter {
  /** Whether the file at this absolute path gets instrumented. */
  selects(file: string): boolean;
  /** The filter text it was made from. */
  readonly spec: string;
}

/** Compiles a filter spec (e.g. `src/**,node_modules/js-yaml/**,!**\/*.test.js`). */
export function compileFilter(spec: string | undefined, root: string): Filter {
  const text = (spec ?? '').trim();
  const parts = text ? text.split(',').map((s) => s.trim()).filter(Boolean) : [];
  const includes = parts.filter((p) => !p.startsWith('!'));
  const excludes = parts.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const opts = { dot: true };
  const inc = includes.length > 0 ? picomatch(includes, opts) : () => true;
  const exc = excludes.length > 0 ? picomatch(excludes, opts) : () => false;
  const own = ownDirectories();
  const absRoot = path.resolve(root);
  return {
    spec: text,
    selects(file: string): boolean {
      if (!SOURCE_EXTENSIONS.some((e) => file.endsWith(e))) return false;
      if (own.some((d) => file.startsWith(d))) return false;
      const rel = path.relative(absRoot, file).split(path.sep).join('/');
      return inc(rel) && !exc(rel);
    },
  };
}

/** Whether a file needs TypeScript or JSX stripped to run. */
export function needsTranspile(file: string): boolean {
  return TRANSPILED_EXTENSIONS.some((e) => file.endsWith(e));
}
