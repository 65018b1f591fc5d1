// Differential driver: parses every input file with one library and prints one line per
// file, "<file>\t<sha1 of the serialized result>" or "<file>\tERROR <message>". Run plain
// and with the library instrumented; the two outputs must be identical.
//   node parse.mjs <acorn|esprima|yaml|yaml-min|marked> <list-file> <root>
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const [tool, listFile, root] = process.argv.slice(2);
const require = createRequire(path.join(root, 'package.json'));
const digest = (v) => createHash('sha1').update(typeof v === 'string' ? v : JSON.stringify(v)).digest('hex');

async function parser() {
  switch (tool) {
    case 'acorn': {
      const acorn = await import(require.resolve('acorn').replace(/\.js$/, '.mjs'));
      return (text) => {
        const opts = { ecmaVersion: 'latest', locations: true, allowHashBang: true };
        try { return acorn.parse(text, { ...opts, sourceType: 'module' }); } catch (e) {
          return { script: acorn.parse(text, { ...opts, sourceType: 'script', allowReturnOutsideFunction: true }), moduleError: e.message };
        }
      };
    }
    case 'esprima': {
      const esprima = require('esprima');
      return (text) => {
        const body = text.replace(/^#!.*/, '');
        try { return esprima.parseModule(body, { range: true, loc: true, tokens: true }); } catch (e) {
          return { script: esprima.parseScript(body, { range: true, tolerant: true }), moduleError: e.message };
        }
      };
    }
    case 'yaml': {
      const yaml = (await import(require.resolve('js-yaml'))).default ?? (await import(require.resolve('js-yaml')));
      // YAML files are loaded; JSON files are dumped to YAML and loaded back.
      return (text, file) => {
        if (!file.endsWith('.json')) return yaml.loadAll(text);
        const dumped = yaml.dump(JSON.parse(text), { noRefs: true, sortKeys: true });
        return { dumped, back: yaml.load(dumped) };
      };
    }
    case 'yaml-min': {
      // The minified build of the same library: minifiers' spacing is a hazard of its own.
      const yaml = require(path.join(root, 'node_modules', 'js-yaml', 'dist', 'js-yaml.min.js'));
      return (text, file) => {
        if (!file.endsWith('.json')) return yaml.loadAll(text);
        const dumped = yaml.dump(JSON.parse(text), { noRefs: true, sortKeys: true });
        return { dumped, back: yaml.load(dumped) };
      };
    }
    case 'marked': {
      const { marked } = await import(require.resolve('marked'));
      return (text) => ({ html: marked.parse(text, { async: false }), tokens: marked.lexer(text).length });
    }
    default:
      throw new Error(`unknown tool ${tool}`);
  }
}

const parse = await parser();
const out = [];
for (const rel of readFileSync(listFile, 'utf8').split('\n').filter(Boolean)) {
  let line;
  try {
    line = digest(parse(readFileSync(path.join(root, rel), 'utf8'), rel));
  } catch (e) {
    line = `ERROR ${String(e && e.message).split('\n')[0]}`;
  }
  out.push(`${rel}\t${line}`);
}
process.stdout.write(out.join('\n') + '\n');
