/**
 * Builds the istanbul variant: a directory holding a copy of `libs.mjs` and a flat
 * node_modules with the benchmarked libraries (the files they load instrumented by
 * istanbul-lib-instrument) and their dependencies (copied as they are), so that the same
 * workloads run against istanbul-instrumented libraries without any loader hook.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { ROOT } from '../lib/util.mjs';

const require = createRequire(path.join(ROOT, 'package.json'));

/** Both istanbul instrumenters: ESM first, script (CommonJS) if a file is not a module. */
export function istanbulInstrumenters() {
  const { createInstrumenter } = require('istanbul-lib-instrument');
  const common = { compact: true, produceSourceMap: false, autoWrap: true };
  return {
    module: createInstrumenter({ ...common, esModules: true }),
    script: createInstrumenter({ ...common, esModules: false }),
  };
}

function instrumentWithIstanbul(ins, code, file) {
  try {
    return ins.module.instrumentSync(code, file);
  } catch {
    return ins.script.instrumentSync(code, file);
  }
}

function dependencyClosure(names) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8'));
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep);
  };
  names.forEach(visit);
  return [...seen];
}

/**
 * The files each library loads when imported as libs.mjs does (its other builds, such as
 * UMD or minified copies, are copied as they are): paths relative to the package, a
 * trailing slash for a whole directory.
 */
const LOADED = {
  acorn: ['dist/acorn.mjs'],
  'js-yaml': ['dist/js-yaml.mjs'],
  marked: ['lib/marked.esm.js'],
  semver: ['index.js', 'preload.js', 'range.bnf', 'classes/', 'functions/', 'internal/', 'ranges/'],
  'fast-xml-parser': ['src/'],
};

function copyTree(from, to, instrumentFile, rel = '') {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    const relPath = rel + entry.name;
    if (entry.isDirectory()) copyTree(src, dst, instrumentFile, `${relPath}/`);
    else if (instrumentFile?.selects(relPath)) fs.writeFileSync(dst, instrumentFile.run(fs.readFileSync(src, 'utf8'), dst));
    else fs.copyFileSync(src, dst);
  }
}

/** Creates the istanbul root under `dir` for `libs`; returns the path of its libs.mjs. */
export function prepareIstanbulRoot(dir, libs) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  const ins = istanbulInstrumenters();
  for (const name of dependencyClosure(libs)) {
    const loaded = LOADED[name];
    if (libs.includes(name) && !loaded) throw new Error(`no list of loaded files for library '${name}'`);
    const instrumentFile = loaded && {
      selects: (rel) => /\.(js|mjs|cjs)$/.test(rel) && loaded.some((p) => (p.endsWith('/') ? rel.startsWith(p) : rel === p)),
      run: (code, file) => instrumentWithIstanbul(ins, code, file),
    };
    copyTree(path.join(ROOT, 'node_modules', name), path.join(dir, 'node_modules', name), instrumentFile);
  }
  const libsModule = path.join(dir, 'libs.mjs');
  fs.copyFileSync(path.join(ROOT, 'bench', 'exec', 'libs.mjs'), libsModule);
  return libsModule;
}
