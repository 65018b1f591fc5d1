/**
 * Test helpers: a runtime with a throw-away manifest, and fake instrumented modules whose
 * blocks and compare sites are driven exactly as instrumented code drives them.
 * No side effects on import (node --test may load this file on its own).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { installRuntime, type ModuleHandle, type Runtime } from '../../src/runtime/registry.js';
import type { FileTable } from '../../src/abi/table.js';
import { KcovError, KCOV_INIT_TRACE, KCOV_ENABLE, KCOV_DISABLE, type ErrnoCode } from '../../src/abi/index.js';
import { open, type KcovFile } from '../../src/kcov/index.js';
import assert from 'node:assert/strict';

/** Installs this thread's runtime with a manifest in a fresh temp directory. */
export function setupRuntime(): Runtime {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kcovjs-kcov-'));
  return installRuntime({ root, manifest: path.join(root, '.kcovjs', 'manifest.json') });
}

/** A compare site of a fake module: operator code (or SITE_SWITCH) and literal mask. */
export interface FakeSite {
  kind: number;
  constMask: number;
  cases?: Array<string | number>;
}

/** A registered fake module. */
export interface FakeModule {
  handle: ModuleHandle;
  /** Runs block i the way instrumented code does. */
  hit(i: number): void;
  /** Low 32 bits of block i's PC. */
  pcLow(i: number): number;
  /** Full PC of block i. */
  pc(i: number): bigint;
  /** Full PC of compare site s. */
  sitePc(s: number): bigint;
}

let moduleCount = 0;

/** Registers a fake module of `blocks` blocks and the given compare sites. */
export function fakeModule(rt: Runtime, blocks: number, sites: FakeSite[] = []): FakeModule {
  const name = `fake${moduleCount++}.js`;
  const table: FileTable = { b: [], s: [], c: {}, l: [] };
  for (let i = 0; i < blocks; i++) table.b.push(i + 1, 0, i + 1, 10, 1);
  sites.forEach((s, i) => {
    table.s.push(100 + i, 0, 100 + i, 5, s.kind, s.constMask);
    if (s.cases) table.c[String(i)] = s.cases;
  });
  const json = JSON.stringify(table);
  const hash = createHash('sha1').update(name + json).digest('hex');
  const handle = rt.register(path.join(rt.root, name), hash, blocks, sites.length, json);
  const entry = rt.modules[rt.modules.length - 1]!.entry;
  const pcLow = (i: number): number => 0x80000000 + 8 * (entry.base + i);
  return {
    handle,
    hit(i) {
      // Exactly what the instrumenter emits for a block.
      void (handle.c[i]!++ || handle.h(i));
    },
    pcLow,
    pc: (i) => 0xffffffff00000000n + BigInt(pcLow(i)),
    sitePc: (s) => 0xffffffff00000000n + BigInt(pcLow(blocks + s)),
  };
}

/** Asserts that `fn` throws a KcovError with the given code (and syscall, if given). */
export function throwsErrno(fn: () => unknown, code: ErrnoCode, syscall?: string): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof KcovError, `expected a KcovError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    if (syscall !== undefined) assert.equal(err.syscall, syscall);
    return true;
  });
}

/** The PCs of a TRACE_PC area: A[1..A[0]]. */
export function pcsOf(area: BigUint64Array): bigint[] {
  return [...area.subarray(1, 1 + Number(area[0]))];
}

/** open + INIT(size) + mmap(size*8). */
export function initMapped(size = 4096): { f: KcovFile; area: BigUint64Array } {
  const f = open();
  f.ioctl(KCOV_INIT_TRACE, size);
  return { f, area: f.mmap(size * 8) };
}

/** open + INIT + mmap + ENABLE(mode) + area[0] = 0, as the kcov.rst sample does. */
export function enabled(size = 4096, mode = 0): { f: KcovFile; area: BigUint64Array } {
  const r = initMapped(size);
  r.f.ioctl(KCOV_ENABLE, mode);
  r.area[0] = 0n;
  return r;
}

/** Probes whether `f` is enabled by the calling task (DISABLE succeeds), re-enabling it. */
export function isOwnedByCaller(f: KcovFile, mode = 0): boolean {
  try {
    f.ioctl(KCOV_DISABLE, 0);
  } catch {
    return false;
  }
  f.ioctl(KCOV_ENABLE, mode);
  return true;
}
