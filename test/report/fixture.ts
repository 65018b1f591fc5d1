/**
 * The consumer tests' real program: test/fixtures/consumers/yaml-app.mjs, which parses YAML
 * with js-yaml, run through the kcovjs CLI with its own manifest.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, REPO, runCli, tmpDir } from '../helpers.js';

/** The program, relative to the repository root (the paths reports print). */
export const APP = 'test/fixtures/consumers/yaml-app.mjs';
/** What to instrument: the program and js-yaml. */
export const FILTER = `${APP},node_modules/js-yaml/**`;
/** js-yaml's ESM build, as reports name it. */
export const YAML = 'node_modules/js-yaml/dist/js-yaml.mjs';

/** Source lines of the program that tests look for (1-based). */
export const LINES = {
  parseAll: lineOf('export function parseAll'),
  workerOnly: lineOf("console.log('worker'"),
  neverCalledBody: lineOf('if (x > 1) return x * 2;'),
  throwLine: lineOf("if (how === 'throw')"),
};

function lineOf(text: string): number {
  const src = fs.readFileSync(path.join(FIXTURES, 'consumers', 'yaml-app.mjs'), 'utf8').split('\n');
  const i = src.findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`fixture line '${text}' not found`);
  return i + 1;
}

/** A scratch directory with its own manifest, so tests do not share PCs. */
export function workspace(): { dir: string; manifest: string; env: Record<string, string> } {
  const dir = tmpDir('kcovjs-consumers-');
  const manifest = path.join(dir, 'manifest.json');
  return { dir, manifest, env: { KCOVJS_ROOT: REPO, KCOVJS_MANIFEST: manifest } };
}

/** `path:sl.sc,el.ec` parsed. */
export function parseRange(line: string): { path: string; sl: number; sc: number; el: number; ec: number } {
  const m = /^(.+):(\d+)\.(\d+),(\d+)\.(\d+)$/.exec(line);
  if (!m) throw new Error(`not a range: '${line}'`);
  const [sl, sc, el, ec] = m.slice(2).map(Number) as [number, number, number, number];
  return { path: m[1]!, sl, sc, el, ec };
}

/** Symbolizes PCs through `kcovjs symbolize`; returns the range line of each. */
export function symbolize(manifest: string, pcs: readonly string[]): string[] {
  const r = runCli(['symbolize', '--manifest', manifest], { input: pcs.map((p) => `${p}\n`).join('') });
  if (r.status !== 0) throw new Error(`symbolize failed: ${r.stderr}`);
  const lines = r.stdout.trimEnd().split('\n');
  return lines.filter((_, i) => i % 2 === 1);
}
