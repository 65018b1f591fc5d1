/**
 * The per-thread runtime: the registry of instrumented modules, their counters, the
 * first-hit list and the hooks that instrumented code calls.
 *
 * Contract with the instrumenter (src/instrument): an instrumented file starts (after its
 * hashbang and directives) with
 *
 *   const $k = globalThis.__kcovjs_runtime.register(file, hash, nBlocks, nSites, tableJson),
 *         $c = $k.c, $t = $k.t, $h = $k.h, $a = $k.a, $l = $k.l, $r = $k.r, $w = $k.w;
 *
 * (an ES module that imports assigns the same names from a hoisted function instead, see
 * docs/blocks.md),
 * and each block runs `$c[i]++ || $h(i)`: a typed-array increment, and a call only when the
 * counter was 0. That happens on a block's first hit since its counter was cleared, where
 * `$h` records it in the first-hit list (so one input's coverage is read in O(blocks hit)),
 * and on every hit while the thread traces blocks: then `$h` banks the count and sets the
 * counter back to 0, so that the next hit calls it too, and hands the block's PC to the sink
 * that the kcov device installed. A compare site `a op b` stays inline and becomes
 * `($t[1] === 0 ? a op b : $l(a, k) op $r(b, k))` (or `$l(a, k) op $r(b, k)`): `$l`/`$r`
 * return their operand unchanged and, while a task traces comparisons, pair the operands up
 * and report them; they never convert an operand, so no user code runs inside kcovjs.
 * Switches call `$w(v, site)`.
 */
import * as path from 'node:path';
import { PC_LOW_BASE, PC_STRIDE } from '../abi/constants.js';
import { Manifest, defaultManifestPath, type ManifestEntry } from './manifest.js';
import type { FileTable } from '../abi/table.js';

/**
 * The global property under which each thread's runtime lives. It is read once per module,
 * when the module starts; it is non-writable and non-configurable, so user code cannot
 * replace it.
 */
export const RUNTIME_KEY = '__kcovjs_runtime';

/** Where coverage goes while a task traces; installed by the kcov device. */
export interface CoverageSink {
  /** A block ran. `pcLow` is the low 32 bits of its PC (the high 32 are all ones). */
  block(pcLow: number, dense: number): void;
  /** A compare site ran with operands `a` and `b`. */
  compare(pcLow: number, constMask: number, a: unknown, b: unknown): void;
  /** A switch ran with discriminant `value` against literal `cases` (one record each). */
  switchCases(pcLow: number, value: unknown, cases: ReadonlyArray<string | number>): void;
}

/** What `register` hands back to an instrumented module. */
export interface ModuleHandle {
  /** Live hit counters, one per block (see RegisteredModule.counters). */
  c: Uint32Array;
  /** Thread tracing flags: [0] blocks, [1] compares. Shared by all modules of the thread. */
  t: Uint8Array;
  /** Slow path of a block: first hit and tracing. */
  h: (block: number) => void;
  /** Pass-through hook that counts block `block` and returns `value` (resumption after await/yield). */
  a: <T>(value: T, block: number) => T;
  /** Left operand of compare site `site`: returned unchanged (kept for `r` while tracing). */
  l: <T>(value: T, site: number) => T;
  /** Right operand of compare site `site`: returned unchanged (reported with its left operand while tracing). */
  r: <T>(value: T, site: number) => T;
  /** Switch hook: reports the discriminant against the case literals and returns it. */
  w: <T>(value: T, site: number) => T;
}

/** One registered module. */
export interface RegisteredModule {
  readonly id: number;
  /** Absolute path of the original source. */
  readonly file: string;
  /** Path relative to the runtime's root. */
  readonly relPath: string;
  readonly entry: ManifestEntry;
  /**
   * Live counters: hits since the last clear, except what tracing banked. Read counts with
   * `Runtime.counts`.
   */
  readonly counters: Uint32Array;
  /** Hits moved out of `counters` while the thread traced blocks (allocated on first use). */
  banked: Float64Array | null;
  /** 1 for each block in the first-hit list. */
  readonly listed: Uint8Array;
  readonly tableJson: string;
}

/** Options for a runtime. */
export interface RuntimeOptions {
  /** Project root for relative paths (default KCOVJS_ROOT or the working directory). */
  root?: string;
  /** Manifest path (default KCOVJS_MANIFEST or .kcovjs/manifest.json under the root). */
  manifest?: string;
}

/** A failure to instrument a file, kept for the run's statistics. */
export interface InstrumentFailure {
  file: string;
  reason: string;
}

/** Statistics of the thread's instrumentation. */
export interface RuntimeStats {
  modules: number;
  blocks: number;
  sites: number;
  failures: InstrumentFailure[];
}

/** The runtime of one thread. */
export class Runtime {
  readonly root: string;
  readonly manifest: Manifest;
  /** Tracing flags shared with every module: [0] blocks, [1] compares. */
  readonly tracing = new Uint8Array(2);
  readonly modules: RegisteredModule[] = [];
  readonly failures: InstrumentFailure[] = [];
  private sink: CoverageSink | null = null;
  private uniqueBits: Uint32Array | null = null;
  private directBlock: ((pcLow: number) => void) | null = null;
  private uniqueLimit = 0;
  private hitModules: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private hitBlocks: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private hitCount = 0;
  private tables = new Map<number, FileTable>();

  constructor(options: RuntimeOptions = {}) {
    this.root = path.resolve(options.root ?? process.env.KCOVJS_ROOT ?? process.cwd());
    this.manifest = new Manifest(options.manifest ?? process.env.KCOVJS_MANIFEST ?? defaultManifestPath(this.root));
  }

  /** Called by each instrumented module when it starts. */
  register(file: string, hash: string, nBlocks: number, nSites: number, tableJson: string): ModuleHandle {
    const relPath = toRelative(this.root, file);
    const entry = this.manifest.place({ relPath, hash, blocks: nBlocks, sites: nSites, tableJson });
    const id = this.modules.length;
    const counters = new Uint32Array(nBlocks);
    const listed = new Uint8Array(nBlocks);
    const mod: RegisteredModule = { id, file, relPath, entry, counters, banked: null, listed, tableJson };
    this.modules.push(mod);
    const tracing = this.tracing;
    const pcBlock0 = PC_LOW_BASE + PC_STRIDE * entry.base;
    const pcSite0 = pcBlock0 + PC_STRIDE * nBlocks;
    const dense0 = entry.dense;
    const h = (block: number): void => {
      if (listed[block] === 0) {
        listed[block] = 1;
        this.noteFirstHit(id, block);
      }
      if (tracing[0] !== 0) {
        bank(mod, block);
        const d = dense0 + block;
        const bits = this.uniqueBits;
        if (bits !== null && d < this.uniqueLimit && (bits[d >>> 5]! & (1 << (d & 31))) !== 0) return;
        const direct = this.directBlock;
        if (direct !== null) direct(pcBlock0 + PC_STRIDE * block);
        else this.sink?.block(pcBlock0 + PC_STRIDE * block, d);
      }
    };
    const a = <T>(value: T, block: number): T => {
      if (counters[block]++ === 0) h(block);
      return value;
    };
    const { l, r } = makeOperandHooks(tracing, (site, a, b) => {
      if (!this.sink) return;
      this.sink.compare(pcSite0 + PC_STRIDE * site, this.siteConstMask(id, site), a, b);
    });
    const w = <T>(value: T, site: number): T => {
      if (tracing[1] !== 0 && this.sink) {
        const cases = this.table(id).c[String(site)];
        if (cases && cases.length > 0) this.sink.switchCases(pcSite0 + PC_STRIDE * site, value, cases);
      }
      return value;
    };
    return { c: counters, t: tracing, h, a, l, r, w };
  }

  private noteFirstHit(moduleId: number, block: number): void {
    if (this.hitCount === this.hitModules.length) {
      const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
        const n = new Int32Array(a.length * 2);
        n.set(a);
        return n;
      };
      this.hitModules = grow(this.hitModules);
      this.hitBlocks = grow(this.hitBlocks);
    }
    this.hitModules[this.hitCount] = moduleId;
    this.hitBlocks[this.hitCount++] = block;
  }

  /** The decoded table of a module (parsed on first use). */
  table(moduleId: number): FileTable {
    let t = this.tables.get(moduleId);
    if (!t) {
      t = JSON.parse(this.modules[moduleId]!.tableJson) as FileTable;
      this.tables.set(moduleId, t);
    }
    return t;
  }

  private siteConstMask(moduleId: number, site: number): number {
    return this.table(moduleId).s[site * 6 + 5] ?? 0;
  }

  /**
   * While the thread's only enabled kcov instance is in unique mode, the device hands over
   * its bitmap (the area's first words, as 32-bit halves) and size in bits: a block whose
   * bit is already set is then dropped here, before the sink (it would be dropped there
   * anyway, for whichever task runs it). The bitmap is read live, so a consumer that zeroes
   * it gets the blocks again. Null turns the shortcut off.
   */
  setUniqueFilter(bits: Uint32Array | null, bitCount: number): void {
    this.uniqueBits = bits;
    this.uniqueLimit = bits === null ? 0 : bitCount;
  }

  /**
   * While every block the thread runs belongs in one known place (one TRACE_PC instance,
   * whose owner is the only task), the device may hand over a writer that takes blocks
   * straight to it, instead of the sink. Null goes back to the sink.
   */
  setDirectBlockWriter(writer: ((pcLow: number) => void) | null): void {
    this.directBlock = writer;
  }

  /** Installs (or removes, with null) the sink that receives traced coverage. */
  setSink(sink: CoverageSink | null): void {
    this.sink = sink;
  }

  /**
   * Turns block and compare tracing on or off for the whole thread. Turning block tracing on
   * banks the live counters of every block hit so far (O(blocks hit)), so that each of them
   * calls the slow path again on its next hit.
   */
  setTracing(blocks: boolean, compares: boolean): void {
    if (blocks && this.tracing[0] === 0) {
      for (let i = 0; i < this.hitCount; i++) bank(this.modules[this.hitModules[i]!]!, this.hitBlocks[i]!);
    }
    this.tracing[0] = blocks ? 1 : 0;
    this.tracing[1] = compares ? 1 : 0;
  }

  /** gVisor's "is coverage available": whether any block is registered. */
  hasBlocks(): boolean {
    return this.modules.some((m) => m.counters.length > 0);
  }

  /** Number of blocks hit at least once since the last clear. */
  hitBlockCount(): number {
    return this.hitCount;
  }

  /**
   * Calls `fn` with the low 32 bits of the PC of every block hit since the last clear, in
   * first-hit order, then clears those counters. O(blocks hit).
   */
  consumeHits(fn: (pcLow: number, module: RegisteredModule, block: number) => void): void {
    const n = this.hitCount;
    this.hitCount = 0;
    for (let i = 0; i < n; i++) {
      const m = this.modules[this.hitModules[i]!]!;
      const b = this.hitBlocks[i]!;
      m.counters[b] = 0;
      m.listed[b] = 0;
      if (m.banked) m.banked[b] = 0;
      fn(PC_LOW_BASE + PC_STRIDE * (m.entry.base + b), m, b);
    }
  }

  /** Hit counts of a module's blocks since the last clear (live plus banked). */
  counts(m: RegisteredModule): number[] {
    const out = Array.from(m.counters);
    if (m.banked) for (let i = 0; i < out.length; i++) out[i]! += m.banked[i]!;
    return out;
  }

  /** Clears every counter that is non-zero, in O(blocks hit). */
  clearCounters(): void {
    this.consumeHits(() => {});
  }

  /** The string and number literals of every registered module (for fuzzing dictionaries). */
  literals(): Array<string | number> {
    const out = new Set<string | number>();
    for (const m of this.modules) for (const l of this.table(m.id).l) out.add(l);
    return [...out];
  }

  /** Instrumentation statistics of this thread. */
  stats(): RuntimeStats {
    let blocks = 0;
    let sites = 0;
    for (const m of this.modules) {
      blocks += m.entry.blocks;
      sites += m.entry.sites;
    }
    return { modules: this.modules.length, blocks, sites, failures: [...this.failures] };
  }

  /** Records a file that could not be instrumented (it ran plain). */
  noteFailure(file: string, reason: string): void {
    this.failures.push({ file, reason });
  }
}

/** Moves a block's live count into the bank, leaving the live counter at 0. */
function bank(m: RegisteredModule, block: number): void {
  const n = m.counters[block]!;
  if (n === 0) return;
  (m.banked ??= new Float64Array(m.counters.length))[block]! += n;
  m.counters[block] = 0;
}

function toRelative(root: string, file: string): string {
  const rel = path.relative(root, file) || path.basename(file);
  return rel.split(path.sep).join('/');
}

type CompareReport = (site: number, a: unknown, b: unknown) => void;

/** Left operands waiting for their right operand, while comparisons are traced. */
const MAX_PENDING = 64;

/**
 * The operand hooks of one module. `l` remembers a left operand (site and value) and `r`
 * reports it with the right one. Operands of nested or interleaved comparisons (a compare
 * inside the right operand, an `await` between the two) are matched by site, newest first;
 * a left operand whose right one never came (its evaluation threw) is dropped when an older
 * one is matched.
 */
function makeOperandHooks(tracing: Uint8Array, report: CompareReport): Pick<ModuleHandle, 'l' | 'r'> {
  // A fixed stack: `top` entries are pending; a full stack forgets its oldest half.
  const sites = new Int32Array(MAX_PENDING);
  const values: unknown[] = new Array<unknown>(MAX_PENDING).fill(undefined);
  let top = 0;
  return {
    l: <T>(value: T, site: number): T => {
      if (tracing[1] !== 0) {
        if (top === MAX_PENDING) {
          const half = MAX_PENDING >> 1;
          sites.copyWithin(0, half);
          for (let i = 0; i < half; i++) values[i] = values[i + half];
          top = half;
        }
        sites[top] = site;
        values[top++] = value;
      }
      return value;
    },
    r: <T>(value: T, site: number): T => {
      if (tracing[1] !== 0) {
        for (let i = top - 1; i >= 0; i--) {
          if (sites[i] !== site) continue;
          const left = values[i];
          for (let j = i; j < top; j++) values[j] = undefined;
          top = i;
          report(site, left, value);
          break;
        }
      }
      return value;
    },
  };
}

/** The runtime of the current thread, if the loader installed one. */
export function getRuntime(): Runtime | undefined {
  return (globalThis as Record<string, unknown>)[RUNTIME_KEY] as Runtime | undefined;
}

/** Installs a runtime on the current thread (once); returns the thread's runtime. */
export function installRuntime(options: RuntimeOptions = {}): Runtime {
  const existing = getRuntime();
  if (existing) return existing;
  const rt = new Runtime(options);
  Object.defineProperty(globalThis, RUNTIME_KEY, { value: rt, writable: false, configurable: false, enumerable: false });
  return rt;
}
