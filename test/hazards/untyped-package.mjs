// Files of a package.json without "type": CommonJS unless they use module syntax (Node 20.20
// then runs them as ES modules and warns).
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const cjs = require('./_lib/untyped/cjs-syntax.js');
console.log(cjs.who, cjs.thisIsExports);
const esm = await import('./_lib/untyped/esm-syntax.js');
console.log(Object.keys(esm).join());
