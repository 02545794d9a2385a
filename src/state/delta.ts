// What `kg extract` remembers between runs, and what changed since the last one. Pure: the I/O is in store.ts.
//
// DIR/.state/manifest.json   {version, fingerprint, cityRules, files, units, blocks, outputs} (Manifest below): `units`
//                             are the units of the last run in output order. `key` names the input (the absolute page
//                             path, or `<path>:<line>` for a line of a .jsonl file), `file` its absolute path, `hash` its
//                             content, home city and the extraction settings, `city` that city (`cityFrom`: a flag, its
//                             text, the default), `bytes` its text's size, `articles` its article ids, `lineBytes`,
//                             `relationTypes` and `notes` what its lines in the outputs hold, `gone` marks a
//                             unit no longer among the inputs whose records were kept (run without --prune).
//                             `files` holds the stat stamp of each input file read without error; `fingerprint` the
//                             settings and code (settingsFingerprint) the hashes were made with, `cityRules` the --city
//                             flags (cityRulesKey). A file whose stamp is unchanged under the same fingerprint and city
//                             rules is not read again: its units are those of the last run.
//                             `blocks` names the entity blocks (blocks.ts), `outputs` the stamps of the committed line
//                             files (outputs.ts).
// DIR/.state/units/<hash>.jsonl  the records of one unit: a header line, then its articles.jsonl lines, then its
//                             relations.jsonl lines (see store.ts). Content-addressed: a unit whose hash is there is
//                             not extracted again.
// DIR/.state/blocks/<key>.json the entities of a block of consecutive units, merged (blocks.ts).
// DIR/.state/last-run.json    the delta of the last run, for `kg load` to apply to Neo4j (RunDelta below).
import { createHash } from 'node:crypto';
import type { Note, Unit } from '../run/units.ts';
import type { LineFile } from './outputs.ts';

export const STATE_VERSION = 3;

export interface ManifestUnit {
  key: string;
  file: string;
  hash: string;
  city: string;
  /** Where the city came from: a --city flag, the places its text names, or the default (its text names none). */
  cityFrom: 'flag' | 'text' | 'default';
  bytes: number;
  articles: string[];
  /** The byte lengths of its lines in articles.jsonl and relations.jsonl (outputs.ts copies them from there). */
  lineBytes: Record<LineFile, number>;
  relationTypes: Record<string, number>;
  notes: Note[];
  gone?: true;
}

/**
 * What stat tells of a file (bigint nanoseconds and numbers as strings, for JSON). Any write changes ctime, which no
 * tool sets back, so an unchanged stamp means unchanged content; a file renamed over it changes the inode.
 */
export interface FileStamp {
  size: string;
  mtimeNs: string;
  ctimeNs: string;
  ino: string;
}

export interface Manifest {
  version: number;
  fingerprint: string;
  cityRules: string;
  files: Record<string, FileStamp>;
  units: ManifestUnit[];
  /** Keys of the entity blocks (blocks.ts) of the units, in order. */
  blocks: string[];
  /** Stamps of articles.jsonl and relations.jsonl as committed (outputs.ts). */
  outputs: Partial<Record<LineFile, FileStamp>>;
}

/**
 * Within this much of the stat, a file may change again without changing its stamp (filesystems that keep times in
 * whole seconds or coarser): its stamp is not kept, and the next run reads and hashes it (git's "racy" entries).
 */
export const RACY_NS = 2_000_000_000n;

type BigStat = { size: bigint; mtimeNs: bigint; ctimeNs: bigint; ino: bigint };

export const fileStamp = (st: BigStat): FileStamp => ({
  size: String(st.size),
  mtimeNs: String(st.mtimeNs),
  ctimeNs: String(st.ctimeNs),
  ino: String(st.ino),
});

/** Whether a file stat'ed at `nowNs` (wall clock) changed too recently for its stamp to be trusted. */
export const isRacy = (st: BigStat, nowNs: bigint): boolean =>
  nowNs - st.mtimeNs < RACY_NS || nowNs - st.ctimeNs < RACY_NS;

export const sameStamp = (a: FileStamp, b: FileStamp): boolean =>
  a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs && a.ino === b.ino;

/**
 * The files of the last run that may be taken as they were, each with its stamp and units in order: none when the
 * settings or code changed since (every hash changes with them), or the city rules (a file may have another city now).
 */
export function stampedFiles(
  previous: Manifest | null,
  fingerprint: string,
  cityRules: string,
): Map<string, { stamp: FileStamp; units: ManifestUnit[] }> {
  const out = new Map<string, { stamp: FileStamp; units: ManifestUnit[] }>();
  if (!previous || previous.fingerprint !== fingerprint || previous.cityRules !== cityRules) return out;
  for (const u of previous.units) {
    const stamp = previous.files[u.file];
    if (!stamp || u.gone) continue;
    const entry = out.get(u.file) ?? out.set(u.file, { stamp, units: [] }).get(u.file)!;
    entry.units.push(u);
  }
  return out;
}

export interface IdDelta {
  added: string[];
  changed: string[];
  removed: string[];
}

/**
 * DIR/.state/last-run.json. To bring a database loaded from the previous outputs up to date: delete the articles in
 * `articles.removed` and `articles.changed` (with the relations whose `article` is one of them), delete the entities
 * in `entities.removed`; then load from the output files the articles in `articles.added` and `articles.changed`, their
 * relations, and the entities in `entities.added` and `entities.changed` (their `aliases`/`articles` lists are the new
 * ones, replacing the old). `full: true` means there was no usable previous state: every record is in `added`.
 */
export interface RunDelta {
  version: number;
  full: boolean;
  pages: { added: string[]; changed: string[]; removed: string[]; kept: string[]; unchanged: number };
  articles: IdDelta;
  entities: IdDelta;
}

/** Identity of a unit across runs. */
export function unitKey(unit: Unit, absolutePath: string): string {
  return unit.kind === 'page' ? absolutePath : `${absolutePath}:${unit.line}`;
}

/**
 * Everything the unit's records depend on: its text, its name (article ids come from it), its home city, the settings
 * and the code (`settings`, the fingerprint).
 */
export function unitHash(unit: Unit, settings: string): string {
  const h = createHash('sha256').update(settings).update(`\0${unit.city}\0`);
  if (unit.kind === 'page') h.update(`page\0${unit.file.split(/[\\/]/).pop()}\0${unit.stem}\0`).update(unit.text);
  else h.update(`article\0${unit.line}\0`).update(JSON.stringify(unit.article));
  return h.digest('hex').slice(0, 32);
}

/** The units of the last run that are not among this run's inputs, in their previous order. */
export function goneUnits(previous: Manifest | null, currentKeys: ReadonlySet<string>): ManifestUnit[] {
  return (previous?.units ?? []).filter((u) => !currentKeys.has(u.key));
}

/**
 * Without --prune, a gone unit is kept, unless one of its articles is produced again by the current inputs (the page
 * was moved or renamed: keeping the old copy would write its articles twice).
 */
export function splitGone(
  gone: ManifestUnit[],
  currentArticles: ReadonlySet<string>,
  prune: boolean,
): { kept: ManifestUnit[]; removed: ManifestUnit[] } {
  if (prune) return { kept: [], removed: gone };
  const kept: ManifestUnit[] = [];
  const removed: ManifestUnit[] = [];
  for (const u of gone) (u.articles.some((a) => currentArticles.has(a)) ? removed : kept).push(u);
  return { kept, removed };
}

const sorted = (xs: Iterable<string>): string[] => [...xs].sort();

/** The run's delta from the previous manifest to the new one; `extracted` holds the keys extracted this run. */
export function runDelta(
  previous: Manifest | null,
  next: Manifest,
  extracted: ReadonlySet<string>,
  removedUnits: ManifestUnit[],
  entities: { previous: ReadonlyMap<string, string>; next: ReadonlyMap<string, string> },
): RunDelta {
  const before = new Map((previous?.units ?? []).map((u) => [u.key, u]));
  const pages: RunDelta['pages'] = {
    added: [],
    changed: [],
    removed: removedUnits.map((u) => u.key),
    kept: [],
    unchanged: 0,
  };
  for (const u of next.units) {
    if (u.gone) pages.kept.push(u.key);
    else if (!before.has(u.key)) pages.added.push(u.key);
    else if (before.get(u.key)!.hash !== u.hash) pages.changed.push(u.key);
    else pages.unchanged++;
  }
  const oldIds = new Set((previous?.units ?? []).flatMap((u) => u.articles));
  const newIds = new Set(next.units.flatMap((u) => u.articles));
  const reextracted = new Set(next.units.filter((u) => extracted.has(u.key)).flatMap((u) => u.articles));
  return {
    version: STATE_VERSION,
    full: previous === null,
    pages,
    articles: {
      added: sorted([...newIds].filter((id) => !oldIds.has(id))),
      changed: sorted([...reextracted].filter((id) => oldIds.has(id))),
      removed: sorted([...oldIds].filter((id) => !newIds.has(id))),
    },
    entities: mapDelta(entities.previous, entities.next),
  };
}

/** Added, changed and removed keys between two maps of id → serialized record. */
export function mapDelta(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): IdDelta {
  const d: IdDelta = { added: [], changed: [], removed: [] };
  for (const [id, line] of after) {
    if (!before.has(id)) d.added.push(id);
    else if (before.get(id) !== line) d.changed.push(id);
  }
  for (const id of before.keys()) if (!after.has(id)) d.removed.push(id);
  return { added: d.added.sort(), changed: d.changed.sort(), removed: d.removed.sort() };
}
