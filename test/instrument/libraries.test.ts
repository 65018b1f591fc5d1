/** Whole real libraries, instrumented, must give the same output as the plain ones. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as acornPlain from 'acorn';
import { load } from './harness.js';

/** A file of an installed package (dist/test/instrument -> the project's node_modules). */
const installed = (rel: string): URL => new URL(`../../../node_modules/${rel}`, import.meta.url);

const JS_INPUTS = [
  'let x = a ? b : c; for (const [k, v] of Object.entries(o)) { if (k in y) continue; }',
  'async function* f(a = 1, ...r) { yield* await g?.(a) ?? r; } class A extends B { #p = 1; static { this.q = 2 } }',
  'label: while (true) { switch (x) { case 1: break label; default: x = `t${x}` } }',
];

test('acorn instrumented parses like plain acorn', async () => {
  const source = fs.readFileSync(installed('acorn/dist/acorn.js'), 'utf8');
  const m = await load(source, 'commonjs');
  assert.ok(m.result.blocks > 1000, `only ${m.result.blocks} blocks`);
  for (const input of JS_INPUTS) {
    const opts = { ecmaVersion: 'latest', sourceType: 'module', locations: true } as const;
    assert.deepEqual(JSON.parse(JSON.stringify(m.exports.parse(input, opts))), JSON.parse(JSON.stringify(acornPlain.parse(input, opts))));
  }
  assert.throws(() => m.exports.parse('let let = 1', { ecmaVersion: 'latest' }), /Unexpected|let/);
  const hit = m.module.counters.filter((c) => c > 0).length;
  assert.ok(hit > 300, `only ${hit} blocks hit`);
});

test('js-yaml instrumented loads and dumps like plain js-yaml', async () => {
  const url = installed('js-yaml/dist/js-yaml.mjs');
  const yamlPlain = await import(url.href);
  const source = fs.readFileSync(url, 'utf8');
  const m = await load(source, 'module');
  const docs = [
    'a: 1\nb: [x, y, {z: 2.5}]\nc: |\n  block\n  text\n',
    '- &anchor {k: v}\n- *anchor\n- !!str 123\n- null\n- 2001-12-14t21:59:43.10-05:00\n',
    'key: "quoted \\u00e9"\nmulti: >\n  folded\n  line\n',
  ];
  for (const doc of docs) {
    const plain = yamlPlain.load(doc);
    assert.deepEqual(m.exports.load(doc), plain);
    assert.equal(m.exports.dump(plain), yamlPlain.dump(plain));
  }
  assert.throws(() => m.exports.load('a: [1, 2'), (e: any) => e.name === 'YAMLException');
  assert.ok(m.module.counters.some((c) => c > 0));
});
