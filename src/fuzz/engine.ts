/**
 * The fuzzing loop of one worker thread: pick a corpus input, mutate it, run the target,
 * read the coverage from the kcov device, keep what is new. It runs inputs in batches with
 * no message per input; the supervisor watches the heartbeat in shared memory.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { getRuntime } from '../runtime/registry.js';
import { CmpTable } from './cmp.js';
import { Corpus, readInputs, sha1, type CorpusEntry } from './corpus.js';
import { KcovCoverage, isThenable } from './coverage.js';
import { Dictionary, literalEntries } from './dict.js';
import { FeatureMap } from './features.js';
import { Mutator, indexOfFrom, replaceRange } from './mutate.js';
import { Slot, Stat, viewsOf, type SharedViews, type WorkerConfig, type WorkerMessage } from './protocol.js';
import { Rng } from './rng.js';

/** The fuzz target function. */
export type FuzzFunction = (data: Buffer) => unknown;

const BATCH = 64;
/** One execution in CMP_PERIOD traces comparisons of a corpus input. */
const CMP_PERIOD = 256;
const SYNC_MS = 1000;
/** Comparison pairs tried one by one on each newly kept input. */
const I2S_MAX = 64;

/** One worker's engine. */
export class Engine {
  private readonly shared: SharedViews;
  private readonly rng: Rng;
  private readonly features = new FeatureMap();
  private readonly corpus: Corpus;
  private readonly cmp = new CmpTable();
  private readonly mutator: Mutator;
  private readonly manual = new Dictionary(1 << 16);
  private readonly auto = new Dictionary(4096);
  private readonly autoShort = new Dictionary(512);
  private readonly persistent = new Dictionary(1024);
  private readonly scratch: Uint8Array;
  private readonly known = new Set<string>();
  /** Corpus inputs waiting for a comparison-tracing run. */
  private readonly pendingCmp: CorpusEntry[] = [];
  private execs = 0;
  private finished = false;
  private lastSync = 0;
  private ms = '';
  private base = '';
  /** The corpus input being mutated. */
  private parent: CorpusEntry | undefined;
  /** libFuzzer's length control: inputs grow up to `lim`, which grows when coverage stalls. */
  private lim = 4;
  private lastNewAt = 0;
  /** Start and duration of the last input, for the slowness feature. */
  private t0 = 0;
  private lastMs = 0;
  /** Largest log2 of an input's run time in ms seen so far (inputs under 1 ms never count). */
  private slowest = 0;

  constructor(
    private readonly cfg: WorkerConfig,
    private readonly fn: FuzzFunction,
    private readonly coverage: KcovCoverage | null,
    private readonly post: (m: WorkerMessage) => void,
  ) {
    this.shared = viewsOf(cfg.sab);
    this.rng = new Rng(cfg.seed);
    this.scratch = new Uint8Array(cfg.maxLen);
    this.corpus = new Corpus(cfg.corpusDirs[0]);
    for (const e of cfg.dictEntries) this.manual.add(Buffer.from(e));
    this.mutator = new Mutator(this.rng, {
      manual: this.manual, auto: this.auto, autoShort: this.autoShort, persistent: this.persistent, cmp: this.cmp,
      other: () => this.corpus.pick(this.rng)?.data,
      localCmp: () => this.parent?.cmp,
    }, cfg.onlyAscii);
  }

  /** Whether a finding stopped the engine. */
  get crashed(): boolean {
    return this.finished;
  }

  /**
   * Runs one input. Returns true when it passed, false on a finding (already reported), or
   * a promise of that for an async target; sync targets never pay for a promise.
   */
  private run(buf: Uint8Array, n: number): boolean | Promise<boolean> {
    const { ctl, input } = this.shared;
    input.set(buf.subarray(0, n));
    ctl[Slot.LEN] = n;
    ctl[Slot.SEQ]!++;
    ctl[Slot.RUNNING] = 1;
    const data = Buffer.from(buf.subarray(0, n));
    this.coverage?.begin();
    const fn = this.fn; // called without a receiver, as a plain function
    let r: unknown;
    this.t0 = performance.now();
    try {
      r = fn(data);
    } catch (err) {
      return this.fail(err, data);
    }
    if (!isThenable(r)) return this.pass();
    return Promise.resolve(r).then(() => this.pass(), (err: unknown) => this.fail(err, data));
  }

  private pass(): true {
    this.lastMs = performance.now() - this.t0;
    this.shared.ctl[Slot.RUNNING] = 0;
    this.execs++;
    return true;
  }

  private fail(err: unknown, data: Buffer): false {
    this.shared.ctl[Slot.RUNNING] = 0;
    this.execs++;
    this.reportCrash(err, data);
    return false;
  }

  /** Reports a finding for `data` (or the input being run) and stops the engine. */
  reportCrash(err: unknown, data?: Buffer): void {
    if (this.finished) return;
    this.finished = true;
    const input = data ?? Buffer.from(this.shared.input.subarray(0, this.shared.ctl[Slot.LEN]));
    this.post({ type: 'crash', data: input, error: formatError(err), ms: this.ms, base: this.base });
  }

  private async runAwait(buf: Uint8Array, n: number): Promise<boolean> {
    const r = this.run(buf, n);
    return r === true || r === false ? r : await r;
  }

  /** Looks at the coverage of the input just run and keeps it if it is interesting. */
  private consider(buf: Uint8Array, n: number, parent: CorpusEntry | undefined): void {
    if (!this.coverage) return;
    const fresh = this.coverage.collect(this.features);
    if (fresh > 0 || this.slower()) {
      this.features.commit();
      const data = Buffer.from(buf.subarray(0, n));
      const entry = this.corpus.add(data, this.features.lastFeatures(), true, this.features.lastBlocks);
      for (const w of this.mutator.lastEntries) this.persistent.add(w, (k) => this.rng.below(k));
      if (entry) {
        this.lastNewAt = this.execs;
        this.event('NEW', n);
        this.pendingCmp.push(entry);
      }
    } else if (parent && n < parent.data.length && this.features.lastBlocks === parent.blocks) {
      // Equal feature sets need equal block counts: only then is the sort worth it.
      const reduced = this.corpus.reduce(Buffer.from(buf.subarray(0, n)), this.features.lastFeatures());
      if (reduced) {
        this.event('REDUCE', n);
        if (this.coverage.hasCmp) this.pendingCmp.push(reduced);
      }
    }
  }

  /**
   * The input-to-state stage for a newly kept input: each comparison pair found in it (up
   * to I2S_MAX, in the order the compares ran) is tried once, replacing the operand from the
   * input by the other one. Returns false on a finding.
   */
  private async inputToState(entry: CorpusEntry, limit: number): Promise<boolean> {
    // String comparisons first: keywords and magic words are worth more than char codes.
    const all = entry.cmp?.all() ?? [];
    const pairs = [...all.filter((p) => p.text), ...all.filter((p) => !p.text)];
    const src = entry.data.subarray(0, this.scratch.length);
    for (let i = 0; i < Math.min(pairs.length, I2S_MAX) && this.execs < limit && !this.finished; i++) {
      const { a, b } = pairs[i]!;
      this.scratch.set(src);
      const at = indexOfFrom(this.scratch, src.length, a, 0);
      if (at < 0) continue;
      const n = replaceRange(this.scratch, src.length, this.scratch.length, at, at + a.length, b);
      if (n === 0) continue;
      this.ms = '1 I2S-';
      this.base = entry.name;
      this.parent = entry;
      let r = this.run(this.scratch, n);
      if (r !== true && r !== false) r = await r;
      if (!r) return false;
      this.consider(this.scratch, n, entry);
    }
    return true;
  }

  /**
   * Slowness as a feature (-use_slowness=1): an input whose run time reaches a new power of two (from 1 ms
   * up) is kept, so the search can climb toward super-linear behaviour that coverage
   * does not show (a regex backtracking inside the engine). Noise costs a few entries.
   */
  private slower(): boolean {
    if (!this.cfg.useSlowness || this.lastMs < 1) return false;
    const bucket = 1 + Math.floor(Math.log2(this.lastMs));
    if (bucket <= this.slowest) return false;
    this.slowest = bucket;
    return true;
  }

  /** Harvests comparison operands of a corpus input (TRACE_CMP). */
  private async traceCompares(entry: CorpusEntry): Promise<void> {
    if (!this.coverage?.hasCmp) return;
    const { ctl, input } = this.shared;
    input.set(entry.data);
    ctl[Slot.LEN] = entry.data.length;
    ctl[Slot.SEQ]!++;
    ctl[Slot.RUNNING] = 1;
    const fn = this.fn;
    const local = new CmpTable(256, entry.data);
    await this.coverage.traceCompares(() => fn(Buffer.from(entry.data)), [local, this.cmp]);
    local.seal();
    entry.cmp = local;
    ctl[Slot.RUNNING] = 0;
  }

  private event(event: 'INITED' | 'NEW' | 'REDUCE' | 'DONE', len: number): void {
    this.publish();
    this.post({
      type: 'event', event, execs: this.execs, cov: this.features.blocks, ft: this.features.features,
      corp: this.corpus.entries.length, corpBytes: this.corpus.bytes, lim: this.lim, len, ms: event === 'NEW' || event === 'REDUCE' ? this.ms : '',
    });
  }

  private publish(): void {
    const s = this.shared.stats;
    s[Stat.EXECS] = this.execs;
    s[Stat.COV] = this.features.blocks;
    s[Stat.FT] = this.features.features;
    s[Stat.CORP] = this.corpus.entries.length;
    s[Stat.CORP_BYTES] = this.corpus.bytes;
  }

  /** Runs given inputs once each, keeping those with new coverage (no writes). */
  private async runInputs(data: Buffer[], persist: boolean): Promise<boolean> {
    for (const d of data) {
      this.ms = '';
      this.base = '';
      if (!(await this.runAwait(d, d.length))) return false;
      if (!this.coverage) continue;
      if (this.coverage.collect(this.features) > 0) {
        this.features.commit();
        const e = this.corpus.add(Buffer.from(d), this.features.lastFeatures(), persist, this.features.lastBlocks);
        if (e) this.pendingCmp.push(e);
      }
    }
    return true;
  }

  /** Regression mode: runs each file once, reporting the time it took. */
  async regress(files: string[]): Promise<void> {
    for (const { file, data } of readInputs(files, Number.MAX_SAFE_INTEGER)) {
      const t0 = performance.now();
      if (!(await this.runAwait(data, data.length))) return;
      this.post({ type: 'ran', file, ms: performance.now() - t0 });
    }
    this.event('DONE', 0);
  }

  /** Fuzzes until the run budget is spent, a finding, or the supervisor says stop. */
  async fuzz(): Promise<void> {
    const seeds = readInputs(this.cfg.corpusDirs, this.cfg.maxLen, this.known).map((i) => i.data);
    seeds.sort((a, b) => a.length - b.length);
    if (seeds.length === 0) seeds.push(Buffer.alloc(0));
    if (!(await this.runInputs(seeds, false))) return;
    this.refreshLiterals();
    this.lim = Math.min(this.cfg.maxLen, Math.max(4, ...this.corpus.entries.map((e) => e.data.length)));
    this.slowest = 0; // the seeds ran cold (JIT warm-up)
    this.event('INITED', 0);
    this.lastSync = Date.now();
    const { ctl } = this.shared;
    const limit = this.cfg.runs < 0 ? Infinity : this.cfg.runs;
    while (!this.finished && this.execs < limit && Atomics.load(ctl, Slot.STOP) === 0) {
      const batchEnd = Math.min(limit, this.execs + BATCH);
      while (this.execs < batchEnd && !this.finished) {
        const parent = this.corpus.pick(this.rng);
        this.parent = parent;
        let n = 0;
        if (parent) {
          n = Math.min(parent.data.length, this.scratch.length);
          this.scratch.set(parent.data.subarray(0, n));
        }
        this.growLimit();
        n = this.mutator.mutate(this.scratch, n, Math.max(n, this.lim));
        this.ms = `${this.mutator.lastSequence.length} ${this.mutator.lastSequence.map((s) => `${s}-`).join('')}`;
        this.base = parent?.name ?? '';
        let r = this.run(this.scratch, n);
        if (r !== true && r !== false) r = await r;
        if (!r) return;
        this.consider(this.scratch, n, parent);
        if (this.execs % CMP_PERIOD === 0 && this.pendingCmp.length === 0 && parent) this.pendingCmp.push(parent);
        if (this.pendingCmp.length > 0) {
          const entry = this.pendingCmp.pop()!;
          const untraced = entry.cmp === undefined;
          await this.traceCompares(entry);
          if (untraced && !(await this.inputToState(entry, limit))) return;
        }
      }
      this.publish();
      if (Date.now() - this.lastSync >= SYNC_MS && !(await this.sync())) return;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (!this.finished) this.event('DONE', 0);
  }

  /** Raises the length limit when no new input was found for a while (about 100*log2(lim) runs). */
  private growLimit(): void {
    if (this.lim >= this.cfg.maxLen) return;
    const log = 31 - Math.clz32(this.lim);
    if (this.execs - this.lastNewAt <= 100 * log) return;
    this.lim = Math.min(this.cfg.maxLen, this.lim + Math.max(1, log));
    this.lastNewAt = this.execs;
  }

  /** Picks up inputs other workers wrote to the shared corpus directory. */
  private async sync(): Promise<boolean> {
    this.lastSync = Date.now();
    this.refreshLiterals();
    const dir = this.cfg.corpusDirs[0];
    if (!dir) return true;
    const fresh = readInputs([dir], this.cfg.maxLen, this.known).map((i) => i.data).filter((d) => !this.corpus.hasName(sha1(d)));
    return this.runInputs(fresh, false);
  }

  private refreshLiterals(): void {
    if (!this.cfg.useLiterals) return;
    const rt = getRuntime();
    if (!rt) return;
    for (const e of literalEntries(rt.literals())) {
      (e.length <= 2 ? this.autoShort : this.auto).add(e, (k) => this.rng.below(k));
    }
  }
}

/**
 * The text of a finding: the error's stack (original positions, the loader enables source
 * maps) without kcovjs's own frames, repeated frames folded (stack overflows), or the
 * thrown value when it is not an Error.
 */
export function formatError(err: unknown): string {
  if (!(err instanceof Error)) return `Uncaught non-Error value: ${inspect(err, { depth: 2 })}`;
  const stack = err.stack ?? `${err.name}: ${err.message}`;
  const text = stack.includes(err.message) ? stack : `${err.name}: ${err.message}\n${stack}`;
  const out: string[] = [];
  let repeats = 0;
  for (const line of text.split('\n')) {
    if (/^\s+at /.test(line) && OWN_DIRS.some((d) => line.includes(d))) continue;
    if (line === out[out.length - 1]) {
      repeats++;
      continue;
    }
    if (repeats > 0) out.push(`    ... (previous frame repeated ${repeats} more times)`);
    repeats = 0;
    out.push(line);
  }
  if (repeats > 0) out.push(`    ... (previous frame repeated ${repeats} more times)`);
  return out.join('\n');
}

/** kcovjs's own code (compiled, and mapped back to TS), whose frames a report leaves out. */
const OWN_DIRS = (() => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  return [path.join(root, 'dist', 'src') + path.sep, path.join(root, 'src') + path.sep, new URL('../../', import.meta.url).href];
})();
