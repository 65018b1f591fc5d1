/**
 * The main thread of `kcovjs fuzz`: starts the fuzzing workers (each a worker thread that
 * loads the target under the kcovjs loader), watches them, and turns what they report into
 * status lines, artifacts and the exit code. The watchdog lives here, on a thread the
 * target cannot block: it kills a worker whose heartbeat stops for `-timeout` seconds (a
 * synchronous infinite loop included) and enforces `-rss_limit_mb`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { removeStaleTemporaries } from '../runtime/atomic-file.js';
import { loadDictionary } from './dict.js';
import type { FuzzOptions } from './flags.js';
import { allocShared, currentInput, Slot, Stat, viewsOf, type SharedViews, type WorkerConfig, type WorkerMessage } from './protocol.js';
import { eventTail, findingReport, statusLine, writeArtifact, type FindingKind, type StatusNumbers } from './report.js';

const WATCH_MS = 50;

interface Running {
  worker: Worker;
  views: SharedViews;
  lastSeq: number;
  lastChange: number;
  done: boolean;
}

/** Where output goes (stderr, as libFuzzer writes everything there). */
export interface Output {
  write(text: string): void;
  isTTY: boolean;
}

/** Runs a fuzzing (or regression) session; resolves to the exit code. */
export async function runFuzzer(o: FuzzOptions, out: Output): Promise<number> {
  const target = path.resolve(o.target);
  if (!fs.existsSync(target) || !fs.statSync(target).isFile()) {
    out.write(`ERROR: fuzz target ${o.target} does not exist\n`);
    return 1;
  }
  for (const w of o.warnings) out.write(`WARNING: ${w}\n`);
  const files: string[] = [];
  const dirs: string[] = [];
  for (const p of o.inputs) {
    if (fs.existsSync(p) && fs.statSync(p).isFile()) files.push(p);
    else dirs.push(p);
  }
  if (files.length > 0 && dirs.length > 0) {
    out.write('ERROR: give either corpus directories or input files, not both\n');
    return 1;
  }
  if (dirs[0]) {
    fs.mkdirSync(dirs[0], { recursive: true });
    removeStaleTemporaries(dirs[0]);
  }
  for (const d of dirs.slice(1)) {
    if (!fs.existsSync(d)) {
      out.write(`ERROR: seed corpus directory ${d} does not exist\n`);
      return 1;
    }
  }
  const regression = files.length > 0 || o.runs === 0;
  const regressionFiles = files.length > 0 ? files : o.runs === 0 ? dirs : null;
  let dictEntries: Uint8Array[] = [];
  try {
    dictEntries = o.dicts.flatMap((d) => loadDictionary(d));
  } catch (err) {
    out.write(`ERROR: ${(err as Error).message}\n`);
    return 1;
  }
  if (dictEntries.length > 0) out.write(`Dictionary: ${dictEntries.length} entries\n`);
  const seed = o.seed || ((Date.now() ^ (process.pid << 16)) >>> 0) || 1;
  out.write(`INFO: Seed: ${seed}\n`);
  const session = new Session(o, out, regression);
  const workers = regression ? 1 : o.workers;
  for (let i = 0; i < workers; i++) {
    session.start({
      target, entry: o.entry, corpusDirs: dirs, files: regression ? regressionFiles : null, runs: o.runs,
      maxLen: o.maxLen, seed: (seed + i * 7919) >>> 0, onlyAscii: o.onlyAscii, dictEntries, kcovMode: o.kcovMode,
      useCmp: o.useCmp, useLiterals: o.useLiterals, useSlowness: o.useSlowness, workerIndex: i, sab: allocShared(o.maxLen).sab,
    });
  }
  return session.finished;
}

/** The set of workers of one run and their watchdog. */
class Session {
  private readonly running: Running[] = [];
  private readonly t0 = Date.now();
  private ended = false;
  private resolve!: (code: number) => void;
  private readonly watch: NodeJS.Timeout;
  private readonly totalTimer: NodeJS.Timeout | undefined;
  private nextPulse = 2;
  private lastLive = 0;
  private liveShown = false;
  /** Resolves to the exit code. */
  readonly finished = new Promise<number>((r) => (this.resolve = r));

  constructor(private readonly o: FuzzOptions, private readonly out: Output, private readonly regression: boolean) {
    this.watch = setInterval(() => this.tick(), WATCH_MS);
    this.totalTimer = o.maxTotalTime > 0 ? setTimeout(() => this.stopAll(), o.maxTotalTime * 1000) : undefined;
  }

  /** Starts one worker. */
  start(cfg: WorkerConfig): void {
    const execArgv = this.o.instrument ? ['--import', new URL('../loader/register.js', import.meta.url).href] : [];
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: cfg,
      execArgv,
      stdout: false,
      stderr: false,
      resourceLimits: this.o.rssLimitMb > 0 ? { maxOldGenerationSizeMb: this.o.rssLimitMb } : undefined,
    });
    const r: Running = { worker, views: viewsOf(cfg.sab), lastSeq: 0, lastChange: Date.now(), done: false };
    this.running.push(r);
    worker.on('message', (m: WorkerMessage) => this.onMessage(r, m));
    worker.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') this.oom(r, 'the JS heap of the target exceeded -rss_limit_mb');
      else this.crash(r, currentInput(r.views), `uncaught exception in the fuzzing worker\n${err.stack ?? err.message}`);
    });
    worker.on('exit', (code) => {
      if (!r.done && !this.ended) {
        this.crash(r, currentInput(r.views), `the fuzz target ended the worker (exit code ${code}) while running an input`);
      }
      r.done = true;
      this.maybeFinish();
    });
  }

  private elapsed(): number {
    return (Date.now() - this.t0) / 1000;
  }

  private onMessage(r: Running, m: WorkerMessage): void {
    if (this.ended && m.type !== 'info') return;
    switch (m.type) {
      case 'info':
        this.line(m.text);
        break;
      case 'fatal':
        this.line(`ERROR: ${m.text}`);
        this.end(1);
        break;
      case 'ran':
        this.line(`Executed ${m.file} in ${Math.round(m.ms)} ms`);
        break;
      case 'event': {
        if (m.event === 'DONE') {
          r.done = true;
          this.maybeFinish();
          return;
        }
        if (m.event === 'INITED' && r !== this.running[0]) return;
        this.line(statusLine(m.event, m, this.elapsed(), eventTail(m), m.event === 'INITED' ? 0 : m.lim));
        break;
      }
      case 'crash':
        this.report('crash', this.o.errorExitCode, Buffer.from(m.data), 'uncaught exception in the fuzz target', m.error, m.ms, m.base);
        break;
    }
  }

  private crash(r: Running, data: Buffer, headline: string): void {
    this.report('crash', this.o.errorExitCode, data, headline);
  }

  private oom(r: Running, why: string): void {
    this.report('oom', this.o.errorExitCode, currentInput(r.views), `out-of-memory (${why})`);
  }

  private report(kind: FindingKind, code: number, data: Buffer, headline: string, details?: string, ms?: string, base?: string): void {
    if (this.ended) return;
    this.clearLive();
    const artifact = writeArtifact(this.o.artifactPrefix, kind, data, this.o.exactArtifactPath);
    this.out.write(findingReport({ kind, headline, details, ms, base, data, artifact, artifactPrefix: this.o.artifactPrefix }));
    this.end(code);
  }

  /** The watchdog and the progress output. */
  private tick(): void {
    const now = Date.now();
    for (const r of this.running) {
      if (r.done) continue;
      const seq = Atomics.load(r.views.ctl, Slot.SEQ);
      if (seq !== r.lastSeq) {
        r.lastSeq = seq;
        r.lastChange = now;
      } else if (this.o.timeout > 0 && Atomics.load(r.views.ctl, Slot.RUNNING) === 1 && now - r.lastChange > this.o.timeout * 1000) {
        const secs = Math.round((now - r.lastChange) / 1000);
        this.clearLive();
        this.out.write(`ALARM: working on the last Unit for ${secs} seconds\n       and the timeout value is ${this.o.timeout} (use -timeout=N to change)\n`);
        this.report('timeout', this.o.timeoutExitCode, currentInput(r.views), `timeout after ${secs} seconds`);
        return;
      }
    }
    if (this.o.rssLimitMb > 0) {
      const mb = process.memoryUsage.rss() / (1 << 20);
      if (mb > this.o.rssLimitMb) {
        const r = this.running.find((x) => !x.done && Atomics.load(x.views.ctl, Slot.RUNNING) === 1) ?? this.running[0]!;
        this.oom(r, `used: ${Math.round(mb)}Mb; exceeds: ${this.o.rssLimitMb}Mb`);
        return;
      }
    }
    this.progress(now);
  }

  private totals(): StatusNumbers {
    const t: StatusNumbers = { execs: 0, cov: 0, ft: 0, corp: 0, corpBytes: 0 };
    for (const r of this.running) {
      const s = r.views.stats;
      t.execs += s[Stat.EXECS]!;
      t.cov = Math.max(t.cov, s[Stat.COV]!);
      t.ft = Math.max(t.ft, s[Stat.FT]!);
      t.corp = Math.max(t.corp, s[Stat.CORP]!);
      t.corpBytes = Math.max(t.corpBytes, s[Stat.CORP_BYTES]!);
    }
    return t;
  }

  /** Live line on a TTY; libFuzzer's power-of-two `pulse` lines otherwise. */
  private progress(now: number): void {
    const t = this.totals();
    if (this.out.isTTY) {
      if (now - this.lastLive < this.o.reportInterval * 1000) return;
      this.lastLive = now;
      this.out.write(`\r\x1b[K${statusLine('pulse', t, this.elapsed())}`);
      this.liveShown = true;
    } else if (t.execs >= this.nextPulse) {
      while (this.nextPulse <= t.execs) this.nextPulse *= 2;
      if (this.o.verbosity > 0) this.line(statusLine('pulse', t, this.elapsed()));
    }
  }

  private clearLive(): void {
    if (this.liveShown) this.out.write('\r\x1b[K');
    this.liveShown = false;
  }

  private line(text: string): void {
    this.clearLive();
    this.out.write(`${text}\n`);
  }

  /** Asks every worker to stop after its current batch (-max_total_time). */
  private stopAll(): void {
    for (const r of this.running) Atomics.store(r.views.ctl, Slot.STOP, 1);
  }

  private maybeFinish(): void {
    if (this.ended || !this.running.every((r) => r.done)) return;
    const t = this.totals();
    this.line(statusLine('DONE', t, this.elapsed()));
    if (this.regression) {
      this.line('***\n*** NOTE: fuzzing was not performed, you have only\n***       executed the target code on a fixed set of inputs.\n***');
    }
    this.line(`Done ${t.execs} runs in ${Math.round(this.elapsed())} second(s)`);
    this.end(0);
  }

  private end(code: number): void {
    if (this.ended) return;
    this.ended = true;
    clearInterval(this.watch);
    if (this.totalTimer) clearTimeout(this.totalTimer);
    if (this.o.printFinalStats) {
      const t = this.totals();
      const secs = Math.max(this.elapsed(), 1e-3);
      this.line([
        `stat::number_of_executed_units: ${t.execs}`,
        `stat::average_exec_per_sec:     ${Math.floor(t.execs / secs)}`,
        `stat::new_units_added:          ${t.corp}`,
        `stat::peak_rss_mb:              ${Math.round(process.memoryUsage.rss() / (1 << 20))}`,
      ].join('\n'));
    }
    Promise.all(this.running.map((r) => r.worker.terminate())).finally(() => this.resolve(code));
  }
}

