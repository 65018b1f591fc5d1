/**
 * Node module customization hooks (registered with `module.register`); they run in Node's
 * loader thread. ES modules selected by the filter are instrumented here; CommonJS is left
 * to the CommonJS hook of the thread that requires it (see cjs.ts), so that `require`
 * chains are covered too.
 */
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MessagePort } from 'node:worker_threads';
import { compileFilter, needsTranspile, SOURCE_EXTENSIONS, type Filter } from './filter.js';
import { sourceKindOf } from './format.js';
import { transformForLoad } from './transform.js';

/** Data handed over by register.ts. */
export interface HooksData {
  filter: string;
  root: string;
  /** Receives `{ file, reason }` for each file that could not be instrumented. */
  port?: MessagePort;
  /** The program turned source maps on itself (so files' own maps stay armed). */
  userSourceMaps?: boolean;
}

let filter: Filter | undefined;
let port: MessagePort | undefined;
let userSourceMaps = false;

/** Called once by Node with the data passed to `module.register`. */
export function initialize(data: HooksData): void {
  filter = compileFilter(data.filter, data.root);
  port = data.port;
  userSourceMaps = data.userSourceMaps === true;
}

interface ResolveContext {
  parentURL?: string;
  conditions: string[];
}
type NextResolve = (specifier: string, context?: ResolveContext) => Promise<{ url: string; format?: string | null }>;

/**
 * Lets TypeScript sources import each other the way tsc's NodeNext mode writes it:
 * `./x.js` finds `./x.ts` when there is no `./x.js`.
 */
export async function resolve(specifier: string, context: ResolveContext, nextResolve: NextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (err) {
    const m = /^(\.{1,2}\/.*)\.(js|mjs|cjs|jsx)$/.exec(specifier);
    if ((err as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND' || !m || !context.parentURL) throw err;
    const alt = { js: ['.ts', '.tsx'], jsx: ['.tsx'], mjs: ['.mts'], cjs: ['.cts'] }[m[2] as 'js' | 'mjs' | 'cjs' | 'jsx'];
    for (const ext of alt) {
      const url = new URL(m[1] + ext, context.parentURL);
      if (fs.existsSync(url)) return nextResolve(url.href, context);
    }
    throw err;
  }
}

interface LoadContext {
  format?: string | null;
  conditions: string[];
  importAttributes?: Record<string, string>;
}
interface LoadResult {
  format: string;
  source?: string | ArrayBuffer | Uint8Array | null;
  shortCircuit?: boolean;
}
type NextLoad = (url: string, context?: LoadContext) => Promise<LoadResult>;

/** Instruments (or strips) ES modules on their way in. */
export async function load(url: string, context: LoadContext, nextLoad: NextLoad): Promise<LoadResult> {
  if (!filter || !url.startsWith('file:')) return nextLoad(url, context);
  const file = fileURLToPath(url);
  if (!SOURCE_EXTENSIONS.some((e) => file.endsWith(e))) return nextLoad(url, context);
  if (needsTranspile(file)) {
    const kind = sourceKindOf(file);
    // CommonJS TS goes through the CommonJS loader, where cjs.ts strips or instruments it.
    if (kind === 'commonjs') return { format: 'commonjs', source: null, shortCircuit: true };
    return { format: 'module', source: transform(fs.readFileSync(file, 'utf8'), file), shortCircuit: true };
  }
  const result = await nextLoad(url, context);
  if (result.format !== 'module' || result.source == null) return result;
  const source = typeof result.source === 'string' ? result.source : Buffer.from(result.source as Uint8Array).toString('utf8');
  return { ...result, source: transform(source, file) };
}

function transform(source: string, file: string): string {
  const out = transformForLoad(source, file, 'module', filter!, userSourceMaps);
  if (out.failure) port?.postMessage({ file, reason: out.failure });
  return out.code;
}
