/**
 * Generated code for the scaling benchmark: N modules of 250 small functions each (about
 * 1000 blocks per module with the kcovjs block rules), and in module 0 an `input(x)` that
 * calls 36 of those functions, hitting about 100 blocks. Module 0 is the same text at every
 * size, so the input does the same work whatever else is loaded.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Functions per generated module. */
export const FUNCTIONS_PER_MODULE = 250;
/** Functions that `input` calls. */
export const CALLED = 36;

function moduleText(index) {
  const lines = [];
  for (let f = 0; f < FUNCTIONS_PER_MODULE; f++) {
    lines.push(`export function f${f}(x) { if (x > ${f % 7}) { return x + ${f}; } return x - ${index + 1}; }`);
  }
  if (index === 0) {
    const calls = Array.from({ length: CALLED }, (_, f) => `  s += f${f}(x + ${f % 2});`);
    lines.push('export function input(x) {', '  let s = 0;', ...calls, '  return s;', '}');
  }
  return `${lines.join('\n')}\n`;
}

/** Writes `modules` generated modules under `dir/gen/` and returns their absolute paths. */
export function writeGenerated(dir, modules) {
  const gen = path.join(dir, 'gen');
  fs.mkdirSync(gen, { recursive: true });
  const files = [];
  for (let i = 0; i < modules; i++) {
    const file = path.join(gen, `m${i}.mjs`);
    fs.writeFileSync(file, moduleText(i));
    files.push(file);
  }
  return files;
}
