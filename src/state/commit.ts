// The output files of a run change together. Renaming them one by one leaves a window in which a kill would pair new
// articles with old relations, so the run first writes a journal (DIR/.state/commit.json) naming every rename, then
// renames, then removes the journal. A journal still there means a run was stopped mid-commit: the next kg extract (or
// the signal handler of the stopped one) completes the renames, and readers of the folder refuse it until then.
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeFileAtomic } from './store.ts';

export const commitJournal = (out: string): string => join(out, '.state', 'commit.json');

/** Puts every `tmp` in place of its `path` as one step: after a kill, finishCommit completes what was begun. */
export function commitTogether(out: string, files: ReadonlyArray<{ tmp: string; path: string }>): void {
  const renames = files.map((f) => [relative(out, f.tmp), relative(out, f.path)]);
  writeFileAtomic(commitJournal(out), `${JSON.stringify(renames)}\n`);
  finishCommit(out);
}

/** Completes the renames of a pending journal; returns false when none was pending. */
export function finishCommit(out: string): boolean {
  const journal = commitJournal(out);
  if (!existsSync(journal)) return false;
  const renames = JSON.parse(readFileSync(journal, 'utf8')) as Array<[string, string]>;
  for (const [tmp, path] of renames) if (existsSync(join(out, tmp))) renameSync(join(out, tmp), join(out, path));
  rmSync(journal, { force: true });
  return true;
}
