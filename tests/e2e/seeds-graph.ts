// The seeds graph the server and viewer tests run against: the real extractor's output for the two seed pages
// (`kg extract seeds --out <tmp>`), written fresh into a temporary folder for each run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Runs `kg extract seeds` into a new temporary folder and returns the folder (it holds graph.json). */
export function writeSeedsGraph(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kg-seeds-graph-'));
  execFileSync(process.execPath, [join(ROOT, 'bin/kg.js'), 'extract', join(ROOT, 'seeds'), '--out', dir, '--quiet'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (!existsSync(join(dir, 'graph.json'))) throw new Error(`kg extract seeds wrote no graph.json into ${dir}`);
  return dir;
}
