// The compiled kg (npm run build → dist/) against the sources through tsx: the same help, and byte-identical
// outputs of `kg extract` on the seeds, in this thread and in worker threads (the pool spawns the compiled worker).
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const KG = join(ROOT, 'bin/kg.js');
const OUTPUTS = ['articles.jsonl', 'entities.jsonl', 'relations.jsonl', 'graph.json'];

const kg = (mode: 'dist' | 'src', args: string[]) =>
  run(process.execPath, [KG, ...args], { cwd: ROOT, env: { ...process.env, KG_RUN: mode }, maxBuffer: 1 << 26 });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kg-cli-dist-'));
  // Built from the sources under test, whatever dist/ held before.
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.js')], { cwd: ROOT, stdio: 'pipe' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kg from dist/', () => {
  it('prints the same help as the sources, for kg and for a subcommand', async () => {
    for (const args of [['--help'], ['extract', '--help'], ['help', 'query']]) {
      const [fromDist, fromSrc] = await Promise.all([kg('dist', args), kg('src', args)]);
      expect(fromDist.stdout).toContain('Usage: kg');
      expect(fromDist.stdout).toBe(fromSrc.stdout);
    }
  });

  it.each([1, 2])('extracts the seeds with %i worker(s) into the same bytes as the sources', async (workers) => {
    const extract = (mode: 'dist' | 'src') =>
      kg(mode, ['extract', 'seeds', '--out', join(dir, `${mode}-${workers}`), '--workers', String(workers), '-q']);
    await Promise.all([extract('dist'), extract('src')]);
    for (const file of OUTPUTS) {
      const fromDist = readFileSync(join(dir, `dist-${workers}`, file));
      expect(fromDist.length).toBeGreaterThan(100);
      expect(fromDist.equals(readFileSync(join(dir, `src-${workers}`, file))), file).toBe(true);
    }
  });
});
