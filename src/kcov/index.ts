/**
 * The kcov device: the Linux kcov ABI (open / ioctl / mmap / close) over the coverage of
 * instrumented JS/TS code, with per-task attribution. See docs/kcov.md.
 */
export { open, KcovFile } from './device.js';
export { runTask } from './task.js';
