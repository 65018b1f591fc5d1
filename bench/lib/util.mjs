/**
 * Shared helpers of the benchmark suite: a seeded PRNG for deterministic inputs, the
 * statistics we report (median, spread, geometric mean), a JSON-speaking child runner and
 * a description of the machine and software under test.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The kcovjs package directory (bench/ sits directly under it). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The `--import` entry of the kcovjs loader. */
export const REGISTER = path.join(ROOT, 'dist', 'src', 'loader', 'register.js');

/** mulberry32: a small seeded PRNG; returns floats in [0, 1). Same seed, same sequence. */
export function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Helpers over a PRNG: integers, picks and words. */
export function rngTools(seed) {
  const r = prng(seed);
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = (arr) => arr[Math.floor(r() * arr.length)];
  const syll = ['ka', 'lo', 'mi', 'ten', 'zu', 'ra', 'vo', 'pel', 'dri', 'ne', 'sho', 'qua'];
  const word = () => Array.from({ length: int(1, 3) }, () => pick(syll)).join('');
  const words = (n) => Array.from({ length: n }, word).join(' ');
  return { r, int, pick, word, words };
}

/** The q-quantile of a list of numbers (linear interpolation). */
export function quantile(values, q) {
  const v = [...values].sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const pos = (v.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}

/** Median of a list of numbers. */
export function median(values) {
  return quantile(values, 0.5);
}

/** Geometric mean of positive numbers. */
export function geomean(values) {
  if (values.length === 0) return NaN;
  return Math.exp(values.reduce((s, v) => s + Math.log(v), 0) / values.length);
}

/** "1.23x (1.10-1.31)": the median ratio and the min-max over repetitions. */
export function ratioCell(ratios, digits = 2) {
  if (ratios.length === 0) return 'n/a';
  const f = (x) => x.toFixed(digits);
  return `${f(median(ratios))}x (${f(Math.min(...ratios))}-${f(Math.max(...ratios))})`;
}

/** "12.3 (11.9-12.8)": median and min-max of plain values. */
export function valueCell(values, digits = 1) {
  if (values.length === 0) return 'n/a';
  const f = (x) => x.toFixed(digits);
  return `${f(median(values))} (${f(Math.min(...values))}-${f(Math.max(...values))})`;
}

/** A markdown table (GitHub flavour) from a header row and body rows. */
export function table(header, rows) {
  // A pipe inside a cell (even in a code span) would split it: escape it, as GFM allows.
  const line = (cells) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Rotates a list by `k` places: used to vary the order of variants between repetitions. */
export function rotate(list, k) {
  const n = list.length;
  return list.map((_, i) => list[(i + k) % n]);
}

/**
 * Runs `node [nodeArgs] script [args]` and returns the JSON object the child printed as its
 * last stdout line. Rejects with the child's stderr when it fails or prints no JSON.
 */
export function runJsonChild(script, args = [], { nodeArgs = [], env = {}, timeoutMs = 600_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop() ?? '';
      if (code === 0) {
        try {
          resolve(JSON.parse(last));
          return;
        } catch {
          // fall through to the error below
        }
      }
      const what = `${path.relative(ROOT, script)} ${args.join(' ')}`;
      reject(new Error(`bench child failed (${signal ?? `exit ${code}`}): ${what}\n${err.slice(-3000)}${out.slice(-1000)}`));
    });
  });
}

/** Installed version of a package, read from its package.json. */
export function packageVersion(name) {
  const require = createRequire(path.join(ROOT, 'package.json'));
  try {
    return require(`${name}/package.json`).version;
  } catch {
    return require(path.join(ROOT, 'node_modules', name, 'package.json')).version;
  }
}

/** One line naming the machine and Node. */
export function environmentLine() {
  const cpus = os.cpus();
  const model = cpus[0]?.model?.trim() ?? 'unknown CPU';
  return `Node ${process.version} (V8 ${process.versions.v8}), ${os.platform()} ${os.arch()}, ${model} x ${cpus.length} logical CPUs, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`;
}
