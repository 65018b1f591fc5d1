// CommonJS cycles see partial exports.
const a = require('./_lib/cjs-cycle-a.cjs');
console.log(a.early, a.late, a.fromB);
