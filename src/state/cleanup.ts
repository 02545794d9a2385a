// Temporary files of `kg extract`: outputs are written to `DIR/<name>.tmp` and state files to `DIR/.state/**/<name>.tmp`,
// then renamed. A run stopped by SIGINT or SIGTERM never reaches its rename or its abort, so the signal handler here
// removes them before the process ends as the signal would have ended it. (The lock's own temp file, DIR/.state/
// lock.<pid>.tmp, may belong to another run taking the lock at that moment: lock.ts removes it.)
import { type Dirent, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { finishCommit } from './commit.ts';

const TEMP = /\.tmp$/;
const LOCK_TEMP = /^lock\.\d+\.tmp$/;
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Remove the temp files in `dir` and anywhere under `dir/.state`; returns their paths. */
export function removeTempFiles(dir: string): string[] {
  // A run stopped while putting its outputs in place finishes that first: its temp files are the new outputs.
  finishCommit(dir);
  const removed: string[] = [];
  const sweep = (folder: string, deep: boolean) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // no such folder: nothing to remove
    }
    for (const e of entries) {
      const path = join(folder, e.name);
      if (e.isDirectory()) {
        if (deep) sweep(path, true);
      } else if (TEMP.test(e.name) && !LOCK_TEMP.test(e.name)) {
        rmSync(path, { force: true });
        removed.push(path);
      }
    }
  };
  sweep(dir, false);
  sweep(join(dir, '.state'), true);
  return removed;
}

/**
 * Until the returned function is called: on SIGINT or SIGTERM, remove the temp files of `dir`, call `before` (e.g.
 * release the run's lock), then end the process by the same signal (exit status 128 + signal, as without a handler).
 */
export function removeTempFilesOnSignal(dir: string, before?: () => void): () => void {
  const stop = () => {
    for (const s of SIGNALS) process.off(s, handler);
  };
  function handler(signal: NodeJS.Signals): void {
    stop();
    try {
      removeTempFiles(dir);
      before?.();
    } finally {
      process.kill(process.pid, signal);
    }
  }
  for (const s of SIGNALS) process.on(s, handler);
  return stop;
}
