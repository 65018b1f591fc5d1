// The PC-trace sample program of Linux's Documentation/dev-tools/kcov.rst, in JavaScript.
//
//   node --import kcovjs/register examples/kcov-sample.mjs | npx kcovjs symbolize
//
// As in C: open the device, size the area, map it, enable tracing for this task, zero the
// count, run the code under test (here js-yaml, instrumented by the loader), read the count
// and the PCs, disable. Each PC is printed as 0x%lx, one per line, so `kcovjs symbolize`
// (like addr2line for the kernel) can turn them into source ranges.
import { open, KCOV_INIT_TRACE, KCOV_ENABLE, KCOV_DISABLE, KCOV_TRACE_PC } from 'kcovjs';
import yaml from 'js-yaml';

const COVER_SIZE = 64 << 10; // words

const fd = open('/sys/kernel/debug/kcov');
fd.ioctl(KCOV_INIT_TRACE, COVER_SIZE);
const cover = fd.mmap(COVER_SIZE * 8, 0);
fd.ioctl(KCOV_ENABLE, KCOV_TRACE_PC);
// Reset coverage from the tail of the ioctl() call.
Atomics.store(cover, 0, 0n);
// Call the target.
yaml.load(process.argv[2] ?? 'kcov: [sample, 1]');
// Read the number of PCs collected.
const n = Number(Atomics.load(cover, 0));
const lines = [];
for (let i = 0; i < n; i++) lines.push(`0x${cover[i + 1].toString(16)}`);
process.stdout.write(lines.join('\n') + (n > 0 ? '\n' : ''));
// Disable coverage collection for the current task. From here on the area is unchanged
// until the next KCOV_ENABLE.
fd.ioctl(KCOV_DISABLE, 0);
fd.close();
