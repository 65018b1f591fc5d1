// A minimal mocha-compatible BDD runner (describe/it/before/after/beforeEach/afterEach, done
// callbacks, promises), preloaded with --require so that a library's own mocha tests run
// without mocha. It prints one line per test and a summary; the output is compared plain
// vs instrumented.
let current = { title: '', tests: [], children: [], hooks: { before: [], after: [], beforeEach: [], afterEach: [] }, parent: null };
const rootSuite = current;
global.describe = (title, fn) => {
  const suite = { title, tests: [], children: [], hooks: { before: [], after: [], beforeEach: [], afterEach: [] }, parent: current };
  current.children.push(suite);
  const saved = current;
  current = suite;
  try { fn.call({}); } finally { current = saved; }
};
global.it = (title, fn) => current.tests.push({ title, fn });
for (const hook of ['before', 'after', 'beforeEach', 'afterEach']) global[hook] = (fn) => current.hooks[hook].push(fn);
global.describe.skip = () => {};
global.it.skip = () => {};

function call(fn) {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (err) => { if (!settled) { settled = true; resolve(err); } };
    try {
      if (fn.length > 0) {
        fn.call({ timeout() {} }, (err) => finish(err || null));
      } else {
        const r = fn.call({ timeout() {} });
        if (r && typeof r.then === 'function') r.then(() => finish(null), (e) => finish(e || new Error('rejected')));
        else finish(null);
      }
    } catch (e) { finish(e); }
  });
}

let passed = 0, failed = 0;
const lines = [];
async function runSuite(suite, prefix) {
  const name = prefix ? `${prefix} ${suite.title}` : suite.title;
  for (const h of suite.hooks.before) await call(h);
  for (const t of suite.tests) {
    for (let s = suite; s; s = s.parent) for (const h of s.hooks.beforeEach) await call(h);
    const err = await call(t.fn);
    for (let s = suite; s; s = s.parent) for (const h of s.hooks.afterEach) await call(h);
    if (err) { failed++; lines.push(`not ok - ${name} ${t.title}: ${String(err && err.message).split('\n')[0]}`); }
    else { passed++; lines.push(`ok - ${name} ${t.title}`); }
  }
  for (const child of suite.children) await runSuite(child, name);
  for (const h of suite.hooks.after) await call(h);
}
// Tests start once the test file has loaded and its own work has settled: with --import the
// main module loads asynchronously, so a setImmediate here would run before it.
// Node 20 also runs --require preloads in the thread of module.register hooks: stay idle there.
let started = !require('node:worker_threads').isMainThread;
process.on('beforeExit', async () => {
  if (started) return;
  started = true;
  await runSuite(rootSuite, '');
  process.stdout.write(lines.join('\n') + `\n${passed} passed, ${failed} failed (library suite)\n`);
  process.exitCode = failed ? 1 : 0;
});
