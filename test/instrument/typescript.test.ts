/** TypeScript and JSX: types stripped, blocks at ORIGINAL positions, maps to the original. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { instrument, InstrumentError, stripTypes } from '../../src/instrument/index.js';
import { load, positionOf, tmp } from './harness.js';

const TS = `enum Color { Red = 1, Green = Red * 2 }
namespace Geo { export const unit: number = Color.Green > 1 ? 10 : 1; }
interface Shape { area(): number }
type Id = string;
function log(tag: string) { return (target: any, key?: any) => { calls.push(tag + ':' + String(key ?? target.name)); }; }
const calls: string[] = [];
@log('class')
class Square implements Shape {
  @log('member') area(): number { return this.side * this.side; }
  constructor(private readonly side: number = Geo.unit) {}
}
function over(x: string): string;
function over(x: any): any { return (x as string).toUpperCase(); }
export const result = [Color.Green, Color[1], new Square().area(), new Square(3).area(), over('a'), calls];
`;

test('TypeScript: enums, namespaces, parameter properties, decorators run as tsc would', async () => {
  const m = await load(TS, 'module', '.ts');
  assert.deepEqual(m.exports.result, [2, 'Red', 100, 9, 'A', ['member:area', 'class:Square']]);
  assert.equal(m.hits('return this.side'), 2);
  assert.equal(m.hits('Geo.unit'), 1, 'default of a parameter property');
  assert.equal(m.hits('10 :'), 1);
  assert.equal(m.hits('1; }'), 0);
  // Block positions are in the original TS text, not in the stripped JS.
  const b = m.block(m.blockOf('return (x as string)'));
  assert.deepEqual([b.startLine, b.startCol], positionOf(TS, 'return (x as string)'));
});

test('the source map of TS output maps back to the original TS file', () => {
  const filename = path.join(tmp, 'mapped.ts');
  const r = instrument(TS, { filename, kind: 'module' });
  const map = new TraceMap(r.map as any);
  const lines = r.code.split('\n');
  const line = lines.findIndex((l) => l.includes('toUpperCase'));
  assert.ok(line >= 0);
  const col = lines[line]!.indexOf('toUpperCase');
  const orig = originalPositionFor(map, { line: line + 1, column: col });
  assert.equal(orig.source, filename);
  assert.deepEqual([orig.line, orig.column], positionOf(TS, 'toUpperCase'));
  assert.equal(r.map.sourcesContent?.[0], TS);
});

test('the source map of JS output maps inserted code around original positions', () => {
  const src = 'const a = 1;\nexport function f(x) {\n  return x === a ? "same" : "other";\n}\n';
  const filename = path.join(tmp, 'mapped.mjs');
  const r = instrument(src, { filename, kind: 'module' });
  const lines = r.code.split('\n');
  assert.equal(lines.length, src.split('\n').length, 'no line added');
  const col = lines[2]!.indexOf('"other"');
  const orig = originalPositionFor(new TraceMap(r.map as any), { line: 3, column: col });
  assert.deepEqual([orig.line, orig.column], positionOf(src, '"other"'));
});

test('JSX and TSX: automatic runtime, blocks inside expression containers', async () => {
  const react = path.join(tmp, 'node_modules', 'react');
  fs.mkdirSync(react, { recursive: true });
  fs.writeFileSync(path.join(react, 'package.json'), JSON.stringify({ name: 'react', exports: { './jsx-runtime': { import: './jsx.mjs', require: './jsx.cjs' } } }));
  const body = 'export const jsx = (t, p) => ({ t, p }); export const jsxs = jsx; export const Fragment = "F";';
  fs.writeFileSync(path.join(react, 'jsx.mjs'), body);
  fs.writeFileSync(path.join(react, 'jsx.cjs'), 'const jsx = (t, p) => ({ t, p }); module.exports = { jsx, jsxs: jsx, Fragment: "F" };');
  const src = 'export function View(props: { on?: boolean }) {\n  return <div id="v">{props.on && <b>on</b>}</div>;\n}\nexport const result = [View({ on: true }), View({})];\n';
  const m = await load(src, 'module', '.tsx');
  assert.deepEqual(m.exports.result[0], { t: 'div', p: { id: 'v', children: { t: 'b', p: { children: 'on' } } } });
  assert.equal(m.exports.result[1].p.children, undefined);
  assert.equal(m.hits('<b>on</b>'), 1);
  const cjs = await load('const el = <i>x</i>;\nmodule.exports.result = el;\n', 'commonjs', '.jsx');
  assert.deepEqual(cjs.exports.result, { t: 'i', p: { children: 'x' } });
});

test('stripTypes: TS that is not instrumented still runs, plain JS is untouched', () => {
  const js = 'export const a = 1;';
  assert.deepEqual(stripTypes(js, { filename: '/x/a.mjs', kind: 'module' }), { code: js, map: null });
  const ts = stripTypes('@d class A {}\nfunction d(c: any) { c.tagged = true; }\nexport const t: boolean = (A as any).tagged;\n', { filename: '/x/a.ts', kind: 'module' });
  assert.ok(!ts.code.includes(': boolean'));
  assert.ok(ts.map);
  const run = new Function(ts.code.replace(/export const t =/, 'return'));
  assert.equal(run(), true);
});

test('a syntax error gives an InstrumentError naming file, line and reason', () => {
  const bad = 'const ok = 1;\nfunction (\n';
  assert.throws(
    () => instrument(bad, { filename: '/src/bad.js', kind: 'module' }),
    (e: unknown) => e instanceof InstrumentError && e.file === '/src/bad.js' && e.line === 2 && /bad\.js:2:\d+: cannot instrument: syntax error/.test(e.message),
  );
  assert.throws(() => instrument('return 1;', { filename: '/src/esm.mjs', kind: 'module' }), InstrumentError);
  assert.doesNotThrow(() => instrument('return 1;', { filename: '/src/cjs.cjs', kind: 'commonjs' }));
  assert.throws(() => instrument('const x: number = <div/>;', { filename: '/src/a.ts', kind: 'module' }), InstrumentError);
});
