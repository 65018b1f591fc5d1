/**
 * Hazard classes (reference/js-coverage-landscape.md section 7): instrumented code must
 * behave exactly like the plain code. Each test runs both and compares.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SourceKind } from '../../src/instrument/index.js';
import { load, loadPlain } from './harness.js';

async function same(source: string, kind: SourceKind = 'module'): Promise<{ plain: any; instr: any }> {
  const plain = await loadPlain(source, kind);
  const loaded = await load(source, kind);
  const run = (ns: any): unknown => (kind === 'module' ? ns.result : ns.result ?? ns);
  assert.deepEqual(run(loaded.exports), run(plain));
  return { plain, instr: loaded.exports };
}

test('hashbang and directive prologues stay first; line numbers do not move', async () => {
  const src = '#!/usr/bin/env node\n"use strict"\nmodule.exports.result = [(function () { return this === undefined; })(), new Error().stack.split("\\n")[1].match(/:(\\d+):/)[1]];\n';
  const { instr } = await same(src, 'commonjs');
  assert.equal(instr.result[0], true, 'still strict');
  const fn = await load('export const result = (function () { "use strict"; return this; })();');
  assert.equal(fn.exports.result, undefined, 'function directive kept first');
  const loose = await load('module.exports.result = typeof (() => "ok")();\n', 'commonjs');
  assert.ok(loose.result.code.startsWith(';const '), 'preamble at the start when there is no prologue');
});

test('name inference survives in every naming position', async () => {
  await same(`
const v = function () {}; const a = () => {}; const c = class {};
function p(d = () => {}) { return d.name; }
const o = { prop: function () {} };
class F { field = () => {}; static sf = function () {}; #pf = class {}; pf() { return this.#pf.name; } }
let la; la ||= () => {};
let { dz = function () {} } = {};
export default function () {}
const f = new F();
export const result = [v.name, a.name, c.name, p(), o.prop.name, f.field.name, F.sf.name, f.pf(), la.name, dz.name, (x => x).name];
`);
});

test('no expression is evaluated twice (getters, switch discriminant, compares)', async () => {
  await same(`
let reads = 0;
const o = { get v() { reads++; return reads; } };
const r1 = o.v === 1 ? 'a' : 'b';
switch (o.v) { case 2: break; default: reads += 100; }
const r2 = o.v || o.v;
export const result = [r1, r2, reads];
`);
});

test('TDZ, this, arguments, new.target and super keep their meaning', async () => {
  await same(`
let tdz;
try { tdz = (() => early === 1)(); } catch (e) { tdz = e.constructor.name; }
let early = 1;
function args(a, b = arguments.length) { return [arguments.length, b]; }
function Nt() { return new.target === Nt; }
class B { m() { return 'base'; } }
class D extends B { m() { return super.m() + (this instanceof D ? '!' : '?'); } f = () => this.constructor.name; }
export const result = [tdz, args(1), args(1, 2), new Nt() instanceof Nt, Nt(), new D().m(), new D().f()];
`);
});

test('labels: counters go before the label, labelled jumps work', async () => {
  const { instr } = await same(`
let out = [];
outer: for (let i = 0; i < 3; i++) { inner: for (let j = 0; j < 3; j++) { if (j === 1) continue outer; if (i === 2) break outer; out.push(i * 10 + j); } }
blk: { out.push('in'); if (out.length) break blk; out.push('never'); }
export const result = out;
`);
  assert.deepEqual(instr.result, [0, 10, 'in']);
});

test('sloppy function declarations as if bodies are left unbraced (Annex B)', async () => {
  await same(`
if (true) function annexB() { return 'b'; }
module.exports.result = typeof annexB === 'function' ? annexB() : 'missing';
`, 'commonjs');
});

test('CommonJS stays a sloppy script: top-level return, with, legacy octal, HTML comments', async () => {
  await same(`
var o = { w: 8 };
var r;
with (o) { r = w + 010; }
<!-- an HTML-like comment
module.exports.result = [r, typeof this];
return;
module.exports.result = 'after return';
`, 'commonjs');
});

test('ASI hazards: statements that end without semicolons', async () => {
  await same(`
function a(x) {
  if (x) return x
  ;[1].forEach(() => {})
  let y = x
  for (;;) { break }
  ;(y = 2)
  return y
}
export const result = [a(0), a(5)]
`);
});

test('a file that declares its own globalThis, and a file that mentions the prefix', async () => {
  const shadow = await same(`
var globalThis = { mine: true };
module.exports.result = [globalThis.mine, typeof __kcov];
`, 'commonjs');
  assert.deepEqual(shadow.instr.result, [true, 'undefined']);
  await same('const __kcov = 1, __kcov0 = 2; export const result = __kcov + __kcov0 === 3 ? "ok" : "bad";');
});

test('generators and async functions keep their results and order', async () => {
  const { instr } = await same(`
function* g(n) { for (let i = 0; i < n; i++) { const back = yield i; if (back) return back; } }
async function h(xs) { let s = 0; for (const x of xs) s += await x; for await (const y of xs) s += y; return s; }
const it = g(3);
export const result = [it.next().value, it.next().value, it.next('stop'), await h([1, Promise.resolve(2)])];
`);
  assert.deepEqual(instr.result[2], { value: 'stop', done: true });
});

test('with bodies see no instrumentation names; U+2028 in literals does not shift lines', async () => {
  await same(`
const seen = [];
const scope = new Proxy({ x: 2 }, { has(t, k) { if (typeof k === 'string') seen.push(k); return k in t; } });
with (scope) { if (x > 1) x = x === 2 ? 3 : 4; }
const sep = ['\\u2028', '\\u2029'];
module.exports.result = [seen, sep.length, new Error().stack.split('\\n')[1].match(/:(\\d+):/)[1]];
`, 'commonjs');
});
