// A lock file for read-merge-write updates of one file by several processes (two `cake tune`s on one cache).
// Taken by creating `lock` exclusively (O_EXCL) with our process id inside; a lock whose process is gone, or
// older than staleMs, is broken, so a process killed while holding it does not block the next one for ever.
import { openSync, closeSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';

const waitStepMs = 5;
const giveUpMs = 30_000; // a save holds the lock for milliseconds: half a minute is a lock nobody will release
const staleMs = 60_000;

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(lock: string): boolean {
  try {
    const pid = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    return (Number.isSafeInteger(pid) && pid > 0 && !isAlive(pid)) || Date.now() - statSync(lock).mtimeMs > staleMs;
  } catch {
    return false; // gone already, or being written: try again
  }
}

/** Runs `update` holding `lock`; throws, naming the lock file, when another process holds it for too long. */
export function withLockFile<T>(lock: string, update: () => T): T {
  const startMs = Date.now();
  let fd: number | undefined;
  while (fd === undefined) {
    try {
      fd = openSync(lock, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (isStale(lock)) {
        try {
          unlinkSync(lock);
        } catch {
          // another waiter broke it first
        }
        continue;
      }
      if (Date.now() - startMs > giveUpMs) throw new Error(`${lock} has been held by another process for ${giveUpMs / 1000} s; if no cake tune is running, delete it.`);
      sleep(waitStepMs);
    }
  }
  try {
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return update();
  } finally {
    try {
      unlinkSync(lock);
    } catch {
      // broken as stale by another process: nothing to release
    }
  }
}
