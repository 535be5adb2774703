// Reads a file we were handed (a --compare baseline, a tune cache) safely: a regular file only, never more
// than a size cap. A device (/dev/zero), a FIFO (which would block) or a symlink to one is refused with its
// path, before a byte is read; so is a file too large to be what it claims.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** What a non-regular file is, for the message. */
function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/**
 * The text of `path`, which must be a regular file (a symlink to one is fine) of at most `maxBytes`. Errors
 * name the path and say what it is instead. Opened without blocking, so a FIFO is refused rather than waited on.
 */
export function readRegularFile(path: string, maxBytes: number): string {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error(`${path} is ${kindOf(stat)}, not a regular file; give a file`);
    if (stat.size > maxBytes) throw new Error(`${path} is ${mib(stat.size)}, over the ${mib(maxBytes)} such a file could hold; it is not one`);
    const bytes = Buffer.alloc(Math.min(stat.size, maxBytes) + 1); // one more: a file growing as we read is caught too
    let length = 0;
    for (let read; length < bytes.length && (read = readSync(fd, bytes, length, bytes.length - length, null)) > 0; ) length += read;
    if (length > maxBytes) throw new Error(`${path} grew past ${mib(maxBytes)} while it was read; it is not such a file`);
    return bytes.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
