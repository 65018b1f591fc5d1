/**
 * The instrumentation corpus: real library sources in JS (ESM and CommonJS) and TypeScript,
 * read from node_modules and from kcovjs's own src/. Each file carries the module kind Node
 * would load it as.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../lib/util.mjs';

function walk(dir, accept) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p, accept));
    else if (accept(e.name)) out.push(p);
  }
  return out.sort();
}

const isTs = (n) => n.endsWith('.ts') && !/\.d\.[mc]?ts$/.test(n);
const isJs = (n) => /\.(js|cjs|mjs)$/.test(n);

/** Corpus groups: { name, language, files: [{ file, kind }] }. */
export function corpus() {
  const nm = (p) => path.join(ROOT, 'node_modules', p);
  const groups = [
    { name: 'marked lib/marked.esm.js', language: 'JS (ESM)', files: [nm('marked/lib/marked.esm.js')], kind: 'module' },
    { name: 'js-yaml lib/**', language: 'JS (CJS)', files: walk(nm('js-yaml/lib'), (n) => n.endsWith('.js')), kind: 'commonjs' },
    { name: 'semver (all)', language: 'JS (CJS)', files: walk(nm('semver'), (n) => isJs(n)).filter((f) => !f.includes(`${path.sep}bin${path.sep}`)), kind: 'commonjs' },
    {
      name: '@jridgewell/{trace,gen}-mapping, sourcemap-codec, remapping src/**',
      language: 'TS',
      files: ['trace-mapping', 'gen-mapping', 'sourcemap-codec', 'remapping'].flatMap((p) => {
        const dir = nm(`@jridgewell/${p}/src`);
        return fs.existsSync(dir) ? walk(dir, isTs) : [];
      }),
      kind: 'module',
    },
    { name: 'kcovjs src/**', language: 'TS', files: walk(path.join(ROOT, 'src'), isTs), kind: 'module' },
  ];
  return groups.map((g) => ({ ...g, files: g.files.map((file) => ({ file, kind: g.kind })) }));
}
