// One `kg extract` at a time per output folder: two runs writing the same DIR would interleave their outputs and state.
// The lock is DIR/.state/lock, created exclusively, holding {pid, host, started}. A lock whose process is gone (same
// host, pid not alive: the run was killed) is stale and taken over, with a note; a live one makes the second run
// refuse, naming the first, or wait for it (`wait`). A lock of another host cannot be checked and counts as live.
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';

export const LockHolder = z.object({ pid: z.number().int().positive(), host: z.string(), started: z.string() });
export type LockHolder = z.infer<typeof LockHolder>;

export interface Lock {
  readonly path: string;
  /** What taking the lock had to say (a stale lock taken over), for the run's notes; null when nothing. */
  readonly note: string | null;
  /** Removes the lock if it is still this run's; safe to call twice. */
  release(): void;
}

export interface LockOptions {
  /** Wait for a live holder to finish instead of refusing. */
  wait?: boolean;
  /** How often a waiting run looks again (ms). */
  pollMs?: number;
}

/** Tries before an unreadable lock (its holder is between creating and writing it) counts as stale. */
const UNREADABLE_TRIES = 20;
const RETRY_MS = 50;

export const lockPath = (out: string): string => join(out, '.state', 'lock');

/** Whether a process of this host is alive (EPERM: it is, under another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The holder of a lock file's text, or null when it is not (yet) one. */
export function parseHolder(text: string): LockHolder | null {
  try {
    const parsed = LockHolder.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Whether a holder is known to be gone: only a process of this host can be checked. */
export const isStale = (h: LockHolder, host: string, alive: (pid: number) => boolean): boolean =>
  h.host === host && !alive(h.pid);

export const describeHolder = (h: LockHolder): string => `pid ${h.pid} on ${h.host}, started ${h.started}`;

/** Take the lock of output folder `out` for this process; throws naming the holder when it is taken (unless `wait`). */
export async function takeLock(out: string, opts: LockOptions = {}): Promise<Lock> {
  const path = lockPath(out);
  mkdirSync(join(out, '.state'), { recursive: true });
  const me: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  const mine = JSON.stringify(me);
  let note: string | null = null;
  let unreadable = 0;
  for (;;) {
    if (tryCreate(path, mine)) return { path, note, release: () => release(path, mine) };
    const text = readOrNull(path);
    if (text === null) continue; // released in between: try again
    const holder = parseHolder(text);
    if (!holder && ++unreadable < UNREADABLE_TRIES) {
      await sleep(RETRY_MS);
      continue;
    }
    if (!holder || isStale(holder, me.host, isAlive)) {
      if (takeOver(path, text)) {
        note = holder
          ? `took over the lock of ${describeHolder(holder)}: that run ended without releasing it`
          : `took over an unreadable lock file ${path}`;
      }
      continue;
    }
    if (!opts.wait) {
      throw new Error(
        `output folder ${out} is in use by another kg extract (${describeHolder(holder)}): wait for it to finish, or run with --wait`,
      );
    }
    await sleep(opts.pollMs ?? 500);
  }
}

/** Create the lock with our content in one step (link of a written temp file), so that no one reads it half-written. */
function tryCreate(path: string, content: string): boolean {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new Error(`cannot create the lock ${path}: ${(err as Error).message}`, { cause: err });
  } finally {
    rmSync(tmp, { force: true });
  }
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Remove a stale lock that holds `seen`. It is moved aside first and checked: if another run took it over in between,
 * the lock moved aside is that run's live one, and it is put back.
 */
function takeOver(path: string, seen: string): boolean {
  const aside = `${path}.stale.${process.pid}`;
  try {
    renameSync(path, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
  const moved = readOrNull(aside);
  if (moved !== seen) {
    try {
      linkSync(aside, path);
    } catch {
      // A third run holds the lock by now; the one moved aside lost it, as a crash would have.
    }
  }
  rmSync(aside, { force: true });
  return moved === seen;
}

function release(path: string, mine: string): void {
  if (readOrNull(path) === mine) rmSync(path, { force: true });
}
