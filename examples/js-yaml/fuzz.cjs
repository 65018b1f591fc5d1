// js-yaml 3.13.1: safeLoad('!<?\u0000[0]') throws "TypeError: data.charCodeAt is not a
// function" (nodeca/js-yaml#525, fixed in 3.14.0).
module.exports.fuzz = require('./oracle.cjs')(require('js-yaml-3.13.1'));
