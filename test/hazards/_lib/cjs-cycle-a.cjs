exports.early = 'early';
const b = require('./cjs-cycle-b.cjs');
exports.late = 'late';
exports.fromB = b.seen;
