// Programs (polyfills, zone.js, test spies) patch builtins. Work that kcovjs does in the
// program's own realm (registering a module, counting blocks) must not call them.
const calls = {};
function spy(owner, name, label) {
  const original = owner[name];
  owner[name] = function (...args) { calls[label] = (calls[label] || 0) + 1; return original.apply(this, args); };
}
spy(Array.prototype, 'push', 'Array#push');
spy(Array.prototype, 'map', 'Array#map');
spy(Array.prototype, 'slice', 'Array#slice');
spy(Map.prototype, 'get', 'Map#get');
spy(Map.prototype, 'set', 'Map#set');
spy(JSON, 'parse', 'JSON.parse');
spy(JSON, 'stringify', 'JSON.stringify');
spy(String.prototype, 'split', 'String#split');
spy(String.prototype, 'startsWith', 'String#startsWith');
spy(Object, 'defineProperty', 'Object.defineProperty');
spy(Object, 'keys', 'Object.keys');
spy(Math, 'random', 'Math.random');
spy(Date, 'now', 'Date.now');
spy(Promise.prototype, 'then', 'Promise#then');
for (const k of Object.getOwnPropertyNames(calls)) delete calls[k];
const { pick } = require('./_lib/lazy-module.cjs');
const result = pick([1, 2, 3, 4]);
let n = 0;
for (let i = 0; i < 100; i++) { if (i % 3 === 0) n += i; else if (i % 5 === 0) n -= 1; }
const seen = Object.getOwnPropertyNames(calls).sort().map((k) => k + '=' + calls[k]).join(' ');
console.log(result.join(), n);
console.log(seen);
