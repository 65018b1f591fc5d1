/**
 * The mutation engine: libFuzzer's usual byte and structure mutators, crossover, dictionary
 * insertion and comparison-driven (input-to-state) replacement. Each mutation works in place
 * on a scratch buffer of `maxLen` bytes and returns the new length (0 when it did not apply).
 */
import { Rng } from './rng.js';
import { Dictionary } from './dict.js';
import { CmpTable } from './cmp.js';

/** Where mutation material comes from. */
export interface MutationSources {
  /** Dictionary given with -dict (libFuzzer's "manual dictionary"). */
  manual: Dictionary;
  /** Literals of the instrumented code. */
  auto: Dictionary;
  /** Literals of one or two bytes (single characters and char codes), kept apart so they are not drowned. */
  autoShort: Dictionary;
  /** Entries that once produced new coverage (libFuzzer's persistent auto-dictionary). */
  persistent: Dictionary;
  /** Operand pairs from TRACE_CMP records of any input. */
  cmp: CmpTable;
  /** Operand pairs found in the input being mutated, if it was traced. */
  localCmp(): CmpTable | undefined;
  /** Another corpus input for crossover, or undefined when the corpus has one input. */
  other(): Uint8Array | undefined;
}

type MutateFn = (m: Mutator, d: Uint8Array, size: number, max: number) => number;

/** One named mutation, for the `MS:` part of status lines. */
interface MutationKind {
  readonly name: string;
  readonly fn: MutateFn;
}

const INTERESTING = [0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff];

/** Applies stacks of random mutations to inputs. */
export class Mutator {
  /** Names of the mutations applied by the last `mutate` call. */
  readonly lastSequence: string[] = [];
  /** Dictionary entries inserted by the last `mutate` call (to promote when it pays off). */
  readonly lastEntries: Buffer[] = [];

  constructor(readonly rng: Rng, readonly sources: MutationSources, readonly onlyAscii = false) {}

  /**
   * Mutates `data[0, size)` in place, 1 to 5 stacked mutations, never beyond `max` bytes.
   * Returns the new size (at least 1 when max >= 1).
   */
  mutate(data: Uint8Array, size: number, max: number): number {
    this.lastSequence.length = 0;
    this.lastEntries.length = 0;
    const count = 1 + this.rng.below(5);
    let n = size;
    for (let tries = 0; this.lastSequence.length < count && tries < count * 8; tries++) {
      const kind = this.rng.pick(KINDS);
      const r = kind.fn(this, data, n, max);
      if (r === 0) continue;
      n = r;
      this.lastSequence.push(kind.name);
    }
    if (this.lastSequence.length === 0 && max > 0) {
      // Every pick was a no-op (e.g. empty dictionaries): fall back to a byte mutation.
      const kind = n > 0 ? { name: 'ChangeByte', fn: changeByte } : { name: 'InsertByte', fn: insertByte };
      n = kind.fn(this, data, n, max);
      this.lastSequence.push(kind.name);
    }
    if (this.onlyAscii) toAscii(data, n);
    return n;
  }

  /** A random byte, honouring -only_ascii bias toward printable text. */
  byte(): number {
    return this.onlyAscii ? 0x20 + this.rng.below(0x5f) : this.rng.below(256);
  }

  /** Puts `word` into `d`, either overwriting at a random place or inserting. */
  placeWord(d: Uint8Array, size: number, max: number, word: Uint8Array): number {
    if (word.length === 0 || word.length > max) return 0;
    if (this.rng.bool() && size + word.length <= max) {
      const at = this.rng.below(size + 1);
      d.copyWithin(at + word.length, at, size);
      d.set(word, at);
      return size + word.length;
    }
    if (word.length > size) return 0;
    d.set(word, this.rng.below(size - word.length + 1));
    return size;
  }
}

/** Clamps bytes to printable ASCII and whitespace (libFuzzer's -only_ascii rule). */
export function toAscii(d: Uint8Array, size: number): void {
  for (let i = 0; i < size; i++) {
    const c = d[i]! & 0x7f;
    d[i] = c >= 0x20 && c < 0x7f ? c : c === 0x09 || c === 0x0a || c === 0x0d ? c : 0x20;
  }
}

const eraseBytes: MutateFn = (m, d, size) => {
  if (size <= 1) return 0;
  const n = 1 + m.rng.below(m.rng.oneIn(16) ? size - 1 : Math.min(size - 1, 16));
  const at = m.rng.below(size - n + 1);
  d.copyWithin(at, at + n, size);
  return size - n;
};

const insertByte: MutateFn = (m, d, size, max) => {
  if (size >= max) return 0;
  const at = m.rng.below(size + 1);
  d.copyWithin(at + 1, at, size);
  d[at] = m.byte();
  return size + 1;
};

const insertRepeated: MutateFn = (m, d, size, max) => {
  const room = max - size;
  if (room < 3) return 0;
  const n = 3 + m.rng.below(Math.min(room, 128) - 2);
  const at = m.rng.below(size + 1);
  // A byte of the input itself (a separator, a space) a third of the time: long runs of
  // those are what trip super-linear parsers.
  const r = m.rng.below(3);
  const b = r === 0 && size > 0 ? d[m.rng.below(size)]! : r === 1 ? m.byte() : m.rng.bool() ? 0 : 0xff;
  d.copyWithin(at + n, at, size);
  d.fill(b, at, at + n);
  return size + n;
};

const changeByte: MutateFn = (m, d, size) => {
  if (size === 0) return 0;
  d[m.rng.below(size)] = m.byte();
  return size;
};

const changeBit: MutateFn = (m, d, size) => {
  if (size === 0) return 0;
  d[m.rng.below(size)]! ^= 1 << m.rng.below(8);
  return size;
};

const shuffleBytes: MutateFn = (m, d, size) => {
  if (size < 2) return 0;
  const n = 2 + m.rng.below(Math.min(size, 8) - 1);
  const at = m.rng.below(size - n + 1);
  for (let i = n - 1; i > 0; i--) {
    const j = m.rng.below(i + 1);
    const t = d[at + i]!;
    d[at + i] = d[at + j]!;
    d[at + j] = t;
  }
  return size;
};

const changeAsciiInteger: MutateFn = (m, d, size, max) => {
  if (size === 0) return 0;
  let at = m.rng.below(size);
  while (at < size && !isDigit(d[at]!)) at++;
  if (at === size) return 0;
  let end = at;
  while (end < size && isDigit(d[end]!) && end - at < 18) end++;
  let v = Number(Buffer.from(d.subarray(at, end)).toString('latin1'));
  switch (m.rng.below(5)) {
    case 0: v++; break;
    case 1: v = Math.max(0, v - 1); break;
    case 2: v = Math.floor(v / 2); break;
    case 3: v *= 2; break;
    default: v = m.rng.below(2 ** 31); break;
  }
  return replaceRange(d, size, max, at, end, Buffer.from(String(v), 'latin1'));
};

const changeBinaryInteger: MutateFn = (m, d, size) => {
  const width = m.rng.pick([1, 2, 4]);
  if (size < width) return 0;
  const at = m.rng.below(size - width + 1);
  const view = new DataView(d.buffer, d.byteOffset + at, width);
  const little = m.rng.bool();
  const mask = width === 4 ? 0xffffffff : (1 << (width * 8)) - 1;
  const old = width === 1 ? view.getUint8(0) : width === 2 ? view.getUint16(0, little) : view.getUint32(0, little);
  const v = (m.rng.oneIn(3) ? m.rng.pick(INTERESTING) : old + m.rng.below(21) - 10) & mask;
  if (width === 1) view.setUint8(0, v);
  else if (width === 2) view.setUint16(0, v, little);
  else view.setUint32(0, v >>> 0, little);
  return size;
};

const copyPart: MutateFn = (m, d, size, max) => {
  if (size === 0) return 0;
  const from = m.rng.below(size);
  const n = 1 + m.rng.below(size - from);
  const part = d.slice(from, from + n);
  return m.placeWord(d, size, max, part);
};

const crossOver: MutateFn = (m, d, size, max) => {
  const other = m.sources.other();
  if (!other || other.length === 0) return 0;
  if (m.rng.bool()) {
    // Splice: keep a prefix of this input and a suffix of the other.
    const cut = m.rng.below(size + 1);
    const from = m.rng.below(other.length);
    const n = Math.min(other.length - from, max - cut);
    if (n <= 0) return 0;
    d.set(other.subarray(from, from + n), cut);
    return cut + n;
  }
  const from = m.rng.below(other.length);
  const part = other.subarray(from, from + 1 + m.rng.below(Math.min(64, other.length - from)));
  return m.placeWord(d, size, max, part);
};

function fromDictionary(pick: (m: Mutator) => Dictionary): MutateFn {
  return (m, d, size, max) => {
    const dict = pick(m);
    if (dict.size === 0) return 0;
    const word = m.rng.pick(dict.entries);
    const r = m.placeWord(d, size, max, word);
    if (r !== 0) m.lastEntries.push(word);
    return r;
  };
}

/** Input-to-state: replace an operand seen in a comparison with the other operand. */
const cmpReplace: MutateFn = (m, d, size, max) => {
  const local = m.sources.localCmp();
  const table = local && local.size > 0 && !m.rng.oneIn(4) ? local : m.sources.cmp;
  const pair = table.pick(m.rng);
  if (!pair) return 0;
  const { a: from, b: to } = pair;
  const at = indexOfFrom(d, size, from, m.rng.below(Math.max(1, size)));
  if (at >= 0) {
    m.lastEntries.push(Buffer.from(to));
    return replaceRange(d, size, max, at, at + from.length, to);
  }
  const r = m.placeWord(d, size, max, to);
  if (r !== 0) m.lastEntries.push(Buffer.from(to));
  return r;
};

const KINDS: readonly MutationKind[] = [
  { name: 'EraseBytes', fn: eraseBytes },
  { name: 'InsertByte', fn: insertByte },
  { name: 'InsertRepeatedBytes', fn: insertRepeated },
  { name: 'ChangeByte', fn: changeByte },
  { name: 'ChangeBit', fn: changeBit },
  { name: 'ShuffleBytes', fn: shuffleBytes },
  { name: 'ChangeASCIIInt', fn: changeAsciiInteger },
  { name: 'ChangeBinInt', fn: changeBinaryInteger },
  { name: 'CopyPart', fn: copyPart },
  { name: 'CrossOver', fn: crossOver },
  { name: 'ManualDict', fn: fromDictionary((m) => m.sources.manual) },
  { name: 'AutoDict', fn: fromDictionary((m) => m.sources.auto) },
  { name: 'AutoChar', fn: fromDictionary((m) => m.sources.autoShort) },
  { name: 'PersAutoDict', fn: fromDictionary((m) => m.sources.persistent) },
  { name: 'CMP', fn: cmpReplace },
  { name: 'CMP', fn: cmpReplace },
];

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Replaces d[start, end) with `word`, shifting the tail; 0 if the result would exceed max. */
export function replaceRange(d: Uint8Array, size: number, max: number, start: number, end: number, word: Uint8Array): number {
  const n = size - (end - start) + word.length;
  if (n > max || n <= 0) return 0;
  d.copyWithin(start + word.length, end, size);
  d.set(word, start);
  return n;
}

/** First index >= `from` (wrapping around) where `needle` occurs in d[0, size), or -1. */
export function indexOfFrom(d: Uint8Array, size: number, needle: Uint8Array, from: number): number {
  if (needle.length === 0 || needle.length > size) return -1;
  const hay = Buffer.from(d.buffer, d.byteOffset, size);
  const i = hay.indexOf(needle, from);
  return i >= 0 ? i : hay.indexOf(needle);
}
