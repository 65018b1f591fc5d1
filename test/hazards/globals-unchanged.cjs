// Enumerable globals (what leak detectors such as mocha --check-leaks inspect) must not change.
// The non-enumerable runtime key and process.execArgv/env are documented exceptions.
const known = new Set(Object.keys(globalThis));
var x = 1;
if (x) console.log(JSON.stringify(Object.keys(globalThis).sort()));
console.log(Object.keys(globalThis).filter((k) => !known.has(k)).length);
console.log(Object.getOwnPropertySymbols(globalThis).map(String).sort().join());
