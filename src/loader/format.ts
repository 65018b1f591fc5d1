/**
 * How Node would load a file: as an ES module or as CommonJS. `.mjs`/`.mts` are modules,
 * `.cjs`/`.cts` are CommonJS, and anything else follows the `type` field of the nearest
 * package.json, as Node does.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceKind } from '../instrument/index.js';

const typeCache = new Map<string, SourceKind>();

function packageType(dir: string): SourceKind {
  const cached = typeCache.get(dir);
  if (cached) return cached;
  let kind: SourceKind;
  const pj = path.join(dir, 'package.json');
  let text: string | undefined;
  try {
    text = fs.readFileSync(pj, 'utf8');
  } catch {
    text = undefined;
  }
  if (text !== undefined) {
    let type: unknown;
    try {
      type = (JSON.parse(text) as { type?: unknown }).type;
    } catch {
      type = undefined;
    }
    kind = type === 'module' ? 'module' : 'commonjs';
  } else {
    const parent = path.dirname(dir);
    kind = parent === dir ? 'commonjs' : packageType(parent);
  }
  typeCache.set(dir, kind);
  return kind;
}

/** The module kind Node gives this file. */
export function sourceKindOf(file: string): SourceKind {
  if (file.endsWith('.mjs') || file.endsWith('.mts')) return 'module';
  if (file.endsWith('.cjs') || file.endsWith('.cts')) return 'commonjs';
  return packageType(path.dirname(file));
}
