// The corrections file and the run's use of it: I/O at the edges of apply.ts. `kg extract` reads the file before any
// work (a malformed line stops the run, naming file and line), applies it to the merged records before they are
// written, and keeps in DIR/.state/corrections.json which articles the corrections changed, so that the delta for
// `kg load` reloads them when the file changes.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readRecordLines } from '../ingest/records.ts';
import { Correction, Relation, type Entity } from '../schema.ts';
import type { RunDelta } from '../state/delta.ts';
import { writeFileAtomic } from '../state/store.ts';
import { applyCorrections, type LocatedCorrection } from './apply.ts';

export const CORRECTIONS_FILE = 'corrections.jsonl';
const STATE_FILE = join('.state', 'corrections.json');

export interface CorrectionsFile {
  path: string;
  /** sha256 of its bytes; '' when there is no file. */
  hash: string;
  corrections: LocatedCorrection[];
}

/** The corrections file of a run: `--corrections FILE`, else DIR/corrections.jsonl. */
export const correctionsPath = (settings: { out: string; corrections?: string | undefined }): string =>
  settings.corrections ?? join(settings.out, CORRECTIONS_FILE);

/**
 * Every correction of the file, checked; a file given by --corrections must exist, DIR/corrections.jsonl need not.
 * Throws `file:line: what is wrong` at the first bad line.
 */
export async function readCorrections(settings: {
  out: string;
  corrections?: string | undefined;
}): Promise<CorrectionsFile> {
  const path = correctionsPath(settings);
  if (!existsSync(path)) {
    if (settings.corrections !== undefined) throw new Error(`--corrections ${path}: no such file`);
    return { path, hash: '', corrections: [] };
  }
  const corrections: LocatedCorrection[] = [];
  for await (const { where, value } of readRecordLines(path, Correction))
    corrections.push({ where, correction: value });
  return { path, hash: createHash('sha256').update(readFileSync(path)).digest('hex'), corrections };
}

/** Appends one correction as a line (after a newline, should the file's last line lack one). */
export function appendCorrection(path: string, c: Correction): void {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  appendFileSync(path, `${text && !text.endsWith('\n') ? '\n' : ''}${JSON.stringify(Correction.parse(c))}\n`);
}

/** What a run's corrections did, for its summary. */
export interface CorrectionsReport {
  file: string | null;
  applied: number;
  skipped: string[];
}

export interface CorrectedRun {
  entities: Entity[];
  report: CorrectionsReport;
  /** Whether relations.jsonl is not the units' lines as cached: then the next run must not copy ranges of it. */
  relationsRewritten: boolean;
  /** Relations per type as written, when the corrections changed them (else the units' counts hold). */
  relationTypes: Record<string, number> | null;
  articles: string[];
  hash: string;
}

/**
 * The corrections applied to the run's merged entities and to the relations file it wrote (`relationsTmp`, rewritten
 * in place when they change it; unchanged lines keep their bytes).
 */
export function correctRun(file: CorrectionsFile, entities: Entity[], relationsTmp: string): CorrectedRun {
  const none = { entities, relationsRewritten: false, relationTypes: null, articles: [], hash: file.hash };
  if (!file.corrections.length)
    return { ...none, report: { file: file.hash ? file.path : null, applied: 0, skipped: [] } };
  const lines = readFileSync(relationsTmp, 'utf8')
    .split('\n')
    .filter((l) => l);
  const relations = lines.map((l) => Relation.parse(JSON.parse(l)));
  const c = applyCorrections(entities, relations, file.corrections);
  const report = { file: file.path, applied: c.applied, skipped: c.skipped };
  if (!c.changedRelations.size) return { ...none, entities: c.entities, report };
  const text = c.relations.map((r, k) => {
    const i = c.sources[k]!;
    return `${c.changedRelations.has(i) ? JSON.stringify(r) : lines[i]}\n`;
  });
  writeFileSync(relationsTmp, text.join(''));
  const relationTypes: Record<string, number> = {};
  for (const r of c.relations) relationTypes[r.type] = (relationTypes[r.type] ?? 0) + 1;
  return {
    entities: c.entities,
    report,
    relationsRewritten: true,
    relationTypes,
    articles: c.articles,
    hash: file.hash,
  };
}

/**
 * After the outputs are committed: the delta reloads the articles the corrections changed, this run's and the last
 * run's, when the file changed since; the state remembers this run's.
 */
export function settleCorrections(outDir: string, run: CorrectedRun, delta: RunDelta): RunDelta {
  const path = join(outDir, STATE_FILE);
  let last = { hash: '', articles: [] as string[] };
  try {
    last = JSON.parse(readFileSync(path, 'utf8')) as typeof last;
  } catch {
    // no corrections applied before
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, `${JSON.stringify({ hash: run.hash, articles: run.articles })}\n`);
  if (last.hash === run.hash || delta.full) return delta;
  const fresh = new Set([...delta.articles.added, ...delta.articles.removed]);
  const changed = new Set([...delta.articles.changed, ...last.articles, ...run.articles].filter((a) => !fresh.has(a)));
  return { ...delta, articles: { ...delta.articles, changed: [...changed].sort() } };
}
