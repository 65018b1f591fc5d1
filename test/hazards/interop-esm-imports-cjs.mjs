// ESM importing CommonJS: named exports come from static analysis of the CommonJS source.
import * as ns from './_lib/cjs-exports.cjs';
import lit, { a, b } from './_lib/cjs-literal.cjs';
import * as litNs from './_lib/cjs-literal.cjs';
import * as re from './_lib/cjs-reexport.cjs';
import { createRequire } from 'node:module';
console.log(Object.keys(ns).sort().join());
console.log(a, b(), Object.keys(litNs).sort().join(), lit.c, Object.keys(re).sort().join());
const require = createRequire(import.meta.url);
const viaRequire = require('./_lib/cjs-exports.cjs');
console.log(viaRequire.viaModule(), viaRequire.conditional, ns.default === viaRequire);
