module.exports = require('./cjs-literal.cjs');
