/**
 * Files that appear whole or not at all: every kcovjs writer (manifest, coverage files,
 * traces, fuzzing corpus and artifacts) goes through here, so a kill at any moment leaves
 * either the old file or the new one, plus at most a temporary that the next run removes.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writes `data` to `file` so that a reader (or a kill of the process at any moment) sees
 * either no file or the whole file: write to a temporary dot-name in the same directory,
 * then rename. With `durable`, the data is also flushed to the disk before the rename
 * (artifacts: they must survive a crash of the machine too).
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, durable = false): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = fs.openSync(tmp, 'wx');
  try {
    fs.writeFileSync(fd, data);
    if (durable) fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Removes the temporary files that writers killed mid-write left in `dir` (the dot-files
 * of writeFileAtomic whose process is gone). Returns how many were removed.
 */
export function removeStaleTemporaries(dir: string): number {
  let removed = 0;
  for (const name of fs.readdirSync(dir)) {
    const m = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name);
    if (!m || processAlive(Number(m[1]))) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

