// `kg extract`: page files, folders or .jsonl in; articles, entities, relations and graph.json out.
// Units (a page, or a .jsonl line) are read in input order; each is taken from the incremental state when its content
// hash is there, else extracted (in worker threads with --workers > 1); the results are written in input order, so the
// outputs are the same bytes whatever the number of workers and whatever was cached.
import { createWriteStream, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { buildGraph, exportGraph } from '../graph/build.ts';
import { assertWritableDir, readInputs, type InputItem } from '../ingest/read.ts';
import { unitBytes, type Note, type Unit, type UnitRecords } from '../extract/corpus.ts';
import { createExtractor } from '../extract/pool.ts';
import { EntityIndex } from '../resolve/corpus.ts';
import { readRecordFile } from '../ingest/records.ts';
import { Article, Relation } from '../schema.ts';
import { goneUnits, runDelta, splitGone, STATE_VERSION, unitHash, unitKey, type Manifest } from '../state/delta.ts';
import { describeFsError, settingsFingerprint, StateStore } from '../state/store.ts';

export interface ExtractOptions {
  out: string;
  city?: string;
  date?: string;
  graph?: boolean;
  quiet?: boolean;
  /** Worker threads (default 1 here; the CLI defaults to the number of cores). */
  workers?: number;
  /** Drop the records of pages that are no longer among the inputs (else they are kept). */
  prune?: boolean;
  /** Extract every unit again, ignoring the cached ones. */
  full?: boolean;
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
}

export function register(program: Command): void {
  program
    .command('extract')
    .description('extract articles, entities and relations from page files, folders or .jsonl article files')
    .argument('<inputs...>', 'page files (.txt), folders, or .jsonl files of {id, text, title?, date?, file?}')
    .requiredOption('-o, --out <dir>', 'output folder')
    .option('--city <name>', "the paper's home city: 我市/市 resolve to it", '聊城市')
    .option('--date <YYYY-MM-DD>', 'date of the pages, where the text gives none')
    .option('--no-graph', 'skip graph.json (large corpora)')
    .option('-w, --workers <n>', 'worker threads (default: the number of cores, fewer for inputs under 2 MB a worker)')
    .option('--prune', 'drop the records of pages no longer among the inputs (default: keep them)')
    .option('--full', 'extract every page again instead of reusing the unchanged ones')
    .option('-q, --quiet', 'no progress bar or summary')
    .action(async (inputs: string[], opts: Omit<ExtractOptions, 'workers'> & { workers?: string }) => {
      const workers = opts.workers === undefined ? defaultWorkers(inputs) : Number(opts.workers);
      if (!Number.isInteger(workers) || workers < 1) throw new Error(`--workers ${opts.workers}: expected a whole number ≥ 1`);
      const summary = await runExtract(inputs, { ...opts, workers });
      if (!opts.quiet) printSummary(summary);
      if (summary.articles === 0) throw new Error('no article was extracted');
    });
}

/** Input bytes that make another worker worth its start (~1.5 s: jieba's dictionary and the gazetteer, per thread). */
const BYTES_PER_WORKER = 2 << 20;

/** One worker per core, but no more than the input keeps busy: the seed pages extract faster in this thread. */
export function defaultWorkers(inputs: string[]): number {
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(inputBytes(inputs) / BYTES_PER_WORKER)));
}

/** Bytes an output stream buffers before write() waits for 'drain'. */
const WRITE_BUFFER = 4 << 20;
/** Least number of units in flight (read, extracted or fetched, not yet written). */
const IN_FLIGHT = 8;

/**
 * An output file written to `<name>.tmp`; `commit` renames it into place, `abort` removes it. A write error (disk
 * full) is kept and thrown by the next write or by close, naming the file, so the previous output stays untouched.
 */
class TempFile {
  private readonly stream: WriteStream;
  private error: Error | null = null;
  readonly tmp: string;
  constructor(readonly path: string) {
    this.tmp = `${path}.tmp`;
    // A large buffer: a page's records are ~60 KB, and waiting for 'drain' after each would idle the main thread.
    this.stream = createWriteStream(this.tmp, { highWaterMark: WRITE_BUFFER });
    this.stream.on('error', (err) => {
      this.error ??= new Error(`cannot write ${path}: ${describeFsError(err)}`, { cause: err });
    });
  }
  private check(): void {
    if (this.error) throw this.error;
  }
  async write(text: string | Uint8Array): Promise<void> {
    this.check();
    if (!this.stream.write(text)) await new Promise<void>((done) => {
      const settle = () => { this.stream.off('drain', settle); this.stream.off('error', settle); done(); };
      this.stream.on('drain', settle).on('error', settle);
    });
    this.check();
  }
  async close(): Promise<void> {
    this.check();
    this.stream.end();
    // finished() settles on 'finish' or on an error (a write the disk refused), where end's callback may never come.
    await finished(this.stream).catch(() => {});
    this.check();
  }
  commit(): void {
    renameSync(this.tmp, this.path);
  }
  abort(): void {
    this.stream.destroy();
    rmSync(this.tmp, { force: true });
  }
}

type Fetched = { records: UnitRecords; extracted: boolean } | { failed: Error };

/** An input on its way to the output: a read error, or a unit whose records arrive (from a worker or the state) in any order. */
type Slot =
  | { kind: 'error'; note: Note }
  | { kind: 'unit'; key: string; hash: string; bytes: number; gone: boolean; records: Promise<Fetched> };

const asUnit = (item: Exclude<InputItem, { kind: 'error' }>): Unit => item.kind === 'page'
  ? { kind: 'page', file: item.file, stem: item.stem, text: item.text }
  : { kind: 'article', file: item.file, line: item.line, article: item.article };

export async function runExtract(inputs: string[], opts: ExtractOptions): Promise<ExtractSummary> {
  if (opts.date && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new Error(`--date ${opts.date}: expected YYYY-MM-DD`);
  assertWritableDir(opts.out);
  const started = performance.now();
  const settings = { city: opts.city ?? '聊城市', date: opts.date ?? null };
  const fingerprint = settingsFingerprint(settings);
  const state = new StateStore(opts.out);
  const previous = state.readManifest();
  const extractor = createExtractor({ ...settings, workers: opts.workers ?? 1 });
  const files = {
    articles: new TempFile(join(opts.out, 'articles.jsonl')),
    relations: new TempFile(join(opts.out, 'relations.jsonl')),
    entities: new TempFile(join(opts.out, 'entities.jsonl')),
    ...(opts.graph !== false ? { graph: new TempFile(join(opts.out, 'graph.json')) } : {}),
  };
  const index = new EntityIndex();
  const summary: ExtractSummary = { articles: 0, bytes: 0, entities: {}, relations: {}, skipped: [], invalid: [], seconds: 0, units: { extracted: 0, reused: 0, kept: 0, removed: 0 } };
  const manifest: Manifest = { version: STATE_VERSION, units: [] };
  const extracted = new Set<string>();
  const currentKeys = new Set<string>();
  const currentArticles = new Set<string>();

  const extract = (unit: Unit, hash: string): Promise<Fetched> => extractor.run(unit).then((records) => {
    state.writeUnit(hash, records);
    return { records, extracted: true };
  });
  /** A cached unit; when its file is missing or damaged, the unit extracted again if it is at hand. */
  const cached = (unit: Unit | null, hash: string): Promise<Fetched> => {
    try {
      return Promise.resolve({ records: state.readUnit(hash), extracted: false });
    } catch (err) {
      return unit ? extract(unit, hash) : Promise.reject(err);
    }
  };
  // A failure is held until the slot's turn, so that no rejection goes unhandled while earlier slots are written.
  const settle = (p: Promise<Fetched>): Promise<Fetched> => p.catch((err: Error) => ({ failed: err }));

  const bar = opts.quiet ? null : new cliProgress.SingleBar({ format: 'extract [{bar}] {percentage}% | {value}/{total} KB | {articles} articles', stream: process.stderr }, cliProgress.Presets.shades_classic);
  const emit = async (slot: Slot): Promise<void> => {
    if (slot.kind === 'error') {
      summary.skipped.push(noteLine(slot.note));
      return;
    }
    const fetched = await slot.records;
    if ('failed' in fetched) throw fetched.failed;
    const { records } = fetched;
    await files.articles.write(records.articles);
    await files.relations.write(records.relations);
    for (const e of records.entities) index.add(e);
    for (const [t, n] of Object.entries(records.relationTypes)) summary.relations[t] = (summary.relations[t] ?? 0) + n;
    for (const n of records.notes) (n.kind === 'skipped' ? summary.skipped : summary.invalid).push(noteLine(n));
    summary.articles += records.articleIds.length;
    summary.bytes += slot.bytes;
    summary.units[slot.gone ? 'kept' : fetched.extracted ? 'extracted' : 'reused']++;
    if (fetched.extracted) extracted.add(slot.key);
    manifest.units.push({ key: slot.key, hash: slot.hash, articles: records.articleIds, ...(slot.gone ? { gone: true as const } : {}) });
    bar?.update(Math.round(summary.bytes / 1024), { articles: summary.articles });
  };

  try {
    bar?.start(Math.max(1, Math.round(inputBytes(inputs) / 1024)), 0, { articles: 0 });
    // Units in flight: enough to keep every worker busy, few enough that memory does not grow with the corpus.
    const window = Math.max(IN_FLIGHT, (opts.workers ?? 1) * 4);
    const queue: Slot[] = [];
    for await (const item of readInputs(inputs)) {
      if (item.kind === 'error') {
        queue.push({ kind: 'error', note: { kind: 'skipped', file: item.file, ...(item.line !== undefined ? { line: item.line } : {}), message: item.message } });
      } else {
        const unit = asUnit(item);
        const key = unitKey(unit, resolve(item.file));
        const hash = unitHash(unit, fingerprint);
        currentKeys.add(key);
        const records = !opts.full && state.has(hash) ? cached(unit, hash) : extract(unit, hash);
        queue.push({ kind: 'unit', key, hash, bytes: unitBytes(unit), gone: false, records: settle(records) });
      }
      while (queue.length >= window) await emit(queue.shift()!);
    }
    for (const slot of queue.splice(0)) await emit(slot);
    for (const id of manifest.units.flatMap((u) => u.articles)) currentArticles.add(id);

    // Units of the last run that are not among the inputs: kept after the current ones, in their previous order.
    const { kept, removed } = splitGone(goneUnits(previous, currentKeys), currentArticles, opts.prune === true);
    for (const u of kept) {
      const records = await settle(cached(null, u.hash));
      if ('failed' in records) removed.push(u); // its cached records are lost: it cannot be kept
      else await emit({ kind: 'unit', key: u.key, hash: u.hash, bytes: 0, gone: true, records: Promise.resolve(records) });
    }
    summary.units.removed = removed.length;
    bar?.stop();

    await files.articles.close();
    await files.relations.close();
    const entityLines = new Map<string, string>();
    for (const e of index.entities()) {
      summary.entities[e.type] = (summary.entities[e.type] ?? 0) + 1;
      const line = `${JSON.stringify(e)}\n`;
      entityLines.set(e.id, line);
      await files.entities.write(line);
    }
    await files.entities.close();
    if (files.graph) {
      const graph = buildGraph(await readRecordFile(files.articles.tmp, Article), index.entities(), await readRecordFile(files.relations.tmp, Relation));
      await files.graph.write(JSON.stringify(exportGraph(graph)));
      await files.graph.close();
    }

    // Everything is written: put it in place, then record the state that describes it.
    const previousEntities = previous ? entityLinesOf(files.entities.path) : new Map<string, string>();
    for (const f of Object.values(files)) f.commit();
    // A graph.json of an earlier run would disagree with the new records.
    if (!files.graph) rmSync(join(opts.out, 'graph.json'), { force: true });
    state.writeRun(manifest, runDelta(previous, manifest, extracted, removed, { previous: previousEntities, next: entityLines }));
    state.collectGarbage(manifest);
  } catch (err) {
    bar?.stop();
    for (const f of Object.values(files)) f.abort();
    throw err;
  } finally {
    await extractor.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

const noteLine = (n: Note): string => n.kind === 'skipped' ? `${n.file}${n.line ? `:${n.line}` : ''}: ${n.message}` : `${n.article}: ${n.message}`;

/** id → line of an entities.jsonl (the previous run's, to tell which entities changed). */
function entityLinesOf(path: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(path)) return out;
  for (const line of readFileSync(path, 'utf8').split('\n')) if (line.trim()) out.set((JSON.parse(line) as { id: string }).id, `${line}\n`);
  return out;
}

function inputBytes(paths: string[]): number {
  let total = 0;
  for (const p of paths) {
    try {
      const st = statSync(p);
      if (st.isDirectory()) total += inputBytes(readdirSync(p).map((n) => join(p, n)));
      else if (/\.(txt|jsonl)$/i.test(p)) total += st.size;
    } catch {
      // Unreadable paths are reported by the reader, with their reason.
    }
  }
  return total;
}

export function printSummary(s: ExtractSummary): void {
  const fmt = (r: Record<string, number>) => Object.entries(r).sort().map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  const lines = [
    `articles: ${s.articles} (${(s.bytes / 1024).toFixed(0)} KB in ${s.seconds.toFixed(1)} s)`,
    `entities: ${fmt(s.entities)}`,
    `relations: ${fmt(s.relations)}`,
    `pages: ${s.units.extracted} extracted, ${s.units.reused} unchanged (reused)`,
    `skipped: ${s.skipped.length}${s.skipped.map((x) => `\n  ${x}`).join('')}`,
  ];
  if (s.units.kept) lines.push(`gone: ${s.units.kept} pages are no longer among the inputs and were kept (--prune drops them)`);
  if (s.units.removed) lines.push(`removed: ${s.units.removed} pages no longer among the inputs, and their records`);
  if (s.invalid.length) lines.push(`invalid records (not written): ${s.invalid.length}${s.invalid.map((x) => `\n  ${x}`).join('')}`);
  console.error(lines.join('\n'));
}
