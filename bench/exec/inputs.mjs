/**
 * Deterministic inputs for the execution benchmarks: each library gets a large document
 * generated from a fixed seed (or, for the JS parser, real source files from node_modules),
 * written once per run into a directory that every child reads.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, rngTools } from '../lib/util.mjs';

/** Real JS sources that the parser benchmark parses (as modules). */
export const JS_SOURCES = [
  'node_modules/marked/lib/marked.esm.js',
  'node_modules/js-yaml/dist/js-yaml.mjs',
];

function yamlDoc(size) {
  const { int, pick, word, words } = rngTools(0x9a41);
  const out = [];
  for (let i = 0; out.length < size; i++) {
    out.push(`item_${i}:`);
    out.push(`  name: ${word()}`);
    out.push(`  id: ${int(1, 1e6)}`);
    out.push(`  ratio: ${(int(0, 10000) / 100).toFixed(2)}`);
    out.push(`  enabled: ${pick(['true', 'false', 'yes', 'no', 'null'])}`);
    out.push(`  created: 20${int(10, 25)}-0${int(1, 9)}-1${int(0, 9)}`);
    out.push(`  tags: [${Array.from({ length: int(1, 5) }, word).join(', ')}]`);
    out.push('  description: |');
    for (let k = int(1, 3); k > 0; k--) out.push(`    ${words(int(4, 12))}`);
    out.push('  children:');
    for (let k = int(1, 4); k > 0; k--) {
      out.push(`    - key: "${word()}"`);
      out.push(`      value: ${int(-500, 500)}`);
      out.push(`      note: '${words(3)}'`);
    }
    if (i % 7 === 0) out.push(`  anchor_${i}: &a${i} { x: ${int(0, 9)}, y: ${int(0, 9)} }`, `  alias_${i}: *a${i}`);
  }
  return `${out.join('\n')}\n`;
}

function markdownDoc(size) {
  const { int, pick, word, words } = rngTools(0x3d11);
  const inline = () => {
    const parts = [];
    for (let k = int(5, 14); k > 0; k--) {
      const w = words(int(1, 4));
      parts.push(pick([w, `*${w}*`, `**${w}**`, `\`${word()}()\``, `[${w}](https://example.org/${word()})`, w, w]));
    }
    return parts.join(' ');
  };
  const out = [];
  for (let i = 0; out.join('\n').length < size; i++) {
    out.push(`${'#'.repeat(int(1, 4))} ${words(int(2, 5))}`, '');
    for (let k = int(1, 3); k > 0; k--) out.push(inline(), inline(), '');
    const kind = i % 5;
    if (kind === 0) {
      for (let k = int(2, 6); k > 0; k--) out.push(`- ${inline()}`);
      out.push('');
    } else if (kind === 1) {
      out.push('```js', `function ${word()}(a, b) {`, `  return a + b * ${int(1, 9)};`, '}', '```', '');
    } else if (kind === 2) {
      out.push('| name | value | note |', '| --- | ---: | :---: |');
      for (let k = int(2, 5); k > 0; k--) out.push(`| ${word()} | ${int(0, 999)} | ${words(2)} |`);
      out.push('');
    } else if (kind === 3) {
      out.push(`> ${inline()}`, `> ${inline()}`, '');
    } else {
      for (let k = 1; k <= int(2, 5); k++) out.push(`${k}. ${inline()}`);
      out.push('');
    }
  }
  return out.join('\n');
}

function semverCorpus(count) {
  const { int, pick } = rngTools(0x5e11);
  const version = () => {
    const v = `${int(0, 12)}.${int(0, 20)}.${int(0, 30)}`;
    return int(0, 9) === 0 ? `${v}-${pick(['alpha', 'beta', 'rc'])}.${int(0, 5)}` : v;
  };
  const versions = Array.from({ length: count }, version);
  const ranges = [];
  for (let i = 0; i < count / 4; i++) {
    const a = `${int(0, 12)}.${int(0, 20)}.${int(0, 30)}`;
    ranges.push(pick([
      `^${a}`, `~${a}`, `>=${a}`, `<${a}`, `${a} - ${int(0, 12)}.x`, `${int(0, 12)}.x`,
      `>=${a} <${int(0, 12)}.0.0`, `^${a} || ~${int(0, 12)}.${int(0, 20)}`, `*`, `${int(0, 12)}.${int(0, 20)}.x`,
    ]));
  }
  return JSON.stringify({ versions, ranges });
}

function xmlDoc(size) {
  const { int, pick, word, words } = rngTools(0x7c33);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<catalog generated="bench">'];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const lines = [
      `  <book id="b${i}" lang="${pick(['en', 'fr', 'de'])}" available="${pick(['true', 'false'])}">`,
      `    <title>${words(int(2, 6))}</title>`,
      `    <author first="${word()}" last="${word()}"/>`,
      `    <price currency="EUR">${int(1, 200)}.${int(10, 99)}</price>`,
      `    <year>${int(1900, 2025)}</year>`,
      `    <tags>${Array.from({ length: int(1, 4) }, () => `<tag>${word()}</tag>`).join('')}</tags>`,
      `    <summary><![CDATA[${words(int(5, 20))} & more]]></summary>`,
      `    <!-- entry ${i} -->`,
      '  </book>',
    ];
    length += lines.reduce((s, l) => s + l.length + 1, 0);
    out.push(...lines);
  }
  out.push('</catalog>');
  return `${out.join('\n')}\n`;
}

/**
 * Writes the inputs into `dir` and returns a description of each (file names and sizes).
 * `scale` shrinks the generated documents (1 = full size).
 */
export function writeInputs(dir, scale = 1) {
  fs.mkdirSync(dir, { recursive: true });
  const js = JS_SOURCES.map((p) => ({ path: p, text: fs.readFileSync(path.join(ROOT, p), 'utf8') }));
  const files = {
    acorn: JSON.stringify(scale >= 1 ? js : js.slice(1)),
    'js-yaml': yamlDoc(Math.round(5000 * scale)),
    marked: markdownDoc(Math.round(40_000 * scale)),
    semver: semverCorpus(Math.round(200 * scale)),
    'fast-xml-parser': xmlDoc(Math.round(80_000 * scale)),
  };
  const described = {};
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, `${name}.txt`), text);
    described[name] = { bytes: Buffer.byteLength(text) };
  }
  described.acorn.sources = (scale >= 1 ? js : js.slice(1)).map((s) => s.path);
  return described;
}
