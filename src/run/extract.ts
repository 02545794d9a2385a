// A run of `kg extract`: page files, folders or .jsonl in; articles, entities, relations and graph.json out.
// Units (a page, or a .jsonl line) are read in input order, each with its home city (the --city flags, else inferred
// from its text, else the default). Each is taken from the incremental state when its hash (content, city, settings,
// code) is there, else extracted with its city's context (in worker threads with workers > 1); the results are written
// in input order, so the outputs are the same bytes whatever the number of workers and whatever was cached.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { correctRun, readCorrections, settleCorrections, type CorrectionsReport } from '../correct/file.ts';
import { inferHomeCity } from '../extract/home-city.ts';
import { buildGraph, exportGraph } from '../graph/build.ts';
import { ArticleIds } from '../ingest/ids.ts';
import { assertWritableDir, listInputs, readFileInput, type InputItem } from '../ingest/read.ts';
import { readRecordFile } from '../ingest/records.ts';
import { EntityIndex } from '../resolve/corpus.ts';
import { Article, Relation } from '../schema.ts';
import {
  cityRulesKey,
  DEFAULT_CITY,
  parseSettings,
  settingsCityFor,
  type RunSettings,
  type RunSettingsInput,
} from '../settings.ts';
import { BlockedEntityIndex } from '../state/blocks.ts';
import { removeTempFilesOnSignal } from '../state/cleanup.ts';
import { commitTogether, finishCommit } from '../state/commit.ts';
import {
  fileStamp,
  goneUnits,
  isRacy,
  runDelta,
  sameStamp,
  splitGone,
  stampedFiles,
  STATE_VERSION,
  unitHash,
  unitKey,
  type FileStamp,
  type Manifest,
  type ManifestUnit,
} from '../state/delta.ts';
import { takeLock } from '../state/lock.ts';
import { outputStamps, PreviousOutputs, type FileRange } from '../state/outputs.ts';
import { settingsFingerprint, StateStore, type CachedUnitRecords } from '../state/store.ts';
import { MODEL_DIR } from '../nlp/ner/model.ts';
import { modelInstalled } from './layer.ts';
import { createExtractor } from './pool.ts';
import { TempFile } from './temp-file.ts';
import { unitBytes, type Note, type Unit, type UnitRecords } from './units.ts';

/** What the run reports while it goes: bytes of input done of `total`, articles written. */
export interface Progress {
  done: number;
  total: number;
  articles: number;
}

export interface RunHooks {
  onProgress?: (p: Progress) => void;
  /** The repository whose src/ and node_modules/ the cache fingerprint hashes (tests point it at a copy). */
  codeRoot?: string;
  /** The recogniser's model folder (default: where scripts/install-model.sh puts it; tests point it elsewhere). */
  modelDir?: string;
  /** Where a warning goes (default stderr): the recogniser's model is missing. */
  warn?: (message: string) => void;
}

/** A unit's home city and where it came from: a --city flag, the cities its text names, or the default. */
export interface HomeCity {
  city: string;
  from: ManifestUnit['cityFrom'];
}

export interface ExtractSummary {
  articles: number;
  bytes: number;
  entities: Record<string, number>;
  relations: Record<string, number>;
  skipped: string[];
  invalid: string[];
  seconds: number;
  /** Units (pages, .jsonl lines): extracted this run, taken from the state, gone and kept, gone and dropped. */
  units: { extracted: number; reused: number; kept: number; removed: number };
  /** Units taken as they were because their file's stamp is as at the last run: the file was not read. */
  unread: number;
  /** Worker threads the extraction could use (1: in this thread). */
  workers: number;
  /** The units whose home city no --city gave: inferred from their text, or the default when it names none. */
  inferred: Array<{ key: string; city: string; from: 'text' | 'default' }>;
  /** What the run has to say beyond counts (a stale lock of a killed run taken over). */
  notes: string[];
  /** The corrections file's, applied to the merged records (src/correct/). */
  corrections: CorrectionsReport;
}

/** Bytes to extract that make another worker worth its start (~1.5 s: a thread, the modules, jieba's dictionary). */
const BYTES_PER_WORKER = 2 << 20;

/**
 * One worker per core, but no more than the pages to extract keep busy: the seed pages, or the one page that changed
 * in a large corpus, extract sooner in this thread.
 */
export function defaultWorkers(bytesToExtract: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(bytesToExtract / BYTES_PER_WORKER)));
}

/** Least number of units being extracted (or holding their records) before they are written. */
const IN_FLIGHT = 8;
/**
 * Units queued before the oldest is written. Units taken from the state hold nothing until their turn, so the reader
 * runs this far ahead of the writer and starts extracting a changed page early, while the unchanged ones before it are
 * written; the cap keeps the queue's memory flat on any corpus.
 */
const LOOKAHEAD = 4096;

type Extracted = { records: UnitRecords; extracted: true };
type Fetched = Extracted | { records: CachedUnitRecords; extracted: false } | { failed: Error };

/**
 * An input on its way to the output: a read error, or a unit. A unit being extracted holds the promise of its records;
 * one whose records are in the state (`records: null`) reads them when its turn comes.
 */
type Slot =
  | { kind: 'error'; note: Note }
  | {
      kind: 'unit';
      key: string;
      file: string;
      name: string;
      hash: string;
      bytes: number;
      gone: boolean;
      home: HomeCity;
      records: Promise<Fetched> | null;
    };

type InputUnit = Exclude<InputItem, { kind: 'error' }>;

/** An input item's home city: the --city flags', else the city its text names most, else the default. */
export function homeCityOf(item: InputUnit, settings: Pick<RunSettings, 'city' | 'cities'>): HomeCity {
  const given = settingsCityFor(item.file, settings);
  if (given) return { city: given, from: 'flag' };
  const inferred = inferHomeCity(
    item.kind === 'page' ? item.text : `${item.article.title ?? ''}\n${item.article.text}`,
  );
  return inferred ? { city: inferred.city, from: 'text' } : { city: DEFAULT_CITY, from: 'default' };
}

const asUnit = (item: InputUnit, city: string): Unit =>
  item.kind === 'page'
    ? { kind: 'page', file: item.file, name: item.name, stem: item.stem, text: item.text, city }
    : { kind: 'article', file: item.file, line: item.line, article: item.article, city };

/**
 * Extracts `inputs` into `settings.out` (validated by parseSettings) and returns what it did; `hooks` see it go. One
 * run at a time writes an output folder: a second refuses, naming the first (src/state/lock.ts); a run stopped by a
 * signal removes its temporary files.
 */
export async function runExtract(
  inputs: string[],
  given: RunSettingsInput,
  hooks: RunHooks = {},
): Promise<ExtractSummary> {
  const settings = parseSettings(given);
  assertWritableDir(settings.out);
  const lock = await takeLock(settings.out, { wait: settings.wait });
  const stopCleanup = removeTempFilesOnSignal(settings.out, () => lock.release());
  try {
    const completed = finishCommit(settings.out);
    const summary = await extractInto(inputs, settings, hooks);
    if (lock.note) summary.notes.push(lock.note);
    if (completed) summary.notes.push('completed the outputs of an earlier run stopped while putting them in place');
    return summary;
  } finally {
    stopCleanup();
    lock.release();
  }
}

async function extractInto(inputs: string[], settings: RunSettings, hooks: RunHooks): Promise<ExtractSummary> {
  const corrections = await readCorrections(settings);
  const started = performance.now();
  const modelDir = hooks.modelDir ?? MODEL_DIR;
  const fingerprint = settingsFingerprint(settings, hooks.codeRoot, modelDir);
  const cityRules = cityRulesKey(settings);
  const state = new StateStore(settings.out);
  const previous = state.readManifest();
  const plan = await planInputs(inputs, settings.full ? new Map() : stampedFiles(previous, fingerprint, cityRules));
  const toExtract = plan.reduce((n, p) => n + (p.kind === 'file' && !p.unchanged ? p.size : 0), 0);
  const workers = settings.workers ?? defaultWorkers(toExtract);
  const ner = settings.ner === 'on' && modelInstalled(modelDir);
  if (settings.ner === 'on' && !ner) {
    (hooks.warn ?? console.error)(
      `kg extract: the recogniser's model is not installed in ${modelDir} (npm install runs `
        + 'scripts/install-model.sh): extracting with the rules alone',
    );
  }
  const extractor = createExtractor({ date: settings.date, workers, model: ner ? modelDir : null });
  const files = {
    articles: new TempFile(join(settings.out, 'articles.jsonl')),
    relations: new TempFile(join(settings.out, 'relations.jsonl')),
    entities: new TempFile(join(settings.out, 'entities.jsonl')),
    ...(settings.graph ? { graph: new TempFile(join(settings.out, 'graph.json')) } : {}),
  };
  const index = new EntityIndex();
  const blocks = new BlockedEntityIndex(state, index);
  const summary: ExtractSummary = {
    articles: 0,
    bytes: 0,
    entities: {},
    relations: {},
    skipped: [],
    invalid: [],
    seconds: 0,
    units: { extracted: 0, reused: 0, kept: 0, removed: 0 },
    unread: 0,
    workers,
    inferred: [],
    notes: [],
    corrections: { file: null, applied: 0, skipped: [] },
  };
  const manifest: Manifest = {
    version: STATE_VERSION,
    fingerprint,
    cityRules,
    files: {},
    units: [],
    blocks: blocks.keys,
    outputs: {},
  };
  const previousOutputs = settings.full ? null : PreviousOutputs.open(settings.out, previous);
  const extracted = new Set<string>();
  const currentKeys = new Set<string>();
  const currentArticles = new Set<string>();
  const articleIds = new ArticleIds();

  const extract = (unit: Unit, hash: string): Promise<Extracted> =>
    extractor.run(unit).then((records) => {
      state.writeUnit(hash, records);
      return { records, extracted: true as const };
    });
  /** A unit's records as the last run left them: a range of its outputs, or the unit's file in the state (throws). */
  const fromState = (key: string, hash: string): CachedUnitRecords => {
    const found = previousOutputs?.find(key, hash);
    if (!found) return state.readUnit(hash);
    const { unit, ranges } = found;
    return {
      articleIds: unit.articles,
      relationTypes: unit.relationTypes,
      notes: unit.notes,
      articles: ranges['articles.jsonl'],
      relations: ranges['relations.jsonl'],
    };
  };
  /** A cached unit whose state cannot be read (`err`) read from its input again and extracted; else `err` thrown. */
  const reextract = async (
    slot: { key: string; file: string; name: string; hash: string },
    err: unknown,
  ): Promise<Extracted> => {
    const unit = await rereadUnit(slot.file, slot.name, slot.key, slot.hash, fingerprint, settings);
    if (!unit) throw err;
    return extract(unit, slot.hash);
  };
  const cached = async (slot: { key: string; file: string; name: string; hash: string }): Promise<Fetched> => {
    try {
      return { records: fromState(slot.key, slot.hash), extracted: false };
    } catch (err) {
      return reextract(slot, err);
    }
  };
  const cachedEntities = async (slot: { key: string; file: string; name: string; hash: string }) => {
    try {
      return state.readUnitEntities(slot.hash);
    } catch (err) {
      return (await reextract(slot, err)).records.entities;
    }
  };
  // A failure is held until the slot's turn, so that no rejection goes unhandled while earlier slots are written.
  const settle = (p: Promise<Fetched>): Promise<Fetched> => p.catch((err: Error) => ({ failed: err }));

  const totalBytes = plan.reduce((n, p) => n + (p.kind === 'file' ? p.size : 0), 0);
  const queue: Slot[] = [];
  let inFlight = 0;
  const emit = async (slot: Slot): Promise<void> => {
    if (slot.kind === 'error') {
      summary.skipped.push(noteLine(slot.note));
      return;
    }
    const fetched = await (slot.records ?? settle(cached(slot)));
    if ('failed' in fetched) throw fetched.failed;
    const { records } = fetched;
    const clash = articleIds.claim(records.articleIds, slot.key);
    if (clash) {
      summary.skipped.push(`${slot.key}: ${clash}`);
      return;
    }
    files.articles.write(records.articles);
    files.relations.write(records.relations);
    await blocks.add(
      slot.hash,
      records.articleIds,
      fetched.extracted ? fetched.records.entities : () => cachedEntities(slot),
    );
    for (const [t, n] of Object.entries(records.relationTypes)) summary.relations[t] = (summary.relations[t] ?? 0) + n;
    for (const n of records.notes) (n.kind === 'skipped' ? summary.skipped : summary.invalid).push(noteLine(n));
    summary.articles += records.articleIds.length;
    summary.bytes += slot.gone ? 0 : slot.bytes;
    summary.units[slot.gone ? 'kept' : fetched.extracted ? 'extracted' : 'reused']++;
    if (fetched.extracted) extracted.add(slot.key);
    if (!slot.gone && slot.home.from !== 'flag')
      summary.inferred.push({ key: slot.key, city: slot.home.city, from: slot.home.from });
    manifest.units.push({
      key: slot.key,
      file: slot.file,
      hash: slot.hash,
      city: slot.home.city,
      cityFrom: slot.home.from,
      bytes: slot.bytes,
      articles: records.articleIds,
      lineBytes: { 'articles.jsonl': byteLength(records.articles), 'relations.jsonl': byteLength(records.relations) },
      relationTypes: records.relationTypes,
      notes: records.notes,
      ...(slot.gone ? { gone: true as const } : {}),
    });
    hooks.onProgress?.({ done: summary.bytes, total: totalBytes, articles: summary.articles });
  };
  const push = async (slot: Slot): Promise<void> => {
    queue.push(slot);
    if (slot.kind === 'unit' && slot.records) inFlight++;
    // Units in flight: enough to keep every worker busy, few enough that memory does not grow with the corpus.
    while (inFlight >= Math.max(IN_FLIGHT, workers * 4) || queue.length >= LOOKAHEAD) {
      const oldest = queue.shift()!;
      if (oldest.kind === 'unit' && oldest.records) inFlight--;
      await emit(oldest);
    }
  };
  const skipped = (item: { file: string; line?: number; message: string }): Slot => ({
    kind: 'error',
    note: {
      kind: 'skipped',
      file: item.file,
      ...(item.line !== undefined ? { line: item.line } : {}),
      message: item.message,
    },
  });

  try {
    hooks.onProgress?.({ done: 0, total: totalBytes, articles: 0 });
    for (const input of plan) {
      if (input.kind === 'error') {
        await push(skipped(input));
        continue;
      }
      const { file, stamp } = input;
      if (input.unchanged && stamp) {
        // Unchanged since the last run: its units are the last run's, not read again.
        manifest.files[file] = stamp;
        for (const u of input.unchanged) {
          currentKeys.add(u.key);
          summary.unread++;
          await push({
            kind: 'unit',
            key: u.key,
            file,
            name: input.name,
            hash: u.hash,
            bytes: u.bytes,
            gone: false,
            home: { city: u.city, from: u.cityFrom },
            records: null,
          });
        }
        continue;
      }
      let clean = true;
      for await (const item of readFileInput(input.input, input.name)) {
        if (item.kind === 'error') {
          clean = false;
          await push(skipped(item));
          continue;
        }
        const home = homeCityOf(item, settings);
        const unit = asUnit(item, home.city);
        const key = unitKey(unit, file);
        const hash = unitHash(unit, fingerprint);
        currentKeys.add(key);
        const records = !settings.full && state.has(hash) ? null : settle(extract(unit, hash));
        await push({
          kind: 'unit',
          key,
          file,
          name: input.name,
          hash,
          bytes: unitBytes(unit),
          gone: false,
          home,
          records,
        });
      }
      if (clean && stamp) manifest.files[file] = stamp;
    }
    for (const slot of queue.splice(0)) await emit(slot);
    for (const id of manifest.units.flatMap((u) => u.articles)) currentArticles.add(id);

    // Units of the last run that are not among the inputs: kept after the current ones, in their previous order.
    const { kept, removed } = splitGone(goneUnits(previous, currentKeys), currentArticles, settings.prune);
    for (const u of kept) {
      let records: CachedUnitRecords;
      try {
        records = fromState(u.key, u.hash);
      } catch {
        removed.push(u); // its cached records are lost: it cannot be kept
        continue;
      }
      // A gone file's name under its root is unknown: only a damaged cache needs it, to read the page again.
      await emit({
        kind: 'unit',
        key: u.key,
        file: u.file,
        name: basename(u.file),
        hash: u.hash,
        bytes: u.bytes,
        gone: true,
        home: { city: u.city, from: u.cityFrom },
        records: Promise.resolve({ records, extracted: false }),
      });
    }
    await blocks.flush();
    summary.units.removed = removed.length;

    files.articles.close();
    files.relations.close();
    const corrected = correctRun(corrections, index.entities(), files.relations.tmp);
    summary.corrections = corrected.report;
    if (corrected.relationTypes) summary.relations = corrected.relationTypes;
    const entityLines = new Map<string, string>();
    for (const e of corrected.entities) {
      summary.entities[e.type] = (summary.entities[e.type] ?? 0) + 1;
      const line = `${JSON.stringify(e)}\n`;
      entityLines.set(e.id, line);
      files.entities.write(line);
    }
    files.entities.close();
    if (files.graph) {
      const graph = buildGraph(
        await readRecordFile(files.articles.tmp, Article),
        corrected.entities,
        await readRecordFile(files.relations.tmp, Relation),
      );
      files.graph.write(JSON.stringify(exportGraph(graph)));
      files.graph.close();
    }

    // Everything is written: put it in place, then record the state that describes it.
    const previousEntities = previous ? entityLinesOf(files.entities.path) : new Map<string, string>();
    commitTogether(settings.out, Object.values(files));
    manifest.outputs = outputStamps(settings.out);
    // Corrected lines are not the units' lines the manifest measures: the next run reads the units from the state.
    if (corrected.relationsRewritten) delete manifest.outputs['relations.jsonl'];
    // A graph.json of an earlier run would disagree with the new records.
    if (!files.graph) rmSync(join(settings.out, 'graph.json'), { force: true });
    const delta = runDelta(previous, manifest, extracted, removed, { previous: previousEntities, next: entityLines });
    state.writeRun(manifest, settleCorrections(settings.out, corrected, delta));
    state.collectGarbage(manifest);
  } catch (err) {
    for (const f of Object.values(files)) f.abort();
    throw err;
  } finally {
    previousOutputs?.close();
    await extractor.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/**
 * An input file as listed, with its absolute path, its size and stamp (null: it cannot be stat'ed, and the reader says
 * why, or it changed too recently to be trusted), and `unchanged`: the last run's units when its stamp is as then.
 */
type Planned =
  | { kind: 'error'; file: string; message: string }
  | {
      kind: 'file';
      input: string;
      name: string;
      file: string;
      size: number;
      stamp: FileStamp | null;
      unchanged: ManifestUnit[] | null;
    };

/** The inputs in order, each file stat'ed (not read): what changed is known before anything is extracted. */
async function planInputs(inputs: string[], stamped: ReturnType<typeof stampedFiles>): Promise<Planned[]> {
  const plan: Planned[] = [];
  for await (const input of listInputs(inputs)) {
    if (input.kind === 'error') {
      plan.push(input);
      continue;
    }
    const file = resolve(input.file);
    let size = 0;
    let stamp: FileStamp | null = null;
    try {
      // statSync: a stat answered from the inode cache takes microseconds, less than a trip through the thread pool.
      const st = statSync(file, { bigint: true });
      size = Number(st.size);
      stamp = isRacy(st, BigInt(Date.now()) * 1_000_000n) ? null : fileStamp(st);
    } catch {
      // The reader reports what is wrong with it.
    }
    const known = stamped.get(file);
    plan.push({
      kind: 'file',
      input: input.file,
      name: input.name,
      file,
      size,
      stamp,
      unchanged: stamp && known && sameStamp(stamp, known.stamp) ? known.units : null,
    });
  }
  return plan;
}

/**
 * A unit read again from its input file, for when its cached records are unreadable; null when the file no longer
 * holds it unchanged (then the unit cannot be rebuilt, and the caller reports the damaged cache).
 */
async function rereadUnit(
  file: string,
  name: string,
  key: string,
  hash: string,
  fingerprint: string,
  settings: RunSettings,
): Promise<Unit | null> {
  for await (const item of readFileInput(file, name)) {
    if (item.kind === 'error') continue;
    const unit = asUnit(item, homeCityOf(item, settings).city);
    if (unitKey(unit, file) === key) return unitHash(unit, fingerprint) === hash ? unit : null;
  }
  return null;
}

const byteLength = (lines: string | Uint8Array | FileRange): number =>
  typeof lines === 'string' ? Buffer.byteLength(lines) : 'fd' in lines ? lines.length : lines.byteLength;

const noteLine = (n: Note): string =>
  n.kind === 'skipped' ? `${n.file}${n.line ? `:${n.line}` : ''}: ${n.message}` : `${n.article}: ${n.message}`;

/** id → line of an entities.jsonl (the previous run's, to tell which entities changed). */
function entityLinesOf(path: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(path)) return out;
  for (const line of readFileSync(path, 'utf8').split('\n'))
    if (line.trim()) out.set((JSON.parse(line) as { id: string }).id, `${line}\n`);
  return out;
}

/** Pages a line each while they are few; then the count of each city. */
const INFERRED_LISTED = 20;

function formatInferred(inferred: ExtractSummary['inferred']): string {
  const counts = new Map<string, number>();
  for (const x of inferred) counts.set(x.city, (counts.get(x.city) ?? 0) + 1);
  const byCity = [...counts].map(([city, n]) => `${city} ${n}`).join(', ');
  if (inferred.length > INFERRED_LISTED) return byCity;
  return (
    byCity
    + inferred
      .map((x) => `\n  ${x.key}: ${x.city}${x.from === 'default' ? ' (names no city: the default)' : ''}`)
      .join('')
  );
}

/** The summary as the CLI prints it. */
export function formatSummary(s: ExtractSummary): string {
  const fmt = (r: Record<string, number>) =>
    Object.entries(r)
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none';
  const lines = [
    `articles: ${s.articles} (${(s.bytes / 1024).toFixed(0)} KB in ${s.seconds.toFixed(1)} s)`,
    `entities: ${fmt(s.entities)}`,
    `relations: ${fmt(s.relations)}`,
    `pages: ${s.units.extracted} extracted ${s.workers === 1 ? 'in this thread' : `by ${s.workers} worker threads`}, ${s.units.reused} unchanged`
      + (s.unread ? ` (${s.unread} not even read: size and times as at the last run)` : ''),
    `skipped: ${s.skipped.length}${s.skipped.map((x) => `\n  ${x}`).join('')}`,
  ];
  if (s.inferred.length) lines.push(`home cities inferred (no --city for these): ${formatInferred(s.inferred)}`);
  if (s.units.kept)
    lines.push(`gone: ${s.units.kept} pages are no longer among the inputs and were kept (--prune drops them)`);
  if (s.units.removed) lines.push(`removed: ${s.units.removed} pages no longer among the inputs, and their records`);
  if (s.corrections.file) {
    const { applied, skipped, file } = s.corrections;
    lines.push(
      `corrections: ${applied} applied, ${skipped.length} skipped (${file})${skipped.map((x) => `\n  ${x}`).join('')}`,
    );
  }
  if (s.invalid.length)
    lines.push(`invalid records (not written): ${s.invalid.length}${s.invalid.map((x) => `\n  ${x}`).join('')}`);
  for (const n of s.notes) lines.push(`note: ${n}`);
  return lines.join('\n');
}
