const a = require('./cjs-cycle-a.cjs');
exports.seen = JSON.stringify(a);
