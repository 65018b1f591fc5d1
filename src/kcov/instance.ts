/**
 * One kcov instance (Linux `struct kcov`): the state machine, the ioctl semantics and the
 * writers that append coverage of the owning task to the area.
 *
 * States: DISABLED --INIT_TRACE--> INIT --ENABLE / UNIQUE_ENABLE--> TRACE_PC | TRACE_CMP |
 * UNIQUE --DISABLE or owner exit--> INIT. Never back to DISABLED. The area lives from
 * INIT_TRACE for as long as anything refers to the instance. Check orders and errno
 * follow Linux >= 5.18 (spec 1.4); every failing call changes nothing.
 */
import { KCOV_CMP_CONST, KCOV_MAX_WORDS, KCOV_TRACE_CMP, KCOV_TRACE_PC, PAGE_SIZE } from '../abi/constants.js';
import { kcovError } from '../abi/errors.js';
import { Area } from './area.js';
import { encodeOperands, operandHalves } from './cmp.js';
import type { Task, TaskBinding } from './task.js';

/** Instance modes (Linux `enum kcov_mode`, plus the unmerged UNIQUE_PC). */
export const Mode = { DISABLED: 0, INIT: 1, TRACE_PC: 2, TRACE_CMP: 3, UNIQUE: 5 } as const;
/** One of the values of `Mode`. */
export type ModeValue = (typeof Mode)[keyof typeof Mode];

/** Told whenever an instance of the thread starts or stops tracing. */
export type TracingChanged = (instance: Instance) => void;

/** A kcov instance: state, area, owner, and the side table of CMP operands. */
export class Instance implements TaskBinding {
  mode: ModeValue = Mode.DISABLED;
  /** Area size in words (0 until INIT_TRACE). */
  size = 0;
  area: Area | null = null;
  /** The task that has this instance enabled (Linux `kcov->t`). */
  owner: Task | null = null;
  /** Unique mode: words of the bitmap at the start of the area. */
  bitmapWords = 0;
  /** Full operands of each CMP record, by record slot (kcovjs extension). */
  private readonly ops1: unknown[] = [];
  private readonly ops2: unknown[] = [];

  constructor(private readonly onTracingChanged: TracingChanged) {}

  /** KCOV_INIT_TRACE: arg (EINVAL), then allocation (ENOMEM), then state (EBUSY). */
  initTrace(arg: bigint | null): void {
    if (arg === null || arg < 2n || arg > BigInt(KCOV_MAX_WORDS)) {
      throw kcovError('EINVAL', 'ioctl', `KCOV_INIT_TRACE: size must be 2..${KCOV_MAX_WORDS} words, got ${describe(arg)}`);
    }
    const area = new Area(Number(arg));
    if (this.mode !== Mode.DISABLED) {
      throw kcovError('EBUSY', 'ioctl', 'KCOV_INIT_TRACE: the instance is already initialised');
    }
    this.area = area;
    this.size = area.words;
    this.mode = Mode.INIT;
  }

  /** KCOV_ENABLE: state (EINVAL), then busy (EBUSY), then argument (EINVAL). */
  enable(task: Task, arg: bigint | null): void {
    this.checkEnable(task, 'KCOV_ENABLE');
    let mode: ModeValue;
    if (arg === BigInt(KCOV_TRACE_PC)) mode = Mode.TRACE_PC;
    else if (arg === BigInt(KCOV_TRACE_CMP)) mode = Mode.TRACE_CMP;
    else throw kcovError('EINVAL', 'ioctl', `KCOV_ENABLE: trace mode must be 0 (PC) or 1 (CMP), got ${describe(arg)}`);
    this.start(task, mode);
  }

  /** KCOV_UNIQUE_ENABLE (unmerged v4): as ENABLE; arg = bitmap words, 1..size-2. */
  uniqueEnable(task: Task, arg: bigint | null): void {
    this.checkEnable(task, 'KCOV_UNIQUE_ENABLE');
    if (arg === null || arg === 0n || arg >= BigInt(this.size - 1)) {
      throw kcovError('EINVAL', 'ioctl', `KCOV_UNIQUE_ENABLE: bitmap words must be 1..${this.size - 2}, got ${describe(arg)}`);
    }
    this.bitmapWords = Number(arg);
    this.start(task, Mode.UNIQUE);
  }

  /** KCOV_DISABLE: arg 0 and the caller owns this instance, else EINVAL. */
  disable(task: Task, arg: bigint | null): void {
    if (arg !== 0n) throw kcovError('EINVAL', 'ioctl', `KCOV_DISABLE: argument must be 0, got ${describe(arg)}`);
    if (task.kcov !== this || this.owner !== task) {
      throw kcovError('EINVAL', 'ioctl', 'KCOV_DISABLE: the calling task has not enabled this instance');
    }
    this.stop(task);
  }

  /** KCOV_RESET_TRACE (unmerged v4): owner only, arg 0, enabled; zeroes bitmap and count. */
  resetTrace(task: Task, arg: bigint | null): void {
    if (arg !== 0n) throw kcovError('EINVAL', 'ioctl', `KCOV_RESET_TRACE: argument must be 0, got ${describe(arg)}`);
    if (task.kcov !== this || this.owner !== task) {
      throw kcovError('EINVAL', 'ioctl', 'KCOV_RESET_TRACE: the calling task has not enabled this instance');
    }
    this.area!.reset(this.bitmapWords, this.bitmapWords);
  }

  /** mmap: needs an area, offset 0 and a length that, rounded up to a page, is size*8. */
  mmap(length: bigint | null, offset: bigint | null): BigUint64Array {
    const area = this.area;
    if (area === null) throw kcovError('EINVAL', 'mmap', 'no area: call KCOV_INIT_TRACE first');
    if (offset !== 0n) throw kcovError('EINVAL', 'mmap', `offset must be 0, got ${describe(offset)}`);
    const bytes = BigInt(area.words) * 8n;
    const page = BigInt(PAGE_SIZE);
    if (length === null || length === 0n || ((length + page - 1n) / page) * page !== bytes) {
      throw kcovError('EINVAL', 'mmap', `length must round up to ${bytes} bytes (${area.words} words), got ${describe(length)}`);
    }
    return area.view();
  }

  /** The task exit hook: a full disable, only if the exiting task still owns the instance. */
  ownerExited(task: Task): void {
    if (this.owner === task && task.kcov === this) this.stop(task);
  }

  /** Whether block tracing is on for this instance. */
  tracesBlocks(): boolean {
    return this.mode === Mode.TRACE_PC || this.mode === Mode.UNIQUE;
  }

  /** A block of the owning task ran. */
  block(pcLow: number, dense: number): void {
    if (this.mode === Mode.TRACE_PC) {
      this.area!.appendPc(0, this.size, pcLow);
    } else if (this.mode === Mode.UNIQUE) {
      const area = this.area!;
      if (!area.testAndSet(this.bitmapWords, dense)) area.appendPc(this.bitmapWords, this.size, pcLow);
    }
  }

  /** A compare of the owning task ran; `constMask` bit 0/1: left/right is a literal. */
  compare(pcLow: number, constMask: number, a: unknown, b: unknown): void {
    if (this.mode !== Mode.TRACE_CMP) return;
    // Linux puts the constant operand in arg1.
    if (constMask === 2) this.record(pcLow, KCOV_CMP_CONST, b, a);
    else this.record(pcLow, constMask !== 0 ? KCOV_CMP_CONST : 0, a, b);
  }

  /** A switch of the owning task ran: one CONST record per literal case. */
  switchCases(pcLow: number, value: unknown, cases: ReadonlyArray<string | number>): void {
    if (this.mode !== Mode.TRACE_CMP) return;
    for (const c of cases) this.record(pcLow, KCOV_CMP_CONST, c, value);
  }

  /** Full operands of CMP record `i` as last written by this instance, or undefined. */
  cmpOperands(i: number): [unknown, unknown] | undefined {
    if (!Number.isSafeInteger(i) || i < 0 || !(i in this.ops1)) return undefined;
    return [this.ops1[i], this.ops2[i]];
  }

  private record(pcLow: number, constBit: number, a1: unknown, a2: unknown): void {
    const type = encodeOperands(a1, a2);
    if (type < 0) return;
    const h = operandHalves;
    const slot = this.area!.appendCmp(type | constBit, h[0]!, h[1]!, h[2]!, h[3]!, pcLow);
    if (slot < 0) return;
    this.ops1[slot] = a1;
    this.ops2[slot] = a2;
  }

  private checkEnable(task: Task, what: string): void {
    if (this.mode !== Mode.INIT || this.area === null) {
      const why = this.mode === Mode.DISABLED ? 'not initialised (call KCOV_INIT_TRACE first)' : 'already enabled';
      throw kcovError('EINVAL', 'ioctl', `${what}: the instance is ${why}`);
    }
    if (task.exited) throw kcovError('EINVAL', 'ioctl', `${what}: the calling task has exited`);
    if (this.owner !== null || task.kcov !== null) {
      throw kcovError('EBUSY', 'ioctl', `${what}: the calling task already has a kcov instance enabled`);
    }
  }

  private start(task: Task, mode: ModeValue): void {
    this.mode = mode;
    this.owner = task;
    task.kcov = this;
    this.onTracingChanged(this);
  }

  private stop(task: Task): void {
    this.mode = Mode.INIT;
    this.owner = null;
    this.bitmapWords = 0;
    task.kcov = null;
    this.onTracingChanged(this);
  }
}

function describe(v: bigint | null): string {
  return v === null ? 'a value that is not an unsigned 64-bit integer' : String(v);
}
