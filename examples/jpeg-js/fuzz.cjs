// jpeg-js 0.4.3: a frame whose components all have a sampling factor of 0 makes the MCU
// count infinite, and decoding loops forever (CVE-2022-25851; fixed in 0.4.4).
module.exports.fuzz = require('./oracle.cjs')(require('jpeg-js-0.4.3'));
