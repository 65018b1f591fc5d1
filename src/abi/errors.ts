import { constants as osConstants } from 'node:os';

/** Errno names the device can answer with, and their x86-64 numbers. */
export const ERRNO = {
  ENOENT: 2,
  EBADF: 9,
  ENOMEM: 12,
  EFAULT: 14,
  EBUSY: 16,
  EEXIST: 17,
  EINVAL: 22,
  ENOTTY: 25,
  ESPIPE: 29,
  EOPNOTSUPP: 95,
  /** Kernel-internal ENOTSUPP that leaks to user space unchanged. */
  ENOTSUPP: 524,
} as const;

/** A name from ERRNO. */
export type ErrnoCode = keyof typeof ERRNO;
/** The system call a KcovError is attributed to. */
export type KcovSyscall = 'open' | 'ioctl' | 'mmap' | 'close';

/**
 * A system error shaped like Node's own (`code`, `errno`, `syscall`), thrown by the kcov
 * device. `errno` is negative, as in Node's fs errors.
 */
export class KcovError extends Error {
  readonly code: ErrnoCode;
  readonly errno: number;
  readonly syscall: KcovSyscall;
  readonly path?: string;

  constructor(code: ErrnoCode, syscall: KcovSyscall, detail: string, path?: string) {
    super(`${code}: ${detail}, ${syscall}${path ? ` '${path}'` : ''}`);
    this.name = 'KcovError';
    this.code = code;
    this.errno = -(osConstants.errno as Record<string, number>)[code] || -ERRNO[code];
    this.syscall = syscall;
    if (path !== undefined) this.path = path;
  }
}

/** Shorthand for `new KcovError(...)`, for use in `throw` positions. */
export function kcovError(code: ErrnoCode, syscall: KcovSyscall, detail: string, path?: string): KcovError {
  return new KcovError(code, syscall, detail, path);
}
