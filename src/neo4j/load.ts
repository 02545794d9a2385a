// The batched loader: an extract output directory (articles.jsonl, entities.jsonl, relations.jsonl) into Neo4j.
// Lines are streamed twice: once to validate and count them (a bad line, a relation end that is nowhere, a prop that
// would overwrite a node's own field stop the load before anything is written), once to write them in batches under
// the database's load lock (lock.ts: one load at a time, so no two write a relationship key at once), each batch one
// managed transaction (executeWrite: retried by the driver on transient errors, and never half-written). Nodes are
// MERGEd on their keys; relationships are created unless one with the same key (type, ends, article, start) is there,
// which is updated instead; list properties are merged as sets. So loading the same records twice changes nothing and
// a second corpus adds to the first.
// Speed (bench/load.ts): relation batches go as parallel lists rather than one map per row, 20k rows per transaction,
// two at a time.
import { ARTICLE_LABEL, PAGE_KEYS } from '../names.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { RECORD_FILES, readRecordLines, type Sourced } from '../ingest/records.ts';
import { Article, articleNodeId, ENTITY_TYPES, Entity, pageProps, Relation } from '../schema.ts';
import { describeNeo4jError, Neo4jFailure, type Neo4jConnection } from './driver.ts';
import { acquireLoadLock, ensureLockConstraint, type LoadLock } from './lock.ts';
import { applyDelta, prunes, readDelta, type LoadDelta, type PruneStats } from './prune.ts';
import { neo4jDate } from './query.ts';
import { applySchema } from './schema.ts';

export { RECORD_FILES };
export const DEFAULT_BATCH_SIZE = 20_000;
/** Relation batches written at the same time, each in its own session (measured: 2 beats 1 by ~1.5× on 2 cores). */
export const RELATION_WRITERS = 2;

export interface LoadOptions {
  /** Rows per transaction (default 20,000); 1 gives one transaction per row. */
  batchSize?: number;
  /** Delete every node and relationship of the database first. */
  wipe?: boolean;
  /** How often a batch is tried again after the server went away (restart, lost connection); default 5. */
  retries?: number;
  /** Told before each such retry (kg load prints it on stderr). */
  onRetry?: (message: string) => void;
  /** The last extract run's delta to apply before writing (loadRecords reads it from DIR/.state; see prune.ts). */
  delta?: LoadDelta | null;
  /** Called after every committed batch with the rows written so far and the rows to write in all. */
  onProgress?: (done: number, total: number) => void;
  /** Told, once, whom the load waits for when another load holds the database (kg load prints it on stderr). */
  onWait?: (message: string) => void;
  /** What is loaded (the folder), shown to a load that waits for this one. */
  source?: string;
}

export interface LoadStats {
  articles: number;
  entities: number;
  relations: number;
  batches: number;
  /** What applying the extract delta deleted, when there was one to apply. */
  pruned?: PruneStats;
}

// ---- pure: rows and Cypher ------------------------------------------------------------------------------------

type Scalar = string | number | boolean | null;
type Value = Scalar | ReturnType<typeof neo4j.int> | ReturnType<typeof neo4jDate> | Value[] | { [key: string]: Value };

/** Whole numbers go to Neo4j as integers (the driver would send every JS number as a float). */
export function toNeo4j(value: unknown): Value {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toNeo4j);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, toNeo4j(v)]),
    );
  }
  return value as Scalar;
}

const LABELS: readonly string[] = [ARTICLE_LABEL, ...ENTITY_TYPES];

/** A relation end (`Company:…`, `Article:<article id>`) → the node's label and the value of its `id` key. */
export function endpoint(ref: string): { label: string; key: string } {
  const colon = ref.indexOf(':');
  const label = ref.slice(0, colon);
  if (colon < 1 || !LABELS.includes(label))
    throw new Error(`"${ref}" is not a node id ("<Type>:<name>" with Type one of ${LABELS.join(', ')})`);
  // Article nodes key on the article id itself; entity nodes on the whole "<Type>:<name>".
  return { label, key: label === ARTICLE_LABEL ? ref.slice(colon + 1) : ref };
}

const unique = (xs: readonly string[]): string[] => [...new Set(xs)];

export function articleRow(a: Article): Record<string, Value> {
  const row = toNeo4j({
    id: a.id,
    file: a.file,
    index: a.index,
    title: a.title,
    kicker: a.kicker,
    subtitle: a.subtitle,
    body: a.body,
    // Neo4j properties cannot hold maps: the reporters become two parallel lists (REPORTED relations carry both too).
    reporters: a.reporters.map((r) => r.name),
    reporter_roles: a.reporters.map((r) => r.role),
  }) as Record<string, Value>;
  // A Neo4j date, so that Cypher compares it (`a.date >= date('2024-01-01')`); the schema checked it is a real day.
  return { ...row, date: a.date === null ? null : neo4jDate(a.date) };
}

export function entityRow(e: Entity): Record<string, Value> {
  return toNeo4j({
    id: e.id,
    name: e.name,
    aliases: unique(e.aliases),
    articles: unique(e.articles),
    props: e.props,
  }) as Record<string, Value>;
}

const quote = (name: string): string => `\`${name.replaceAll('`', '``')}\``;

export const ARTICLE_CYPHER = `UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a.file = row.file, a.index = row.index, a.title = row.title, a.kicker = row.kicker, a.subtitle = row.subtitle,
    a.date = row.date, a.body = row.body, a.reporters = row.reporters, a.reporter_roles = row.reporter_roles
RETURN count(*) AS written`;

/** Labels cannot be parameters: one statement per label. Aliases and articles are unions with what is there. */
export function entityCypher(label: string): string {
  return `UNWIND $rows AS row
MERGE (n:${quote(label)} {id: row.id})
SET n += row.props, n.name = row.name,
    n.aliases = coalesce(n.aliases, []) + [x IN row.aliases WHERE NOT x IN coalesce(n.aliases, [])],
    n.articles = coalesce(n.articles, []) + [x IN row.articles WHERE NOT x IN coalesce(n.articles, [])]
RETURN count(*) AS written`;
}

/** The provenance every relationship carries; the rest of a relation's props become properties next to them. */
const PROVENANCE = ['article', 'start', 'end', 'evidence', 'rule'] as const;

/**
 * A relation batch as parallel lists, one per property (`UNWIND range(0, size($from) - 1) AS i … $from[i]`): the
 * driver encodes a few long lists of scalars several times faster than one map per row. `props` holds one list per
 * key of `propKeys`, with null where a relation lacks the key.
 */
export interface RelationColumns {
  from: string[];
  to: string[];
  article: string[];
  start: Value[];
  end: Value[];
  evidence: string[];
  rule: string[];
  propKeys: string[];
  props: Value[][];
}

export function relationColumns(rs: readonly Relation[]): RelationColumns {
  // The place on the page is stored next to the props, as flat properties.
  const all = rs.map((r): Record<string, Relation['props'][string]> => ({ ...r.props, ...pageProps(r.page) }));
  const propKeys = unique(all.flatMap((p) => Object.keys(p)))
    .filter((k) => !(PROVENANCE as readonly string[]).includes(k))
    .sort();
  return {
    from: rs.map((r) => endpoint(r.from).key),
    to: rs.map((r) => endpoint(r.to).key),
    article: rs.map((r) => r.article),
    start: rs.map((r) => toNeo4j(r.start)),
    end: rs.map((r) => toNeo4j(r.end)),
    evidence: rs.map((r) => r.evidence),
    rule: rs.map((r) => r.rule),
    propKeys,
    props: propKeys.map((k) => all.map((p) => toNeo4j(p[k] ?? null))),
  };
}

const EACH_ROW = 'UNWIND range(0, size($from) - 1) AS i';

/**
 * One statement per (type, from label, to label, prop keys); a relation is the same one when type, ends, article and
 * start are. A relationship not there yet is CREATEd with all its properties in the pattern (a null one is left out);
 * one that is there gets its properties SET (a prop the row lacks is kept, like `SET r += props`). This is MERGE
 * without its per-row locking and re-check, about twice as fast; the batch must hold each key once (lastPerKey).
 * Each relationship also carries its article's `date` (a Neo4j date, from the Article node the articles batches wrote
 * first, or an earlier load did), so that `WHERE r.date >= date(…)` needs no join.
 */
export function relationCypher(type: string, fromLabel: string, toLabel: string, propKeys: readonly string[]): string {
  const created = propKeys.map((k, j) => `, ${quote(k)}: $props[${j}][i]`).join('');
  const updated = propKeys.map((k, j) => `, old.${quote(k)} = coalesce($props[${j}][i], old.${quote(k)})`).join('');
  return `${EACH_ROW}
MATCH (a:${quote(fromLabel)} {id: $from[i]})
MATCH (b:${quote(toLabel)} {id: $to[i]})
OPTIONAL MATCH (a)-[old:${quote(type)} {article: $article[i], start: $start[i]}]->(b)
OPTIONAL MATCH (art:Article {id: $article[i]})
FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END |
  CREATE (a)-[:${quote(type)} {article: $article[i], start: $start[i], end: $end[i], evidence: $evidence[i],
    rule: $rule[i], date: art.date${created}}]->(b))
FOREACH (_ IN CASE WHEN old IS NULL THEN [] ELSE [1] END |
  SET old.end = $end[i], old.evidence = $evidence[i], old.rule = $rule[i], old.date = art.date${updated})
RETURN count(*) AS written`;
}

/** The rows of a relation batch whose end nodes are missing (asked only after a batch wrote fewer rows than it had). */
function missingEndsCypher(fromLabel: string, toLabel: string): string {
  return `${EACH_ROW}
OPTIONAL MATCH (a:${quote(fromLabel)} {id: $from[i]})
OPTIONAL MATCH (b:${quote(toLabel)} {id: $to[i]})
WITH i, a, b WHERE a IS NULL OR b IS NULL
RETURN i, a IS NULL AS noFrom, b IS NULL AS noTo LIMIT 3`;
}

/** One relation per key (type, ends, article, start), the last one winning, as MERGE … SET did row after row. */
export function lastPerKey<T>(items: readonly Sourced<T>[], keyOf: (value: T) => string): Sourced<T>[] {
  const byKey = new Map<string, Sourced<T>>();
  for (const item of items) {
    const key = keyOf(item.value);
    byKey.delete(key);
    byKey.set(key, item);
  }
  return [...byKey.values()];
}

// ---- streaming and batching -----------------------------------------------------------------------------------

interface Batch<T> {
  key: string;
  items: Sourced<T>[];
}

/** Groups a stream by key into batches of at most `size`; a group is flushed when full, the rest at the end. */
export async function* batches<T>(
  source: AsyncIterable<Sourced<T>>,
  size: number,
  keyOf: (value: T) => string,
): AsyncGenerator<Batch<T>> {
  const open = new Map<string, Sourced<T>[]>();
  for await (const item of source) {
    const key = keyOf(item.value);
    const items = open.get(key) ?? [];
    items.push(item);
    if (items.length >= size) {
      open.delete(key);
      yield { key, items };
    } else open.set(key, items);
  }
  for (const [key, items] of open) yield { key, items };
}

// ---- writing --------------------------------------------------------------------------------------------------

export interface RecordSources {
  articles: () => AsyncIterable<Sourced<Article>>;
  entities: () => AsyncIterable<Sourced<Entity>>;
  relations: () => AsyncIterable<Sourced<Relation>>;
}

export function recordFiles(dir: string): RecordSources {
  return {
    articles: () => readRecordLines(join(dir, RECORD_FILES.articles), Article),
    entities: () => readRecordLines(join(dir, RECORD_FILES.entities), Entity),
    relations: () => readRecordLines(join(dir, RECORD_FILES.relations), Relation),
  };
}

/** Sources over records already in memory (tests, the benchmark); `where` says the array and index. */
export function recordArrays(records: {
  articles: Article[];
  entities: Entity[];
  relations: Relation[];
}): RecordSources {
  const from = <T>(name: string, xs: T[]) =>
    async function* () {
      for (const [i, value] of xs.entries()) yield { where: `${name}[${i}]`, value };
    };
  return {
    articles: from('articles', records.articles),
    entities: from('entities', records.entities),
    relations: from('relations', records.relations),
  };
}

/** Entity props that would overwrite a node's own fields (or the type graph.json and the viewer read). */
export const RESERVED_NODE_KEYS: readonly string[] = ['id', 'name', 'aliases', 'articles', 'type'];
/** Relation props that would overwrite its provenance (its place on the page too), its article's date or its type. */
export const RESERVED_RELATION_KEYS: readonly string[] = [...PROVENANCE, ...PAGE_KEYS, 'date', 'type'];

/** What the loader learns from reading every record before it writes anything. */
export interface Survey {
  counts: Omit<LoadStats, 'batches'>;
  /** Relation ends no record of the files defines, with the first line naming each: they must be in the database. */
  unresolved: Map<string, string>;
}

/** How many problems one error lists (the first ones, in file order); the count says how many more. */
const LISTED_PROBLEMS = 5;

function problemsError(problems: string[]): Error {
  const more = problems.length > LISTED_PROBLEMS ? `; and ${problems.length - LISTED_PROBLEMS} more` : '';
  return new Error(`nothing was written: ${problems.slice(0, LISTED_PROBLEMS).join('; ')}${more}`);
}

const OWN_FIELDS = {
  node: "the node's own field(s) of that name",
  relationship: "the relationship's own field(s) of that name",
};

const reservedIn = (props: object, reserved: readonly string[]): string[] =>
  Object.keys(props).filter((k) => reserved.includes(k));

/**
 * Reads every record before anything is written: each line against its schema (readRecordLines), relation ends as
 * node ids, props that would overwrite a node's or relationship's own fields; collects the relation ends the files do
 * not define. Every problem found is an error naming its line, and nothing is written.
 */
export async function surveyRecords(sources: RecordSources): Promise<Survey> {
  const counts = { articles: 0, entities: 0, relations: 0 };
  const defined = new Set<string>();
  const problems: string[] = [];
  for await (const { value } of sources.articles()) {
    counts.articles++;
    defined.add(articleNodeId(value.id));
  }
  for await (const { where, value } of sources.entities()) {
    counts.entities++;
    defined.add(value.id);
    const bad = reservedIn(value.props, RESERVED_NODE_KEYS);
    if (bad.length) problems.push(`${where}: props ${bad.join(', ')} would overwrite ${OWN_FIELDS.node}`);
  }
  const unresolved = new Map<string, string>();
  for await (const { where, value } of sources.relations()) {
    counts.relations++;
    const bad = reservedIn(value.props, RESERVED_RELATION_KEYS);
    if (bad.length) problems.push(`${where}: props ${bad.join(', ')} would overwrite ${OWN_FIELDS.relationship}`);
    for (const ref of [value.from, value.to]) {
      try {
        endpoint(ref);
      } catch (err) {
        problems.push(`${where}: ${(err as Error).message}`);
        continue;
      }
      if (!defined.has(ref) && !unresolved.has(ref)) unresolved.set(ref, where);
    }
  }
  if (problems.length) throw problemsError(problems);
  return { counts, unresolved };
}

/** The unresolved relation ends that are not in the database either. */
async function missingInDatabase(conn: Neo4jConnection, unresolved: Map<string, string>): Promise<string[]> {
  const byLabel = new Map<string, string[]>();
  for (const ref of unresolved.keys()) {
    const { label, key } = endpoint(ref);
    const keys = byLabel.get(label);
    if (keys) keys.push(key);
    else byLabel.set(label, [key]);
  }
  const missing: string[] = [];
  for (const [label, keys] of byLabel) {
    const { records } = await conn.driver.executeQuery(
      `UNWIND $keys AS key OPTIONAL MATCH (n:${quote(label)} {id: key}) WITH key WHERE n IS NULL RETURN key`,
      { keys },
      { database: conn.settings.database },
    );
    for (const r of records) {
      const key = String(r.get('key'));
      missing.push(label === ARTICLE_LABEL ? articleNodeId(key) : key);
    }
  }
  return missing;
}

async function wipe(conn: Neo4jConnection): Promise<void> {
  const session = conn.driver.session({ database: conn.settings.database });
  try {
    // Auto-commit with inner transactions, so that a large graph is deleted without one huge transaction.
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

/**
 * One relation batch of one (type, from label, to label), as parallel lists. A relation whose end is not in the
 * database would silently vanish from MATCH: the rows written are counted, and such a batch refused.
 */
async function writeRelations(
  tx: ManagedTransaction,
  type: string,
  fromLabel: string,
  toLabel: string,
  items: Sourced<Relation>[],
): Promise<void> {
  const rows = lastPerKey(items, (r) => JSON.stringify([r.from, r.to, r.article, r.start]));
  const { propKeys, ...columns } = relationColumns(rows.map((r) => r.value));
  const result = await tx.run(relationCypher(type, fromLabel, toLabel, propKeys), columns);
  const count = (result.records[0]?.get('written') as { toNumber(): number } | undefined)?.toNumber() ?? 0;
  if (count === rows.length) return;
  const missing = await tx.run(missingEndsCypher(fromLabel, toLabel), { from: columns.from, to: columns.to });
  const details = missing.records.map((rec) => {
    const item = rows[(rec.get('i') as { toNumber(): number }).toNumber()];
    const ends = [rec.get('noFrom') ? item?.value.from : null, rec.get('noTo') ? item?.value.to : null]
      .filter(Boolean)
      .join(' and ');
    return `${item?.where} names ${ends}, which is not in the database`;
  });
  throw new Error(`${rows.length - count} relation(s) name a missing node: ${details.join('; ')}`);
}

/** The server went away or is briefly unable: the same batch may succeed later (every batch is idempotent). */
export function isRetryable(err: unknown): boolean {
  const { code = '', message = '' } = (err ?? {}) as { code?: string; message?: string };
  return (
    code === 'ServiceUnavailable'
    || code === 'SessionExpired'
    || code.startsWith('Neo.TransientError')
    || /ECONNREFUSED|ECONNRESET|EPIPE|Connection was closed|Pool is closed/.test(message)
  );
}

/** Waits before retry `n` (1-based): 1 s, 2 s, 4 s, … at most 16 s. */
export const backoffMs = (n: number): number => Math.min(16_000, 1000 * 2 ** (n - 1));

/** Loads an extract output directory (see RECORD_FILES). */
export function loadRecords(conn: Neo4jConnection, dir: string, options: LoadOptions = {}): Promise<LoadStats> {
  if (!existsSync(dir))
    return Promise.reject(new Error(`${dir} does not exist (kg load reads the output directory of kg extract)`));
  return loadSources(conn, recordFiles(dir), { delta: readDelta(dir), source: dir, ...options });
}

/**
 * Checks every record, takes the database's load lock (waiting for a load that holds it), applies the schema, checks
 * the relation ends the files do not define against the database, and only then wipes or prunes and writes articles,
 * entities and relations in batches. A failed batch names itself and says how to finish or restore the load.
 */
export async function loadSources(
  conn: Neo4jConnection,
  sources: RecordSources,
  options: LoadOptions = {},
): Promise<LoadStats> {
  const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(size) || size < 1) throw new Error(`batch size must be a whole number ≥ 1, not ${size}`);
  const { counts, unresolved } = await surveyRecords(sources);
  const delta = options.delta && !options.wipe && prunes(options.delta) ? options.delta : null;
  // What the load deletes before writing cannot be what a relation of the files relies on.
  const gone = new Set(delta ? [...delta.entities.removed, ...delta.articles.removed.map(articleNodeId)] : []);
  if (options.wipe) {
    refuseUnresolved([...unresolved.keys()], unresolved, 'is not in the files (and --wipe empties the database first)');
  }
  await ensureLockConstraint(conn);
  const lock = await acquireLoadLock(conn, options.source ?? '', options.onWait);
  try {
    await applySchema(conn.driver, conn.settings.database);
    if (!options.wipe) {
      const missing = await missingInDatabase(conn, unresolved);
      const deleted = [...unresolved.keys()].filter((ref) => gone.has(ref));
      const why = 'is neither in the files nor in the database (after the prune)';
      refuseUnresolved([...new Set([...missing, ...deleted])], unresolved, why);
    }
    if (options.wipe) await wipe(conn);
    let pruned: PruneStats | undefined;
    if (delta) {
      const session = conn.driver.session({ database: conn.settings.database });
      try {
        pruned = await session.executeWrite((tx) => applyDelta(tx, delta));
      } catch (err) {
        const why = describeNeo4jError(err, conn.settings);
        throw new Neo4jFailure(`removing what the last kg extract run dropped failed and was rolled back: ${why}`, {
          cause: err,
        });
      } finally {
        await session.close();
      }
    }
    const total = counts.articles + counts.entities + counts.relations;
    const batches = await writeAll(conn, sources, lock, total, { ...options, batchSize: size }).catch((err) => {
      const what = options.wipe
        ? 'The database was wiped before this failure and holds part of the records: run the same kg load again to '
          + 'restore it'
        : 'The batches before it are committed: run the same kg load again to complete the load (loading twice changes '
          + 'nothing)';
      throw new Neo4jFailure(`${(err as Error).message}. ${what}.`, { cause: err });
    });
    return { ...counts, batches, ...(pruned ? { pruned } : {}) };
  } finally {
    await lock.release();
  }
}

/** Refuses the load when relation ends are missing, naming each and the first line that names it. */
function refuseUnresolved(missing: string[], unresolved: Map<string, string>, why: string): void {
  if (!missing.length) return;
  throw problemsError(missing.map((ref) => `${unresolved.get(ref)} names ${ref}, which ${why}`));
}

/** Writes the records in batches (articles, entities, relations) under the load lock; returns the batches written. */
async function writeAll(
  conn: Neo4jConnection,
  sources: RecordSources,
  lock: LoadLock,
  total: number,
  options: LoadOptions & { batchSize: number },
): Promise<number> {
  const size = options.batchSize;
  const retries = options.retries ?? 5;
  let done = 0;
  let batchNo = 0;
  /**
   * Runs one batch as one managed transaction (the driver itself retries transient errors for up to 30 s). When the
   * server stays away longer, e.g. while it restarts, the batch is tried again in a new session, a bounded number of
   * times with growing waits. A failure names the batch and its first and last row.
   */
  const write = async <T>(
    what: string,
    items: Sourced<T>[],
    work: (tx: ManagedTransaction) => Promise<void>,
  ): Promise<void> => {
    batchNo++;
    const span = items.length === 1 ? items[0]?.where : `${items[0]?.where} … ${items.at(-1)?.where}`;
    const name = `batch ${batchNo} (${what}, ${items.length} rows: ${span})`;
    for (let attempt = 0; ; attempt++) {
      const session = conn.driver.session({ database: conn.settings.database });
      try {
        // A lock lost with its connection (a server restart) is taken again before writing on.
        await lock.ensure();
        await session.executeWrite(work);
        break;
      } catch (err) {
        if (attempt < retries && isRetryable(err)) {
          const wait = backoffMs(attempt + 1);
          options.onRetry?.(
            `${name}: ${describeNeo4jError(err, conn.settings)}; retry ${attempt + 1}/${retries} in ${wait / 1000} s`,
          );
          await sleep(wait);
          continue;
        }
        const tried = attempt ? ` after ${attempt + 1} tries` : '';
        throw new Neo4jFailure(
          `${name} failed${tried} and was rolled back: ${describeNeo4jError(err, conn.settings)}`,
          { cause: err },
        );
      } finally {
        await session.close().catch(() => undefined);
      }
    }
    done += items.length;
    options.onProgress?.(done, total);
  };
  const writeRows = <T>(what: string, cypher: string, items: Sourced<T>[], row: (v: T) => Record<string, Value>) =>
    write(what, items, async (tx) => void (await tx.run(cypher, { rows: items.map((i) => row(i.value)) })));

  for await (const b of batches(sources.articles(), size, () => ARTICLE_LABEL))
    await writeRows('articles', ARTICLE_CYPHER, b.items, articleRow);
  for await (const b of batches(sources.entities(), size, (e) => e.type)) {
    await writeRows(`${b.key} entities`, entityCypher(b.key), b.items, entityRow);
  }
  // Relation batches go RELATION_WRITERS at a time (the server runs one while it commits the other), but never two of
  // one group at once: a relation's key lives in one group, and two transactions could both find it absent.
  const relKey = (r: Relation) => `${r.type} ${endpoint(r.from).label} ${endpoint(r.to).label}`;
  const inFlight = new Map<string, Promise<void>>();
  try {
    for await (const b of batches(sources.relations(), size, relKey)) {
      await inFlight.get(b.key);
      while (inFlight.size >= RELATION_WRITERS) await Promise.race(inFlight.values());
      const [type = '', fromLabel = '', toLabel = ''] = b.key.split(' ');
      const running: Promise<void> = write(`${type} ${fromLabel}→${toLabel} relations`, b.items, (tx) =>
        writeRelations(tx, type, fromLabel, toLabel, b.items),
      ).finally(() => void (inFlight.get(b.key) === running && inFlight.delete(b.key)));
      running.catch(() => undefined); // handled where it is awaited; this keeps a failure from being reported as unhandled
      inFlight.set(b.key, running);
    }
    await Promise.all(inFlight.values());
  } catch (err) {
    await Promise.allSettled(inFlight.values());
    throw err;
  }
  return batchNo;
}
