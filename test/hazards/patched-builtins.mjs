// The ES module flavour of patched-builtins.cjs: the module is transformed off-thread, so
// only what kcovjs does in the program's realm when the module starts (registering it) shows.
const calls = {};
function spy(owner, name, label) {
  const original = owner[name];
  owner[name] = function (...args) { calls[label] = (calls[label] || 0) + 1; return original.apply(this, args); };
}
spy(Array.prototype, 'push', 'Array#push');
spy(Map.prototype, 'get', 'Map#get');
spy(Map.prototype, 'set', 'Map#set');
spy(JSON, 'parse', 'JSON.parse');
spy(JSON, 'stringify', 'JSON.stringify');
spy(String.prototype, 'split', 'String#split');
spy(Object, 'keys', 'Object.keys');
const { pick } = await import('./_lib/lazy-module.mjs');
const result = pick([1, 2, 3, 4]);
let n = 0;
for (let i = 0; i < 100; i++) { if (i % 3 === 0) n += i; else if (i % 5 === 0) n -= 1; }
const seen = Object.getOwnPropertyNames(calls).sort().map((k) => k + '=' + calls[k]).join(' ');
console.log(result.join(), n);
console.log(seen);
