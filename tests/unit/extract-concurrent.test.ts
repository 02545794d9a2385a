// A real `kg extract` into an --out that another run holds (this test process, through the lock a run takes): it refuses,
// naming the holder, or with --wait runs after it; either way the outputs are those of one run, never a mix.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { takeLock } from '../../src/state/lock.ts';

const ROOT = join(import.meta.dirname, '../..');
const KG = join(ROOT, 'bin/kg.js');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function kg(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn('node', [KG, ...args], { cwd: ROOT, env: { ...process.env, KG_RUN: 'src' } });
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.on('exit', (code) => resolve({ code, stderr }));
  });
}

const outputs = (out: string) =>
  ['articles.jsonl', 'entities.jsonl', 'relations.jsonl'].map((f) => readFileSync(join(out, f), 'utf8'));

describe('kg extract while another run holds the output folder', () => {
  it('refuses, naming the run that holds it, and writes nothing', { timeout: 120_000 }, async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'kg-concurrent-'));
    dirs.push(tmp);
    const out = join(tmp, 'out');
    mkdirSync(out);
    // This test process holds the lock as a running kg extract would.
    const held = await takeLock(out);
    try {
      const second = await kg(['extract', 'seeds', '--out', out, '-q']);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`in use by another kg extract (pid ${process.pid} on `);
      expect(existsSync(join(out, 'articles.jsonl'))).toBe(false);
    } finally {
      held.release();
    }
  });

  it('with --wait runs once the holder is done, and its outputs equal a run alone', { timeout: 180_000 }, async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'kg-concurrent-'));
    dirs.push(tmp);
    const [out, alone] = [join(tmp, 'out'), join(tmp, 'alone')];
    mkdirSync(out);
    const held = await takeLock(out);
    const second = kg(['extract', 'seeds', '--out', out, '--wait', '-q']);
    const done = await Promise.race([
      second.then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), 4000)),
    ]);
    expect(done).toBe(false); // still waiting for the holder
    expect(existsSync(join(out, 'articles.jsonl'))).toBe(false);
    held.release();
    expect((await second).code).toBe(0);
    expect((await kg(['extract', 'seeds', '--out', alone, '-q'])).code).toBe(0);
    expect(outputs(out)).toEqual(outputs(alone));
  });
});
