// Negative control: jpeg-js 0.4.4 rejects sampling factors of 0.
module.exports.fuzz = require('./oracle.cjs')(require('jpeg-js-0.4.4'));
