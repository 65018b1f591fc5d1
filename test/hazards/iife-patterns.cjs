// Immediately invoked functions in all common shapes, and a UMD wrapper.
const out = [];
(function () { out.push('paren-call-inside'); })();
(function () { out.push('paren-call-outside'); }());
!function () { out.push('bang'); }();
void function () { out.push('void'); }();
+function () { out.push('plus'); }();
(() => { out.push('arrow'); })();
new function () { out.push('new ' + (this instanceof Object)); }();
(async () => { out.push('async arrow'); })();
const res = (function named(n) { return n ? named(n - 1) + 1 : 0; })(3);
out.push('named recursion ' + res);
(function (root, factory) {
  if (typeof define === 'function' && define.amd) { define([], factory); }
  else if (typeof module === 'object' && module.exports) { module.exports = factory(); }
  else { root.Lib = factory(); }
}(this, function () { 'use strict'; return { umd: this === undefined }; }));
out.push('umd ' + JSON.stringify(module.exports));
console.log(out.join(' | '));
