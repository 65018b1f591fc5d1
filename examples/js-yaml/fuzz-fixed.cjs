// Negative control: the same oracle against js-yaml 3.14.0, which has the fix.
module.exports.fuzz = require('./oracle.cjs')(require('js-yaml-3.14.0'));
