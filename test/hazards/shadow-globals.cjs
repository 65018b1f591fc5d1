// A sloppy script that shadows globals with var and function declarations, and undefined.
var globalThis = { own: 'shadowed' };
function Uint32Array() { return 'fn typed array'; }
var Symbol = { iterator: 'nope' };
var JSON = { stringify: function () { return 'fake json'; } };
function f(undefined) {
  var arguments = ['fake args'];
  if (undefined === 1) return 'undefined is one, ' + arguments[0];
  return 'other';
}
console.log(globalThis.own, Uint32Array(), Symbol.iterator, JSON.stringify({}), f(1), f(2));
var __kcovjs_runtime = 'user var in a CommonJS scope';
console.log(__kcovjs_runtime);
