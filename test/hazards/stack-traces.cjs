// err.stack must point at the original lines; CallSite function names must not change.
// (Columns and the frame text format are not compared: see docs/differential.md.)
const path = require('node:path');
const base = path.basename(__filename);
function lines(err) {
  return err.stack.split('\n').slice(1).filter((l) => l.includes(base))
    .map((l) => l.slice(l.lastIndexOf(base) + base.length).split(':')[1]).join(' ');
}
function names(fn) {
  const original = Error.prepareStackTrace;
  Error.prepareStackTrace = (err, sites) => sites.filter((s) => s.getFileName() === __filename)
    .map((s) => `${s.getFunctionName()}/${s.getMethodName()}/${s.getTypeName()}@${s.getLineNumber()}`).join(' ');
  try { return fn(); } finally { Error.prepareStackTrace = original; }
}
function thrower(kind) {
  if (kind === 'type') {
    null.property;
  } else if (kind === 'custom') {
    throw new RangeError('custom');
  }
  return new Error('made');
}
class Widget {
  constructor(k) { this.k = k; }
  method() { return thrower(this.k); }
  static create(k) { return new Widget(k).method(); }
}
const objectMethod = { run(k) { return [k].map((x) => Widget.create(x))[0]; } };
for (const k of ['type', 'custom']) {
  try { objectMethod.run(k); } catch (e) { console.log(e.name, 'lines', lines(e)); }
}
console.log('names', names(() => objectMethod.run('none').stack));
const custom = {};
Error.captureStackTrace(custom);
console.log('capture', lines(custom));
const anonymous = [0].map(function () { return new Error('anon'); })[0];
console.log('anonymous', lines(anonymous));
try { JSON.parse('{bad'); } catch (e) { console.log('native', lines(e)); }
try { eval('\n\nthrow new Error("in eval")'); } catch (e) { console.log('eval', /<anonymous>:3:/.test(e.stack.split('\n')[1]), lines(e)); }
console.log('limit', Error.stackTraceLimit, new Error('x').stack.split('\n').length <= Error.stackTraceLimit + 1);
