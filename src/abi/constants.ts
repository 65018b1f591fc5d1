/**
 * The Linux kcov ABI as seen by a 64-bit (x86-64) user space program.
 * Values are those of include/uapi/linux/kcov.h; the UNIQUE/RESET pair follows the
 * unmerged 2025 dedup series (v4). See docs/pcs.md and the kcov spec in shared/reference.
 */

/** `_IOR('c', 1, unsigned long)`: set the area size in 8-byte words. */
export const KCOV_INIT_TRACE = 0x80086301;
/** `_IO('c', 100)`: enable coverage for the calling task; arg is the trace mode. */
export const KCOV_ENABLE = 0x6364;
/** `_IO('c', 101)`: disable coverage for the calling task; arg must be 0. */
export const KCOV_DISABLE = 0x6365;
/** `_IOW('c', 102, struct kcov_remote_arg)`: remote coverage (answered with ENOTTY for now). */
export const KCOV_REMOTE_ENABLE = 0x40186366;
/** `_IOW('c', 103, unsigned long)`: unique mode (unmerged Linux proposal); arg is the bitmap size in words. */
export const KCOV_UNIQUE_ENABLE = 0x40086367;
/** `_IO('c', 104)`: zero the unique bitmap and the trace count (unmerged Linux proposal). */
export const KCOV_RESET_TRACE = 0x6368;
/** What a 32-bit kernel calls KCOV_INIT_TRACE; on our 64-bit ABI it is an unknown command (ENOTTY). */
export const KCOV_INIT_TRACE32 = 0x80046301;

/** ENABLE argument: trace the PCs of executed blocks. */
export const KCOV_TRACE_PC = 0;
/** ENABLE argument: trace comparison operands. */
export const KCOV_TRACE_CMP = 1;

/** CMP record type bit: one operand is a compile-time constant (and sits in arg1). */
export const KCOV_CMP_CONST = 1;
/** CMP record type field for an operand of `2**n` bytes. */
export function KCOV_CMP_SIZE(n: number): number {
  return n << 1;
}
/** Mask of the size field in a CMP record type. */
export const KCOV_CMP_MASK = KCOV_CMP_SIZE(3);
/** Words per TRACE_CMP record: type, arg1, arg2, ip. */
export const KCOV_WORDS_PER_CMP = 4;

/**
 * kcovjs extension (not Linux): a CMP record whose operands are strings. Linux consumers
 * only know types 0..7 and can skip it. arg1/arg2 hold the first 8 UTF-8 bytes of each
 * operand, little-endian, and bit KCOV_CMP_CONST keeps its meaning. See docs/pcs.md.
 */
export const KCOVJS_CMP_STRING = 0x10;

/** Largest INIT_TRACE argument: INT_MAX / sizeof(unsigned long). */
export const KCOV_MAX_WORDS = Math.floor(0x7fffffff / 8);
/** Page size used to round mmap lengths, as on x86-64. */
export const PAGE_SIZE = 4096;
/** The device path, as in Linux and gVisor. */
export const KCOV_PATH = '/sys/kernel/debug/kcov';

/** Lowest synthetic PC (inclusive). */
export const PC_BASE = 0xffffffff80000000n;
/** End of the synthetic PC range (exclusive). */
export const PC_LIMIT = 0xffffffffff000000n;
/** Distance between two synthetic PCs; consumers drop the low 3 bits. */
export const PC_STRIDE = 8;
/** Low 32 bits of PC_BASE: slot s has PC 0xffffffff_00000000 + PC_LOW_BASE + 8*s. */
export const PC_LOW_BASE = 0x80000000;
/** Number of PC slots in the range. */
export const PC_SLOTS = (0xff000000 - PC_LOW_BASE) / PC_STRIDE;
