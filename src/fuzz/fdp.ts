/**
 * FuzzedDataProvider: splits one fuzz input into typed values. Numbers and lengths are taken
 * from the END of the input and byte runs and strings from the FRONT (the split libFuzzer's
 * C++ provider uses), so mutating the data part rarely changes the "shape" values and vice
 * versa. When the input runs out every consumer returns its smallest value (0, false, "").
 */

/** Text encodings for string consumers. */
export type FdpEncoding = 'utf8' | 'latin1' | 'utf16le';

/** Typed values out of a fuzz input. */
export class FuzzedDataProvider {
  private readonly data: Uint8Array;
  private front = 0;
  private back: number;

  /** Wraps `data` (not copied: do not mutate it while consuming). */
  constructor(data: Uint8Array) {
    if (!(data instanceof Uint8Array)) throw new TypeError('FuzzedDataProvider needs a Buffer or Uint8Array');
    this.data = data;
    this.back = data.length;
  }

  /** Bytes not consumed yet. */
  get remainingBytes(): number {
    return this.back - this.front;
  }

  /** A boolean from the lowest bit of one byte. */
  consumeBoolean(): boolean {
    return (this.consumeIntegral(1) & 1) === 1;
  }

  /** An integer from up to `maxBytes` (1..6) bytes; two's complement when `signed`. */
  consumeIntegral(maxBytes: number, signed = false): number {
    checkCount(maxBytes, 'maxBytes', 6);
    let v = 0;
    let n = 0;
    while (n < maxBytes && this.back > this.front) {
      v = v * 256 + this.data[--this.back]!;
      n++;
    }
    if (signed && n > 0 && v >= 2 ** (8 * n - 1)) v -= 2 ** (8 * n);
    return v;
  }

  /** A bigint from up to `maxBytes` (1..8) bytes; two's complement when `signed`. */
  consumeBigIntegral(maxBytes: number, signed = false): bigint {
    checkCount(maxBytes, 'maxBytes', 8);
    let v = 0n;
    let n = 0;
    while (n < maxBytes && this.back > this.front) {
      v = (v << 8n) | BigInt(this.data[--this.back]!);
      n++;
    }
    return signed && n > 0 ? BigInt.asIntN(8 * n, v) : v;
  }

  /** An integer in [min, max] (both safe integers, min <= max). */
  consumeIntegralInRange(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new RangeError(`consumeIntegralInRange: need safe integers with min <= max, got ${min}, ${max}`);
    }
    const range = max - min;
    if (range === 0) return min;
    let v = 0;
    let scale = 1;
    // Take only as many bytes as the range needs.
    while (scale <= range && this.back > this.front) {
      v = v * 256 + this.data[--this.back]!;
      scale *= 256;
    }
    return min + (v % (range + 1));
  }

  /** An array of `count` integers of up to `maxBytes` bytes each. */
  consumeIntegrals(count: number, maxBytes: number, signed = false): number[] {
    checkCount(count, 'count');
    return Array.from({ length: count }, () => this.consumeIntegral(maxBytes, signed));
  }

  /** An array of `count` booleans. */
  consumeBooleans(count: number): boolean[] {
    checkCount(count, 'count');
    return Array.from({ length: count }, () => this.consumeBoolean());
  }

  /** A number in [0, 1]. */
  consumeProbability(): number {
    return this.consumeIntegral(4) / 0xffffffff;
  }

  /** A finite number in [min, max]. */
  consumeNumberInRange(min: number, max: number): number {
    if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
      throw new RangeError(`consumeNumberInRange: need finite min <= max, got ${min}, ${max}`);
    }
    const p = this.consumeProbability();
    // Halve the range so that max - min cannot overflow to Infinity.
    const half = max / 2 - min / 2;
    return Math.min(max, min + half * p + half * p);
  }

  /** Any double, including NaN, the infinities and -0, from 8 bytes. */
  consumeNumber(): number {
    const bytes = new Uint8Array(8);
    for (let i = 0; i < 8 && this.back > this.front; i++) bytes[i] = this.data[--this.back]!;
    return new DataView(bytes.buffer).getFloat64(0, true);
  }

  /** Up to `count` bytes from the front (fewer when the input runs out). */
  consumeBytes(count: number): Buffer {
    checkCount(count, 'count');
    const n = Math.min(count, this.remainingBytes);
    const out = Buffer.from(this.data.subarray(this.front, this.front + n));
    this.front += n;
    return out;
  }

  /** All the bytes left. */
  consumeRemainingAsBytes(): Buffer {
    return this.consumeBytes(this.remainingBytes);
  }

  /**
   * A string of at most `maxLength` code units, its length chosen by the input. utf8 may
   * give U+FFFD for bad sequences, latin1 maps bytes 1:1 and utf16le keeps lone surrogates.
   * With `printable`, every character is printable ASCII.
   */
  consumeString(maxLength: number, encoding: FdpEncoding = 'utf8', printable = false): string {
    checkCount(maxLength, 'maxLength');
    const length = this.consumeIntegralInRange(0, Math.min(maxLength, 0xffffff));
    return this.takeString(length, encoding, printable);
  }

  /** Every byte left, as one string. */
  consumeRemainingAsString(encoding: FdpEncoding = 'utf8', printable = false): string {
    return this.takeString(Number.MAX_SAFE_INTEGER, encoding, printable);
  }

  /** Up to `maxCount` strings of up to `maxLength` code units each. */
  consumeStringArray(maxCount: number, maxLength: number, encoding: FdpEncoding = 'utf8', printable = false): string[] {
    checkCount(maxCount, 'maxCount');
    const count = this.consumeIntegralInRange(0, Math.min(maxCount, 0xffff));
    const out: string[] = [];
    for (let i = 0; i < count && this.remainingBytes > 0; i++) out.push(this.consumeString(maxLength, encoding, printable));
    return out;
  }

  /** One element of a non-empty array. */
  pickValue<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pickValue: the array is empty');
    return items[this.consumeIntegralInRange(0, items.length - 1)]!;
  }

  private takeString(units: number, encoding: FdpEncoding, printable: boolean): string {
    const unitBytes = encoding === 'utf16le' && !printable ? 2 : 1;
    const n = Math.min(units * unitBytes, this.remainingBytes - (this.remainingBytes % unitBytes));
    const bytes = this.consumeBytes(n);
    if (printable) {
      for (let i = 0; i < bytes.length; i++) bytes[i] = 0x20 + (bytes[i]! % 95);
      return bytes.toString('latin1');
    }
    return bytes.toString(encoding);
  }
}

function checkCount(n: number, name: string, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw new RangeError(`${name} must be an integer in [0, ${max}], got ${n}`);
  }
}
