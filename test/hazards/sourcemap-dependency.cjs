// A dependency that kcovjs does not instrument (test/hazards/_lib/uninstrumented/ stands for
// node_modules) ships an inline source map. Plain Node does not apply it, so its stack lines
// must not start pointing into its original sources under kcovjs either.
const run = require('./_lib/uninstrumented/prebuilt.cjs');
console.log(run(true), run(false));
