// Export shapes that Node's CommonJS named-export detection must still see after instrumentation.
exports.plain = 'plain';
exports['bracket'] = 'bracket';
module.exports.viaModule = function viaModule() { return 'viaModule'; };
Object.defineProperty(exports, 'defined', { enumerable: true, get: function () { return 'defined'; } });
Object.defineProperty(exports, '__esModule', { value: true });
if (exports.plain) { exports.conditional = 'conditional'; }
