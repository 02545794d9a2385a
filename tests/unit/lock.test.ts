// The output folder's lock between real processes: `node -e` children take it as a run would.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStale, lockPath, parseHolder, takeLock } from '../../src/state/lock.ts';

const ROOT = join(import.meta.dirname, '../..');
const LOCK_URL = new URL('../../src/state/lock.ts', import.meta.url).href;
/** Takes the lock of argv[1] (waiting if argv[2] is 'wait'), says so on stdout, releases it when stdin says so. */
const HOLDER = `
const { takeLock } = await import(${JSON.stringify(LOCK_URL)});
try {
  const lock = await takeLock(process.argv[1], { wait: process.argv[2] === 'wait', pollMs: 50 });
  console.log(JSON.stringify({ got: true, note: lock.note }));
  process.stdin.once('data', () => { lock.release(); process.exit(0); });
} catch (err) {
  console.log(JSON.stringify({ got: false, error: err.message }));
  process.exit(3);
}`;

interface Child {
  proc: ChildProcessWithoutNullStreams;
  /** The child's first line of output, parsed. */
  said: Promise<{ got: boolean; note?: string | null; error?: string }>;
}

const children: Child[] = [];
function holder(out: string, mode: 'wait' | 'once' = 'once'): Child {
  const proc = spawn('node', ['--import', 'tsx', '--input-type=module', '-e', HOLDER, out, mode], { cwd: ROOT });
  const said = new Promise<string>((resolve, reject) => {
    createInterface({ input: proc.stdout }).once('line', resolve);
    proc.once('exit', (code) => reject(new Error(`child exited ${code} without a word`)));
  }).then((l) => JSON.parse(l) as { got: boolean; note?: string | null; error?: string });
  const child = { proc, said };
  children.push(child);
  return child;
}
const exited = (c: Child) =>
  new Promise<number | null>((resolve) =>
    c.proc.exitCode !== null ? resolve(c.proc.exitCode) : c.proc.once('exit', resolve),
  );

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kg-lock-'));
});
afterEach(async () => {
  for (const c of children.splice(0))
    if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('takeLock between processes', () => {
  it('refuses a second run while the first holds the lock, naming its pid and start time', async () => {
    const first = holder(dir);
    expect(await first.said).toEqual({ got: true, note: null });
    const held = parseHolder(readFileSync(lockPath(dir), 'utf8'))!;
    expect(held).toMatchObject({ pid: first.proc.pid, host: hostname() });
    const message = `output folder ${dir} is in use by another kg extract (pid ${first.proc.pid} on ${hostname()}, started ${held.started}): wait for it to finish, or run with --wait`;
    await expect(takeLock(dir)).rejects.toThrow(message);
    const second = holder(dir);
    expect(await second.said).toEqual({ got: false, error: message });
    expect(await exited(second)).toBe(3);
  });

  it('with wait, takes the lock once the first run releases it', async () => {
    const first = holder(dir);
    await first.said;
    const second = holder(dir, 'wait');
    let taken = false;
    void second.said.then(() => (taken = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(taken).toBe(false);
    first.proc.stdin.write('release\n');
    expect(await exited(first)).toBe(0);
    expect(await second.said).toEqual({ got: true, note: null });
    expect(parseHolder(readFileSync(lockPath(dir), 'utf8'))!.pid).toBe(second.proc.pid);
  });

  it('takes over the lock of a run that was killed, with a note naming it', async () => {
    const first = holder(dir);
    await first.said;
    const stale = parseHolder(readFileSync(lockPath(dir), 'utf8'))!;
    first.proc.kill('SIGKILL');
    await exited(first);
    expect(existsSync(lockPath(dir))).toBe(true); // a killed run leaves its lock
    const lock = await takeLock(dir);
    expect(lock.note).toBe(
      `took over the lock of pid ${stale.pid} on ${hostname()}, started ${stale.started}: that run ended without releasing it`,
    );
    expect(parseHolder(readFileSync(lockPath(dir), 'utf8'))!.pid).toBe(process.pid);
    lock.release();
    lock.release();
    expect(existsSync(lockPath(dir))).toBe(false);
  });

  it('gives the lock to exactly one of several runs started at once', async () => {
    const runs = [holder(dir), holder(dir), holder(dir), holder(dir)];
    const said = await Promise.all(runs.map((r) => r.said));
    expect(said.filter((s) => s.got)).toHaveLength(1);
    expect(said.filter((s) => !s.got).every((s) => s.error?.includes('is in use by another kg extract'))).toBe(true);
  });

  it('does not remove a lock it no longer holds', async () => {
    const lock = await takeLock(dir);
    rmSync(lockPath(dir));
    const other = holder(dir);
    expect((await other.said).got).toBe(true);
    lock.release();
    expect(parseHolder(readFileSync(lockPath(dir), 'utf8'))!.pid).toBe(other.proc.pid);
  });
});

describe('lock holders', () => {
  it('are stale only on this host and when their pid is gone; a half-written lock is no holder', () => {
    const h = { pid: 42, host: 'here', started: '2026-01-01T00:00:00.000Z' };
    expect(isStale(h, 'here', () => false)).toBe(true);
    expect(isStale(h, 'here', () => true)).toBe(false);
    expect(isStale(h, 'elsewhere', () => false)).toBe(false);
    expect(parseHolder(JSON.stringify(h))).toEqual(h);
    expect(parseHolder('{"pid": 4')).toBeNull();
  });
});
