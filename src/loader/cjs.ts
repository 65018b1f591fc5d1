/**
 * The CommonJS side of the loader: every module compiled by Node's CommonJS loader on this
 * thread passes through `Module.prototype._compile`, where it is instrumented or stripped.
 * `.ts .cts .tsx .jsx` files get `require` handlers that read them as text first.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import type { Runtime } from '../runtime/registry.js';
import type { Filter } from './filter.js';
import { transformForLoad } from './transform.js';

interface CjsModule {
  /** Node >= 20.19 passes 'module' as `format` for ES modules loaded by require(esm). */
  _compile(content: string, filename: string, format?: string): unknown;
}
type ExtensionHandler = (module: CjsModule, filename: string) => void;

const patched = Symbol.for('kcovjs.cjs-hook');

/** Installs the CommonJS hook on this thread (once). */
export function installCjsHook(filter: Filter, runtime: Runtime, userSourceMaps: boolean): void {
  const proto = (Module as unknown as { prototype: CjsModule & Record<symbol, unknown> }).prototype;
  if (proto[patched]) return;
  proto[patched] = true;
  const compile = proto._compile;
  proto._compile = function kcovjsCompile(this: CjsModule, content: string, filename: string, format?: string): unknown {
    const out = transformForLoad(content, filename, format === 'module' ? 'module' : 'commonjs', filter, userSourceMaps);
    if (out.failure) runtime.noteFailure(filename, out.failure);
    return format === undefined ? compile.call(this, out.code, filename) : compile.call(this, out.code, filename, format);
  };
  const extensions = (Module as unknown as { _extensions: Record<string, ExtensionHandler> })._extensions;
  const readAsText: ExtensionHandler = (module, filename) => {
    module._compile(fs.readFileSync(filename, 'utf8'), filename);
  };
  for (const ext of ['.ts', '.cts', '.tsx', '.jsx']) extensions[ext] ??= readAsText;
}
