/**
 * The text the pass inserts: the per-file preamble and the helpers that TypeScript's legacy
 * decorators need. The preamble's shape is the contract in src/runtime/registry.ts.
 */
import type { FileTable } from '../abi/table.js';

/** Picks a name prefix that occurs nowhere in `source`, so no generated name can collide. */
export function choosePrefix(source: string): string {
  let prefix = '__kcov';
  for (let n = 0; source.includes(prefix); n++) prefix = `__kcov${n}`;
  return prefix;
}

/** What the preamble needs to know. */
export interface PreambleInput {
  prefix: string;
  filename: string;
  hash: string;
  blocks: number;
  sites: number;
  table: FileTable;
  /** The file has compare sites (binds the `l`/`r` hooks). */
  usesCompare: boolean;
  usesResume: boolean;
  usesSwitch: boolean;
  /** The file declares its own top-level `globalThis`. */
  shadowsGlobalThis: boolean;
  /** Declare `babelHelpers` (legacy decorators). */
  decoratorHelpers: boolean;
  /**
   * Register from a hoisted function (ESM): in an import cycle, another module may call one
   * of this module's function declarations before this module's body has run; such
   * functions start with `Pc || Pi();` (see `lazyInit`).
   */
  lazy: boolean;
}

/** JSON text with U+2028/U+2029 escaped: V8 counts them as line breaks even inside strings. */
function jsLiteral(value: unknown): string {
  return JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** Entry guard of a top-level function declaration in an ES module (see `PreambleInput.lazy`). */
export function lazyInit(P: string): string {
  return `;${P}c || ${P}i();`;
}

/** The one-line preamble: registers the file and binds the hooks to module-local names. */
export function preamble(p: PreambleInput): string {
  const P = p.prefix;
  const global = p.shadowsGlobalThis ? '(() => {}).constructor("return this")()' : 'globalThis';
  const args = [jsLiteral(p.filename), jsLiteral(p.hash), p.blocks, p.sites, jsLiteral(JSON.stringify(p.table))];
  const parts = [`${P} = ${global}.__kcovjs_runtime.register(${args.join(', ')})`, `${P}c = ${P}.c`, `${P}t = ${P}.t`, `${P}h = ${P}.h`];
  if (p.usesResume) parts.push(`${P}a = ${P}.a`);
  if (p.usesSwitch) parts.push(`${P}w = ${P}.w`);
  if (p.usesCompare) parts.push(`${P}l = ${P}.l`, `${P}r = ${P}.r`);
  if (p.decoratorHelpers) parts.push(`babelHelpers = ${DECORATOR_HELPERS}`);
  if (!p.lazy) return `;const ${parts.join(', ')};`;
  const names = parts.map((x) => x.slice(0, x.indexOf(' =')));
  return `;var ${names.join(', ')}; function ${P}i() { ${parts.join('; ')}; } ${P}c || ${P}i();`;
}

/**
 * `decorate` and `decorateParam` with TypeScript's `experimentalDecorators` semantics, for
 * oxc-transform's "External" helper mode (it calls `babelHelpers.decorate(...)`). Kept on
 * one line so that line numbers do not move. Decorators apply last to first; a class
 * decorator may return a replacement class, a member decorator a replacement descriptor.
 */
export const DECORATOR_HELPERS =
  '{ decorate: function (ds, target, key, desc) { var n = arguments.length, r = n < 3 ? target : desc === null ? (desc = Object.getOwnPropertyDescriptor(target, key)) : desc; ' +
  'for (var i = ds.length - 1; i >= 0; i--) { var d = ds[i]; if (d) r = (n < 3 ? d(r) : n > 3 ? d(target, key, r) : d(target, key)) || r; } ' +
  'if (n > 3 && r) Object.defineProperty(target, key, r); return r; }, ' +
  'decorateParam: function (index, d) { return function (target, key) { d(target, key, index); }; } }';

/** Statement form of a block hit. The leading `;` ends a previous statement that relied on ASI. */
export function hitStatement(P: string, i: number): string {
  return `;${P}c[${i}]++ || ${P}h(${i});`;
}

/** Opening of the expression form `(hit, EXPR)`; the caller closes it with `)`. */
export function hitExpressionOpen(P: string, i: number): string {
  return `(${P}c[${i}]++ || ${P}h(${i}), `;
}
