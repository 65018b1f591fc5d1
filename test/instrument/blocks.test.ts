/** One test per block rule of docs/blocks.md: run instrumented code, check the counters. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './harness.js';

test('function entry: declarations, expressions, concise arrows, methods, getters, setters', async () => {
  const m = await load(`
export function decl() { return 1 }
export const expr = function () { return 2 };
export const arrow = (x) => x + 1;
export const obj = { method() { return 3 }, get g() { return 4 }, set s(v) { this.v = v } };
export function never() { return 5 }
`);
  m.exports.decl();
  m.exports.decl();
  m.exports.expr();
  assert.equal(m.exports.arrow(1), 2);
  m.exports.obj.method();
  void m.exports.obj.g;
  m.exports.obj.s = 1;
  assert.equal(m.hits('return 1'), 2);
  assert.equal(m.hits('return 2'), 1);
  assert.equal(m.hits('x + 1'), 1);
  assert.equal(m.hits('return 3'), 1);
  assert.equal(m.hits('return 4'), 1);
  assert.equal(m.hits('this.v = v'), 1);
  assert.equal(m.hits('return 5'), 0);
  assert.equal(m.hits('export function decl'), 1, 'module body block');
});

test('empty function bodies and class static blocks and field initialisers are blocks', async () => {
  const m = await load(`
export function empty() {}
let ran = 0;
export class K { static { ran++; } a = ran * 2; static b = 7; }
export const made = () => new K();
`);
  m.exports.empty();
  m.exports.made();
  m.exports.made();
  const empty = m.module.counters[m.blockOf('export function empty') + 1]!;
  assert.equal(empty, 1, 'empty body block after module block');
  assert.equal(m.hits('ran++'), 1);
  assert.equal(m.hits('ran * 2'), 2);
  assert.equal(m.hits('7'), 1);
});

test('if/else arms and the synthetic else of an if without else', async () => {
  const m = await load(`
export function f(x) {
  if (x > 0) { return 'pos'; } else { return 'neg'; }
}
export function g(x) {
  let r = 0;
  if (x) r = 1;
  return r;
}
`);
  f(m.exports.f, [1, 2, -1]);
  assert.equal(m.hits("return 'pos'"), 2);
  assert.equal(m.hits("return 'neg'"), 1);
  m.exports.g(true);
  m.exports.g(false);
  m.exports.g(false);
  assert.equal(m.hits('r = 1'), 1);
  // The synthetic else is recorded at the condition (statements 0).
  const synthetic = m.blockOf('x) r = 1');
  assert.equal(m.block(synthetic).statements, 0);
  assert.equal(m.module.counters[synthetic], 2);
  assert.equal(m.hits('return r'), 3, 'code after the if is a block');
});

function f(fn: (x: number) => unknown, inputs: number[]): void {
  for (const i of inputs) fn(i);
}

test('switch: each case is a block, synthetic default is not reached by fallthrough', async () => {
  const m = await load(`
export function s(x) {
  const out = [];
  switch (x) {
    case 1: out.push('one');
    case 2: out.push('two'); break;
    case 3:
  }
  return out.join();
}
`);
  assert.equal(m.exports.s(1), 'one,two');
  assert.equal(m.exports.s(2), 'two');
  assert.equal(m.exports.s(3), '');
  assert.equal(m.exports.s(9), '');
  assert.equal(m.exports.s(9), '');
  assert.equal(m.hits("out.push('one')"), 1);
  assert.equal(m.hits("out.push('two')"), 2, 'case 2 entered by match and by fallthrough');
  const synthetic = m.blockOf('x) {', 1);
  assert.equal(m.module.counters[synthetic], 2, 'default only when nothing matches');
  assert.equal(m.module.counters[synthetic + 3], 1, 'empty case 3 still counts');
});

test('loop bodies and the code after loops', async () => {
  const m = await load(`
export function loops(n) {
  let t = 0;
  for (let i = 0; i < n; i++) t += i;
  while (t > 100) t -= 100;
  do { t++; } while (t < 3);
  for (const k in { a: 1, b: 2 }) t += k.length;
  return t;
}
`);
  m.exports.loops(4);
  assert.equal(m.hits('t += i'), 4);
  assert.equal(m.hits('t -= 100'), 0);
  assert.equal(m.hits('t++'), 1);
  assert.equal(m.hits('t += k.length'), 2);
  assert.equal(m.hits('while (t > 100)'), 1, 'after the for loop');
  assert.equal(m.hits('return t'), 1);
});

test('try, catch, finally, and the code after jumps', async () => {
  const m = await load(`
export function t(x) {
  try { if (x) throw new Error('x'); return 'ok'; } catch (e) { return 'caught'; } finally { globalThis.__fin = (globalThis.__fin ?? 0) + 1; }
}
export function dead() { return 1; globalThis.__never = 1; }
`);
  assert.equal(m.exports.t(true), 'caught');
  assert.equal(m.exports.t(false), 'ok');
  assert.equal(m.hits("return 'ok'"), 1, 'after an if that can throw');
  assert.equal(m.hits("return 'caught'"), 1);
  assert.equal(m.hits('globalThis.__fin ='), 2);
  m.exports.dead();
  assert.equal(m.hits('globalThis.__never'), 0);
});

test('short-circuit operands, conditional arms, logical assignment', async () => {
  const m = await load(`
export function ops(a, b) {
  const x = a && b.v;
  const y = a || 'dflt';
  const z = a ?? 'nul';
  const w = a ? 'yes' : 'no';
  let q = a; q ||= 'q'; q &&= q + '!'; q ??= 'never';
  return [x, y, z, w, q];
}
`);
  assert.deepEqual(m.exports.ops(0, null), [0, 'dflt', 0, 'no', 'q!']);
  assert.deepEqual(m.exports.ops(1, { v: 2 }), [2, 1, 1, 'yes', '1!']);
  assert.equal(m.hits('b.v'), 1);
  assert.equal(m.hits("'dflt'"), 1);
  assert.equal(m.hits("'nul'"), 0);
  assert.equal(m.hits("'yes'"), 1);
  assert.equal(m.hits("'no'"), 1);
  assert.equal(m.hits("'q'"), 1);
  assert.equal(m.hits("q + '!'"), 2);
  assert.equal(m.hits("'never'"), 0);
});

test('optional chaining continuation, default parameters', async () => {
  const m = await load(`
export function oc(o, k) { return [o?.[k], o?.f?.(k)]; }
export function dp(a = 'A', { b = 'B' } = {}) { return a + b; }
`);
  assert.deepEqual(m.exports.oc(null, 'x'), [undefined, undefined]);
  assert.deepEqual(m.exports.oc({ x: 1, f: (v: string) => v + '!' }, 'x'), [1, 'x!']);
  assert.equal(m.hits('k]'), 1);
  assert.equal(m.hits('k)]'), 1);
  assert.equal(m.exports.dp(), 'AB');
  assert.equal(m.exports.dp('a', { b: 'b' }), 'ab');
  assert.equal(m.hits("'A'"), 1);
  assert.equal(m.hits("'B'"), 1);
  assert.equal(m.hits('{}'), 1);
  assert.equal(m.exports.dp(undefined, {}), 'AB');
  assert.equal(m.hits("'A'"), 2, 'an explicit undefined runs the default too');
  assert.match(String(m.exports.dp), /^function dp\(a = 'A', \{ b = /, 'a top-level default reads as written');
});

test('default parameters of arrows, generators and arguments users stay in the parameter list', async () => {
  const m = await load(`
export const arrow = (a = 1) => a;
export function* gen(a = 2) { yield a; }
export function args(a = 3) { return arguments.length + a; }
`);
  assert.equal(m.exports.arrow(), 1);
  assert.equal(m.exports.gen().next().value, 2);
  assert.equal(m.exports.args(), 3);
  for (const lit of ['1', '2', '3']) assert.equal(m.hits(lit), 1, lit);
});

test('resumption after await and yield is a block', async () => {
  const m = await load(`
export async function aw(p) { const v = await p; return v * 2; }
export function* gen() { const got = yield 1; yield got + 1; }
`);
  assert.equal(await m.exports.aw(Promise.resolve(21)), 42);
  assert.equal(m.hits('await p'), 1);
  const it = m.exports.gen();
  assert.deepEqual(it.next(), { value: 1, done: false });
  assert.equal(m.hits('yield 1'), 0, 'not resumed yet');
  assert.deepEqual(it.next(5), { value: 6, done: false });
  assert.equal(m.hits('yield 1'), 1);
  assert.equal(m.hits('yield got'), 0);
});

test('block table: indices in source order, ranges and statement counts', async () => {
  const m = await load(`export function a() { let x = 1;\n  x++;\n  return x; }\nexport const b = () => 2;\n`);
  const body = m.block(m.blockOf('let x'));
  assert.deepEqual(body, { startLine: 1, startCol: 22, endLine: 3, endCol: 11, statements: 3 });
  let last = 0;
  for (let i = 0; i < m.result.blocks; i++) {
    const b = m.block(i);
    const key = b.startLine * 1e6 + b.startCol;
    assert.ok(key >= last, `block ${i} starts before block ${i - 1}`);
    last = key;
  }
  assert.equal(m.result.table.b.length, m.result.blocks * 5);
});

test('positions are UTF-16 columns in the original text, CRLF line ends count once', async () => {
  const src = 'const s = "\u{1F600}\u00e9\u{1F600}";\r\nexport function f() { return s.length; }\r\n';
  const m = await load(src);
  assert.equal(m.exports.f(), 5);
  const b = m.block(m.blockOf('return s.length'));
  assert.deepEqual([b.startLine, b.startCol], [2, 22]);
  assert.equal(m.hits('return s.length'), 1);
});
