/**
 * Encoding of comparison operands into TRACE_CMP records.
 *
 * Numeric operands (integral numbers and bigints that fit in 64 bits, and booleans as 0/1)
 * give a Linux record: type = KCOV_CMP_SIZE(log2 of the smallest width in bytes that
 * holds both operands), operands truncated to that width (two's complement, zero-extended
 * to 64 bits as Linux's hooks store a u8/u16/u32 argument). Two strings, or a string and
 * a number/bigint/boolean (compared as `String(x)`, which has no side effects on a
 * primitive), give a kcovjs string record: type = KCOVJS_CMP_STRING, the first 8 UTF-8
 * bytes of each operand as a little-endian word. Anything else (objects, functions,
 * symbols, null, undefined, non-integral numbers) gives no record: reading an object's
 * value could run user code. The caller adds KCOV_CMP_CONST.
 */
import { KCOV_CMP_SIZE, KCOVJS_CMP_STRING } from '../abi/constants.js';

/** Where `encodeOperands` leaves the 32-bit halves: arg1 lo, arg1 hi, arg2 lo, arg2 hi. */
export const operandHalves = new Uint32Array(4);

const TWO32 = 4294967296;
const bytes = new Uint8Array(8);
const bytesView = new DataView(bytes.buffer);
const encoder = new TextEncoder();

/** log2 of the bytes needed for an integral number, or -1 if it is not one or too wide. */
function numberWidth(v: number): number {
  if (!Number.isInteger(v)) return -1;
  if (v >= 0) return v < 0x100 ? 0 : v < 0x10000 ? 1 : v < TWO32 ? 2 : v < TWO32 * TWO32 ? 3 : -1;
  return v >= -0x80 ? 0 : v >= -0x8000 ? 1 : v >= -0x80000000 ? 2 : v >= -TWO32 * 0x80000000 ? 3 : -1;
}

/** log2 of the bytes needed for a bigint, or -1 if it does not fit in 64 bits. */
function bigintWidth(v: bigint): number {
  if (v >= 0n) return v < 0x100n ? 0 : v < 0x10000n ? 1 : v < 0x100000000n ? 2 : v < 0x10000000000000000n ? 3 : -1;
  return v >= -0x80n ? 0 : v >= -0x8000n ? 1 : v >= -0x80000000n ? 2 : v >= -0x8000000000000000n ? 3 : -1;
}

/** Width of a numeric operand (number, bigint, boolean), or -1. */
function numericWidth(v: unknown): number {
  switch (typeof v) {
    case 'number': return numberWidth(v);
    case 'bigint': return bigintWidth(v);
    case 'boolean': return 0;
    default: return -1;
  }
}

/** Writes the halves of numeric operand `v`, truncated to 2^width bytes, at `at`. */
function putNumeric(v: unknown, width: number, at: number): void {
  const out = operandHalves;
  if (typeof v === 'bigint') {
    const u = BigInt.asUintN(8 << width, v);
    out[at] = Number(u & 0xffffffffn);
    out[at + 1] = Number(u >> 32n);
    return;
  }
  const n = typeof v === 'boolean' ? (v ? 1 : 0) : (v as number);
  out[at] = width === 0 ? n & 0xff : width === 1 ? n & 0xffff : n >>> 0;
  out[at + 1] = width === 3 ? Math.floor(n / TWO32) >>> 0 : 0;
}

/** Writes the first 8 UTF-8 bytes of `s` as a little-endian word at `at`. */
function putString(s: string, at: number): void {
  bytes.fill(0);
  encoder.encodeInto(s.length > 8 ? s.slice(0, 8) : s, bytes);
  operandHalves[at] = bytesView.getUint32(0, true);
  operandHalves[at + 1] = bytesView.getUint32(4, true);
}

/** Whether a primitive can stand in a string comparison (as its String() form). */
function isStringable(v: unknown): boolean {
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'bigint' || t === 'boolean';
}

/**
 * Encodes operands `a1`, `a2` into `operandHalves`. Returns the record type without the
 * CONST bit, or -1 when the pair gives no record.
 */
export function encodeOperands(a1: unknown, a2: unknown): number {
  if (typeof a1 === 'string' || typeof a2 === 'string') {
    if (!isStringable(a1) || !isStringable(a2)) return -1;
    putString(String(a1), 0);
    putString(String(a2), 2);
    return KCOVJS_CMP_STRING;
  }
  const w1 = numericWidth(a1);
  const w2 = numericWidth(a2);
  if (w1 < 0 || w2 < 0) return -1;
  const width = w1 > w2 ? w1 : w2;
  putNumeric(a1, width, 0);
  putNumeric(a2, width, 2);
  return KCOV_CMP_SIZE(width);
}
