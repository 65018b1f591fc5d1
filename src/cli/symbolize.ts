/**
 * `kcovjs symbolize [--manifest PATH] [--all]`: reads PCs (hex, one per line) on stdin and
 * prints, for each, `0x<pc>` and `<path>:<sl>.<sc>,<el>.<ec>`, like `runsc symbolize`.
 */
import { parseArgs } from 'node:util';
import { Manifest, defaultManifestPath } from '../runtime/manifest.js';
import { Symbolizer, SymbolizeError, formatRange, parsePc } from '../symbolize/index.js';

const HELP = `usage: kcovjs symbolize [--manifest PATH] [--all] < pcs.txt

Reads PCs, one per line in hex (with or without 0x), and prints two lines for each:
  0x<pc>
  <path>:<startLine>.<startCol>,<endLine>.<endCol>
PCs adjusted by consumers (pc-1 .. pc-7) resolve to the block at pc.
  --manifest PATH  manifest to read (default: $KCOVJS_MANIFEST or .kcovjs/manifest.json)
  --all            print every block instead of reading stdin
`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Entry point of `kcovjs symbolize`. */
export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { manifest: { type: 'string' }, all: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const manifest = new Manifest(values.manifest ?? process.env.KCOVJS_MANIFEST ?? defaultManifestPath());
  const symbolizer = new Symbolizer(manifest);
  const out: string[] = [];
  const flush = () => {
    if (out.length) process.stdout.write(out.join(''));
    out.length = 0;
  };
  if (values.all) {
    for (const s of symbolizer.allBlocks()) {
      out.push(`0x${s.pc.toString(16)}\n${formatRange(s.path, s.range)}\n`);
      if (out.length > 4096) flush();
    }
    flush();
    return 0;
  }
  let failed = 0;
  for (const line of (await readStdin()).split(/\r?\n/)) {
    if (line.trim() === '') continue;
    try {
      const pc = parsePc(line);
      const s = symbolizer.lookup(pc);
      out.push(`0x${pc.toString(16)}\n${formatRange(s.path, s.range)}\n`);
    } catch (err) {
      if (!(err instanceof SymbolizeError)) throw err;
      flush();
      process.stderr.write(`kcovjs symbolize: ${err.message}\n`);
      failed++;
    }
  }
  flush();
  return failed > 0 ? 1 : 0;
}
