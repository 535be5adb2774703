// Writes a file whole or not at all: the text goes to a temporary file beside it, named uniquely (process id and
// random letters, so two processes never share one), and is renamed into place. A reader sees the old file or
// the new one, never half of one; a signal or a crash mid-write leaves the old file as it was.
import { randomBytes } from 'node:crypto';
import { renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The temporary name beside `path`: hidden, and unique to this process and call. */
export function tempNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

function isSpecialFile(path: string): boolean {
  try {
    const stat = statSync(path);
    return !stat.isFile() && !stat.isDirectory();
  } catch {
    return false;
  }
}

/**
 * Writes `text` to `path` through a unique temporary file and a rename. The rename replaces `path` itself: a
 * symbolic link there is replaced, never followed. A device or a FIFO (--json /dev/stdout) is written directly,
 * since it cannot be renamed over and holds no old content to keep.
 */
export function writeFileAtomic(path: string, text: string): void {
  if (isSpecialFile(path)) return writeFileSync(path, text);
  const temp = tempNameFor(path);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // never made, or already renamed
    }
    throw error;
  }
}
