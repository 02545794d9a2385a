// Two real `kg extract` processes into one --out: the second refuses, naming the first, or with --wait runs after it;
// either way the outputs are those of one run, never a mix.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

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

/** Resolves once the first run holds the folder's lock. */
async function lockTaken(out: string): Promise<void> {
  const lock = join(out, '.state', 'lock');
  for (let i = 0; i < 600 && !existsSync(lock); i++) await new Promise((r) => setTimeout(r, 50));
  if (!existsSync(lock)) throw new Error('the first kg extract never took the lock');
}

const outputs = (out: string) => ['articles.jsonl', 'entities.jsonl', 'relations.jsonl'].map((f) => readFileSync(join(out, f), 'utf8'));

describe('two kg extract into one output folder', () => {
  it('refuses the second while the first runs, naming the first', { timeout: 120_000 }, async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'kg-concurrent-'));
    dirs.push(tmp);
    const out = join(tmp, 'out');
    const first = kg(['extract', 'seeds', '--out', out, '--full', '-q']);
    await lockTaken(out);
    const second = await kg(['extract', 'dev', '--out', out, '--full', '-q']);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/in use by another kg extract \(pid \d+ on .+, started \d{4}-/);
    expect((await first).code).toBe(0);
    // The outputs are the first run's alone: the seeds' 16 articles, none of dev's.
    const articles = outputs(out)[0]!.trim().split('\n').map((l) => JSON.parse(l) as { id: string });
    expect(articles).toHaveLength(16);
    expect(existsSync(join(out, '.state', 'lock'))).toBe(false);
  });

  it('with --wait runs the second after the first, and the outputs equal one run of the second', { timeout: 180_000 }, async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'kg-concurrent-'));
    dirs.push(tmp);
    const [out, alone] = [join(tmp, 'out'), join(tmp, 'alone')];
    const first = kg(['extract', 'seeds', '--out', out, '--full', '-q']);
    await lockTaken(out);
    const second = await kg(['extract', 'seeds', 'dev', '--out', out, '--wait', '-q']);
    expect((await first).code).toBe(0);
    expect(second.code).toBe(0);
    expect((await kg(['extract', 'seeds', 'dev', '--out', alone, '-q'])).code).toBe(0);
    expect(outputs(out)).toEqual(outputs(alone));
  });
});
