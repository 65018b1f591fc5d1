/**
 * The step both load paths (ESM hooks and the CommonJS hook) share: given a file's source,
 * return what Node should run — instrumented if the filter selects it, otherwise with types
 * stripped if it is TS/JSX, otherwise unchanged. A file that cannot be instrumented runs
 * plain, with one loud warning on stderr.
 */
import * as fs from 'node:fs';
import { instrument, stripTypes, type SourceKind } from '../instrument/index.js';
import { needsTranspile, type Filter } from './filter.js';

/** What to run, and whether it was instrumented. */
export interface LoadTransform {
  code: string;
  instrumented: boolean;
  /** Set when the filter selected the file but it could not be instrumented. */
  failure?: string;
}

function inlineMap(map: object): string {
  return `\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}\n`;
}

/** Node's pattern for a source-map magic comment (the last one counts). */
const MAP_COMMENT = /(\/[*/])#(\s+sourceMappingURL=)/g;

/**
 * Stack traces of code kcovjs did not touch must read as without kcovjs. kcovjs turns
 * Node's source-map support on for its own maps; unless the program asked for source maps
 * itself, a file passed through unchanged has its own map comment disarmed (`//#` becomes
 * `// `), so Node does not start applying it.
 */
export function passThrough(source: string, userSourceMaps: boolean): string {
  return userSourceMaps || !source.includes('sourceMappingURL=') ? source : source.replace(MAP_COMMENT, '$1 $2');
}

/** Transforms one file for loading. Throws only when a TS/JSX file cannot even be stripped. */
export function transformForLoad(source: string, file: string, kind: SourceKind, filter: Filter, userSourceMaps = false): LoadTransform {
  let failure: string | undefined;
  if (filter.selects(file)) {
    try {
      const out = instrument(source, { filename: file, kind });
      return { code: out.code + inlineMap(out.map), instrumented: true };
    } catch (err) {
      failure = (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
      // Written synchronously: from the loader thread, an asynchronous write is lost when the
      // program then dies at once (for example of the same syntax error).
      fs.writeSync(2, `kcovjs: warning: cannot instrument ${file}: ${failure}; it runs uninstrumented\n`);
    }
  }
  if (needsTranspile(file)) {
    const out = stripTypes(source, { filename: file, kind });
    return { code: out.map ? out.code + inlineMap(out.map) : out.code, instrumented: false, ...(failure ? { failure } : {}) };
  }
  return { code: passThrough(source, userSourceMaps), instrumented: false, ...(failure ? { failure } : {}) };
}
