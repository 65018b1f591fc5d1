// Stack traces in an ES module, including async frames: the original lines must show.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
const base = path.basename(fileURLToPath(import.meta.url));
const lines = (e) => e.stack.split('\n').slice(1).filter((l) => l.includes(base))
  .map((l) => (l.includes('async') ? 'async:' : '') + l.slice(l.lastIndexOf(base) + base.length).split(':')[1]).join(' ');
async function level3() { await null; throw new TypeError('async deep'); }
async function level2() { const r = await level3(); return r; }
const level1 = async () => { try { await level2(); } catch (e) { return lines(e); } };
console.log(await level1());
class Parser { parse(s) { if (!s) { throw new SyntaxError('empty'); } return s; } }
try { new Parser().parse(''); } catch (e) { console.log(lines(e)); }
function* gen() { yield 1; throw new Error('from generator'); }
try { for (const x of gen()) void x; } catch (e) { console.log(lines(e)); }
