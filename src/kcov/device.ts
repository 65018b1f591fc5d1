/**
 * The device front: `open()` and `KcovFile` (ioctl, mmap, close), and the coverage sink
 * that routes what the runtime reports to the enabled instance of the current task.
 *
 * Everything here is per thread: module state is per isolate, an instance and its file
 * live in the thread that opened it, and only the area (a SharedArrayBuffer) crosses
 * threads. Thread tracing in the runtime is on only while some instance of the thread is
 * enabled (compares only while a TRACE_CMP instance is), so code runs at full speed
 * otherwise.
 */
import {
  KCOV_DISABLE, KCOV_ENABLE, KCOV_INIT_TRACE, KCOV_PATH, KCOV_RESET_TRACE, KCOV_UNIQUE_ENABLE,
} from '../abi/constants.js';
import { kcovError } from '../abi/errors.js';
import { getRuntime, type CoverageSink, type Runtime } from '../runtime/registry.js';
import { Instance, Mode } from './instance.js';
import { currentTask, hookRootExit, onFirstTask, tasksStarted } from './task.js';

const U64_LIMIT = 1n << 64n;

/** The instances of this thread that are enabled. */
const enabled = new Set<Instance>();
/** The runtime whose sink and tracing flags this thread's device drives. */
let boundRuntime: Runtime | null = null;

const sink: CoverageSink = {
  block(pcLow, dense) {
    const inst = currentTask().kcov as Instance | null;
    if (inst !== null) inst.block(pcLow, dense);
  },
  compare(pcLow, constMask, a, b) {
    const inst = currentTask().kcov as Instance | null;
    if (inst !== null) inst.compare(pcLow, constMask, a, b);
  },
  switchCases(pcLow, value, cases) {
    const inst = currentTask().kcov as Instance | null;
    if (inst !== null) inst.switchCases(pcLow, value, cases);
  },
};

/** Records an instance's state change and recomputes the thread's tracing. */
function tracingChanged(inst: Instance): void {
  if (inst.mode === Mode.INIT) enabled.delete(inst);
  else enabled.add(inst);
  recompute();
}

/**
 * Sets the runtime's tracing flags from the enabled instances, and its two shortcuts: a lone
 * unique-mode instance lets the runtime drop already-seen blocks early; a lone TRACE_PC
 * instance, while the thread has never started a task (so everything runs as the root task,
 * its owner), gets every block appended directly.
 */
function recompute(): void {
  let blocks = false;
  let compares = false;
  for (const e of enabled) {
    if (e.tracesBlocks()) blocks = true;
    else compares = true;
  }
  boundRuntime?.setTracing(blocks, compares);
  const only = enabled.size === 1 ? enabled.values().next().value! : null;
  if (only !== null && only.mode === Mode.UNIQUE) boundRuntime?.setUniqueFilter(only.area!.u32, only.bitmapWords * 64);
  else boundRuntime?.setUniqueFilter(null, 0);
  if (only !== null && only.mode === Mode.TRACE_PC && !tasksStarted()) {
    const area = only.area!;
    const size = only.size;
    boundRuntime?.setDirectBlockWriter((pcLow) => area.appendPc(0, size, pcLow));
  } else {
    boundRuntime?.setDirectBlockWriter(null);
  }
}

/**
 * Reads a C `unsigned long` argument: a non-negative integral number or bigint below
 * 2^64, or a negative one in two's complement (as C converts it). Anything else (NaN,
 * fractions, strings, objects, out-of-range values) is null: "not a valid argument".
 */
function toU64(v: unknown): bigint | null {
  let b: bigint;
  if (typeof v === 'bigint') b = v;
  else if (typeof v === 'number' && Number.isInteger(v)) b = BigInt(v);
  else return null;
  if (b < -(1n << 63n) || b >= U64_LIMIT) return null;
  return BigInt.asUintN(64, b);
}

/** Reads an ioctl command: it must be exactly one of the known numbers. */
function toCommand(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'bigint' && v >= 0n && v <= 0xffffffffn) return Number(v);
  return null;
}

function hex(v: unknown): string {
  if ((typeof v === 'number' && Number.isInteger(v) && v >= 0) || typeof v === 'bigint') return `0x${v.toString(16)}`;
  return typeof v === 'string' ? JSON.stringify(v) : typeof v;
}

/** An open kcov file: one reference to an instance (Linux: a file description). */
export class KcovFile {
  private instance: Instance | null;

  /** @internal Use `open()`. */
  constructor(instance: Instance) {
    this.instance = instance;
  }

  private live(syscall: 'ioctl' | 'mmap' | 'close'): Instance {
    if (this.instance === null) throw kcovError('EBADF', syscall, 'the kcov file is closed');
    return this.instance;
  }

  /**
   * Performs a kcov ioctl for the calling task. Returns 0 or throws a KcovError (EINVAL,
   * EBUSY, ENOMEM, ENOTTY, EBADF) and leaves the state unchanged.
   */
  ioctl(cmd: number | bigint, arg: number | bigint = 0): 0 {
    const inst = this.live('ioctl');
    const task = currentTask();
    const a = toU64(arg);
    switch (toCommand(cmd)) {
      case KCOV_INIT_TRACE: inst.initTrace(a); break;
      case KCOV_ENABLE: inst.enable(task, a); break;
      case KCOV_DISABLE: inst.disable(task, a); break;
      case KCOV_UNIQUE_ENABLE: inst.uniqueEnable(task, a); break;
      case KCOV_RESET_TRACE: inst.resetTrace(task, a); break;
      default:
        throw kcovError('ENOTTY', 'ioctl', `unknown kcov ioctl command ${hex(cmd)}`);
    }
    return 0;
  }

  /**
   * Maps the area: a BigUint64Array of size words over the instance's SharedArrayBuffer.
   * Every mapping of an instance aliases the same memory. `length` must round up to a
   * page to exactly size*8 bytes, `offset` must be 0; else EINVAL.
   */
  mmap(length: number | bigint, offset: number | bigint = 0): BigUint64Array {
    return this.live('mmap').mmap(toU64(length), toU64(offset));
  }

  /**
   * kcovjs extension: the full operands of TRACE_CMP record `i` (arg1 first, so a literal
   * comes first), as the JS values compared, e.g. whole strings. Undefined if the device
   * never wrote record `i`. Same thread only.
   */
  cmpOperands(i: number): [unknown, unknown] | undefined {
    return this.live('ioctl').cmpOperands(i);
  }

  /** A second file for the same instance (Linux `dup`); closing one leaves the other. */
  dup(): KcovFile {
    return new KcovFile(this.live('ioctl'));
  }

  /**
   * Drops this file's reference. An enabled task keeps collecting into the area until it
   * disables (through another file) or exits, as on Linux. A second close is EBADF.
   */
  close(): void {
    this.live('close');
    this.instance = null;
  }
}

/**
 * Opens the device without requiring registered blocks: for internal consumers (a trace
 * agent) that must open before any instrumented module loads. Not a public export.
 */
export function openDevice(path: string = KCOV_PATH): KcovFile {
  if (path !== KCOV_PATH) throw kcovError('ENOENT', 'open', 'no such kcov device', String(path));
  const rt = getRuntime();
  if (rt === undefined) {
    throw kcovError('ENOENT', 'open', 'kcov is not available: this thread has no kcovjs runtime (run with --import kcovjs/register)', path);
  }
  if (boundRuntime !== rt) {
    boundRuntime = rt;
    rt.setSink(sink);
    // A task may now run blocks that are not the root task's: leave the direct writer.
    onFirstTask(recompute);
  }
  hookRootExit();
  return new KcovFile(new Instance(tracingChanged));
}

/**
 * Opens the kcov device (`/sys/kernel/debug/kcov`, the only path it answers to). ENOENT
 * when the thread has no kcovjs runtime or no instrumented code is loaded, as gVisor
 * answers when coverage is not compiled in.
 */
export function open(path: string = KCOV_PATH): KcovFile {
  const rt = getRuntime();
  if (path === KCOV_PATH && rt !== undefined && !rt.hasBlocks()) {
    throw kcovError('ENOENT', 'open', 'kcov is not available: no instrumented code is loaded in this thread', path);
  }
  return openDevice(path);
}
