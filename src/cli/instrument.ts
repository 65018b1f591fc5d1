/**
 * `kcovjs instrument FILE`: prints the instrumented code of one file, for debugging.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { instrument } from '../instrument/index.js';
import { sourceKindOf } from '../loader/format.js';

const HELP = `usage: kcovjs instrument [--kind module|commonjs] [--table] FILE

Prints FILE as kcovjs would run it: with block counters and compare hooks.
  --kind    parse as an ES module or as CommonJS (default: as Node would load it)
  --table   print the block table (JSON) instead of the code
`;

/** Entry point of `kcovjs instrument`. */
export async function main(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { kind: { type: 'string' }, table: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`kcovjs instrument: expected one file\n\n${HELP}`);
    return 2;
  }
  const file = path.resolve(positionals[0]!);
  if (values.kind !== undefined && values.kind !== 'module' && values.kind !== 'commonjs') {
    process.stderr.write(`kcovjs instrument: --kind must be module or commonjs\n`);
    return 2;
  }
  const kind = values.kind ?? sourceKindOf(file);
  const out = instrument(fs.readFileSync(file, 'utf8'), { filename: file, kind });
  process.stdout.write(values.table ? `${JSON.stringify(out.table, null, 1)}\n` : out.code.endsWith('\n') ? out.code : `${out.code}\n`);
  return 0;
}
