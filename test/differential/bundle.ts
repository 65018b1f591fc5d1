/**
 * Builds the "huge file" of the hazard corpus: about 1 MB of real library code from the
 * project's node_modules, bundled into one CommonJS file with a tiny module table, plus a
 * driver that exercises every library and prints what it got. Built at test time, so the
 * corpus does not carry a megabyte of someone else's code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './proc.js';

/** One package in the bundle: which of its files go in and which one is its entry. */
interface PackageSpec {
  name: string;
  /** Entry file, relative to the package directory. */
  main: string;
  /** Files to include besides the entry: every .js under these folders (relative). */
  dirs: string[];
  /** Name to require it by, when not the package name (a second build of one package). */
  alias?: string;
}

const PACKAGES: PackageSpec[] = [
  { name: 'acorn', main: 'dist/acorn.js', dirs: [] },
  { name: 'esprima', main: 'dist/esprima.js', dirs: [] },
  { name: 'js-yaml', main: 'dist/js-yaml.js', dirs: [] },
  { name: 'js-yaml', main: 'dist/js-yaml.min.js', dirs: [], alias: 'js-yaml-min' },
  { name: 'marked', main: 'lib/marked.umd.js', dirs: [] },
  { name: 'semver', main: 'index.js', dirs: ['classes', 'functions', 'internal', 'ranges'] },
  { name: 'picomatch', main: 'index.js', dirs: ['lib'] },
  { name: 'argparse', main: 'argparse.js', dirs: ['lib'] },
  { name: 'istanbul-lib-coverage', main: 'index.js', dirs: ['lib'] },
];

function listJs(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listJs(full));
    else if (entry.name.endsWith('.js')) out.push(full);
  }
  return out.sort();
}

const DRIVER = String.raw`
var acorn = __require('acorn'), esprima = __require('esprima'), yaml = __require('js-yaml');
var marked = __require('marked'), semver = __require('semver'), picomatch = __require('picomatch');
var argparse = __require('argparse'), libCoverage = __require('istanbul-lib-coverage');
var sample = 'async function* g(a, { b = 1 } = {}) { for await (const x of a) yield x ?? b; }\nclass K { #p = 1; static { this.q = 2; } }\nlabel: for (;;) break label;';
var count = 0;
(function walk(n) { if (n && typeof n.type === 'string') count++; for (var k in n) if (n[k] && typeof n[k] === 'object') walk(n[k]); })(acorn.parse(sample, { ecmaVersion: 'latest' }));
console.log('acorn nodes', count);
console.log('esprima tokens', esprima.tokenize('var a = b ? c : d /* x */; if (a) { a++; }').map(function (t) { return t.type[0]; }).join(''));
var doc = yaml.load('a: 1\nb: [x, "y", {c: null}]\nd: |\n  text\n  more\n');
console.log('yaml', JSON.stringify(doc), JSON.stringify(yaml.dump(doc)));
try { yaml.load('a: [1'); } catch (e) { console.log('yaml error', e.name, e.mark && e.mark.line); }
var yamlMin = __require('js-yaml-min');
console.log('yaml minified build agrees', JSON.stringify(yamlMin.load(yaml.dump(doc))) === JSON.stringify(doc), yamlMin.dump({ k: [1, { x: 'y' }] }) === yaml.dump({ k: [1, { x: 'y' }] }));
console.log('marked', JSON.stringify(marked.parse('# Title\n\n* a\n* **b**\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n    code\n')));
console.log('semver', semver.satisfies('1.2.3', '^1.0.0 || >=3'), semver.sort(['1.10.0', '1.2.0', '1.2.0-beta.1']).join(), semver.valid('x.y'));
var isMatch = picomatch(['src/**/*.{js,ts}', '!**/*.test.*']);
console.log('picomatch', ['src/a/b.js', 'src/x.test.ts', 'lib/c.ts', 'src/d.ts'].map(function (f) { return isMatch(f); }).join());
var parser = new argparse.ArgumentParser({ prog: 'demo', exit_on_error: false });
parser.add_argument('-n', { type: 'int', default: 1 });
parser.add_argument('files', { nargs: '*' });
console.log('argparse', JSON.stringify(parser.parse_args(['-n', '3', 'a', 'b'])));
var map = libCoverage.createCoverageMap({});
map.addFileCoverage({ path: '/x.js', statementMap: { 0: { start: { line: 1, column: 0 }, end: { line: 1, column: 5 } } }, fnMap: {}, branchMap: {}, s: { 0: 2 }, f: {}, b: {} });
console.log('coverage', JSON.stringify(map.getCoverageSummary().statements));
try { acorn.parse('let let = 1', { ecmaVersion: 'latest' }); } catch (e) { console.log('acorn error', e.message, e.stack.split('\n')[1].replace(/.*[/\\]/, '').replace(/:\d+\)?$/, '')); }
`;

/**
 * Writes the bundle to `out` (creating its folder) and returns its size in bytes.
 * Throws when a package of the bundle is not installed.
 */
export function writeHugeBundle(out: string): number {
  const modules: string[] = [];
  const mains: Record<string, string> = {};
  for (const pkg of PACKAGES) {
    const dir = path.join(ROOT, 'node_modules', pkg.name);
    if (!fs.existsSync(path.join(dir, pkg.main))) throw new Error(`huge bundle: ${pkg.name}/${pkg.main} is not installed`);
    const files = new Set([path.join(dir, pkg.main), ...pkg.dirs.flatMap((d) => listJs(path.join(dir, d)))]);
    mains[pkg.alias ?? pkg.name] = `${pkg.name}/${pkg.main}`;
    for (const file of files) {
      const id = `${pkg.name}/${path.relative(dir, file).split(path.sep).join('/')}`;
      const source = fs.readFileSync(file, 'utf8').replace(/^#!.*/, '');
      modules.push(`defs[${JSON.stringify(id)}] = function (module, exports, require) {\n${source}\n};`);
    }
  }
  const text = `// Generated by test/differential/bundle.ts: real libraries in one CommonJS file.
var __require = (function () {
  var defs = {}, cache = {}, mains = ${JSON.stringify(mains)};
${modules.join('\n')}
  function resolve(from, spec) {
    if (spec.charAt(0) !== '.') return mains[spec] || null;
    var parts = from.split('/').slice(0, -1);
    spec.split('/').forEach(function (p) { if (p === '..') parts.pop(); else if (p !== '.') parts.push(p); });
    var base = parts.join('/');
    var tries = [base, base + '.js', base + '/index.js'];
    for (var i = 0; i < tries.length; i++) if (defs[tries[i]]) return tries[i];
    return null;
  }
  function load(id) {
    if (cache[id]) return cache[id].exports;
    var module = cache[id] = { exports: {} };
    defs[id].call(module.exports, module, module.exports, function (spec) {
      var target = resolve(id, spec);
      return target ? load(target) : require(spec);
    });
    return module.exports;
  }
  return function (name) { return load(mains[name]); };
})();
${DRIVER}`;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
  return Buffer.byteLength(text);
}
