// The outputs of a run change together (src/state/commit.ts): a run killed between two renames leaves a journal; the
// next kg extract completes it, and readers refuse the folder until then.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRecords } from '../../src/ingest/records.ts';
import { commitJournal, finishCommit } from '../../src/state/commit.ts';

const ROOT = join(import.meta.dirname, '../..');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'kg-commit-'));
  dirs.push(d);
  return d;
};

/** A folder as a run leaves it when killed after renaming the first of three outputs. */
function killedMidCommit(out: string): void {
  mkdirSync(join(out, '.state'), { recursive: true });
  for (const f of ['articles', 'entities', 'relations']) {
    writeFileSync(join(out, `${f}.jsonl`), `old ${f}\n`);
    writeFileSync(join(out, `${f}.jsonl.tmp`), `new ${f}\n`);
  }
  writeFileSync(
    commitJournal(out),
    JSON.stringify(['articles', 'entities', 'relations'].map((f) => [`${f}.jsonl.tmp`, `${f}.jsonl`])),
  );
  renameSync(join(out, 'articles.jsonl.tmp'), join(out, 'articles.jsonl'));
}

describe('output files change together', () => {
  it('completes the renames a journal lists, and only once', () => {
    const out = tmp();
    killedMidCommit(out);
    expect(finishCommit(out)).toBe(true);
    for (const f of ['articles', 'entities', 'relations'])
      expect(readFileSync(join(out, `${f}.jsonl`), 'utf8')).toBe(`new ${f}\n`);
    expect(finishCommit(out)).toBe(false);
  });

  it('refuses to read a folder whose commit is pending, naming the way out', async () => {
    const out = tmp();
    killedMidCommit(out);
    await expect(readRecords(out)).rejects.toThrow(/stopped while putting its outputs in place .*run kg extract again/);
  });

  it('kg extract completes a pending commit before its own run and says so', { timeout: 120_000 }, () => {
    const out = tmp();
    execFileSync('node', [join(ROOT, 'bin/kg.js'), 'extract', join(ROOT, 'seeds'), '--out', out, '-q'], { cwd: ROOT });
    const before = readFileSync(join(out, 'relations.jsonl'), 'utf8');
    // A stopped run had new outputs ready: the last run's, so the folder's content is known.
    for (const f of ['articles', 'entities', 'relations']) cpSync(join(out, `${f}.jsonl`), join(out, `${f}.jsonl.tmp`));
    writeFileSync(join(out, 'relations.jsonl'), 'half-written\n');
    writeFileSync(
      commitJournal(out),
      JSON.stringify(['articles', 'entities', 'relations'].map((f) => [`${f}.jsonl.tmp`, `${f}.jsonl`])),
    );
    const run = spawnSync('node', [join(ROOT, 'bin/kg.js'), 'extract', join(ROOT, 'seeds'), '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('note: completed the outputs of an earlier run stopped while putting them in place');
    expect(readFileSync(join(out, 'relations.jsonl'), 'utf8')).toBe(before);
  });
});
