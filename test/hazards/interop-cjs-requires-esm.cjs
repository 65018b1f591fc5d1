// CommonJS loading ES modules: dynamic import always, require(esm) where Node allows it.
import('./_lib/esm-lib.mjs').then((m) => {
  console.log('import()', m.named, m.default(), m.default.name);
});
let viaRequire;
try { viaRequire = require('./_lib/esm-lib.mjs'); } catch (e) { viaRequire = e.code; }
console.log('require', typeof viaRequire === 'object' ? Object.keys(viaRequire).sort().join() : viaRequire);
