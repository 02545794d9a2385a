// The named queries of cypher/queries: each file starts with a header that says its question, its parameters (with
// type and example value) and an example command. Ad-hoc Cypher (`kg query --cypher`, `-f FILE`) is a query without a
// header whose parameters are typed by their flags. Queries run in read transactions, so none of them can write.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import neo4j, {
  type ManagedTransaction,
  type Node,
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isRelationship,
  isTime,
} from 'neo4j-driver';
import { spreadsheetField } from '../graph/export.ts';
import { isCalendarDate } from '../schema.ts';
import { describeNeo4jError, Neo4jFailure, type Neo4jConnection } from './driver.ts';

export const QUERIES_DIR = join(import.meta.dirname, '../../cypher/queries');

const PARAM_TYPES = ['string', 'int', 'float', 'boolean', 'date'] as const;
type ParamType = (typeof PARAM_TYPES)[number];

export interface QueryParam {
  name: string;
  type: ParamType;
  /** The example value, used when the parameter is not given. */
  example: string;
  description: string;
}

export interface NamedQuery {
  name: string;
  file: string;
  question: string;
  params: QueryParam[];
  example: string;
  cypher: string;
}

const PARAM_LINE = /^param\s+(\w+)\s*:\s*(\w+)\s*=\s*(.*?)\s*(?:—\s*(.*))?$/;

/** Reads the header comment (`// question: …`, `// param name: type = example — description`, `// example: …`). */
export function parseQuery(name: string, file: string, text: string): NamedQuery {
  const query: NamedQuery = { name, file, question: '', params: [], example: '', cypher: text };
  for (const raw of text.split('\n')) {
    if (!raw.startsWith('//')) break;
    const line = raw.slice(2).trim();
    const param = PARAM_LINE.exec(line);
    if (line.startsWith('question:')) query.question = line.slice('question:'.length).trim();
    else if (line.startsWith('example:')) query.example = line.slice('example:'.length).trim();
    else if (param) {
      const [, pname = '', type = '', example = '', description = ''] = param;
      if (!(PARAM_TYPES as readonly string[]).includes(type))
        throw new Error(`${file}: parameter ${pname} has unknown type "${type}" (${PARAM_TYPES.join(', ')})`);
      query.params.push({ name: pname, type: type as ParamType, example, description });
    } else if (line.startsWith('param'))
      throw new Error(`${file}: cannot read "${line}" (expected "param name: type = example — description")`);
  }
  if (!query.question) throw new Error(`${file}: the header has no "// question:" line`);
  return query;
}

/** Ad-hoc Cypher: `source` names it in errors (`--cypher`, or the file of `-f`). */
export function adHocQuery(cypher: string, source: { file?: string } = {}): NamedQuery {
  const where = source.file ?? 'the --cypher text';
  if (!cypher.trim()) throw new Error(`${where}: no Cypher to run (it is empty)`);
  const name = source.file ? basename(source.file) : '--cypher';
  return { name, file: source.file ?? 'command line', question: '', params: [], example: '', cypher };
}

export function listQueries(dir = QUERIES_DIR): NamedQuery[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => readQuery(f.replace(/\.cypher$/, ''), dir));
}

export function readQuery(name: string, dir = QUERIES_DIR): NamedQuery {
  const file = join(dir, `${name}.cypher`);
  if (!/^[\w-]+$/.test(name) || !existsSync(file)) {
    const known = readdirSync(dir)
      .filter((f) => f.endsWith('.cypher'))
      .map((f) => f.replace(/\.cypher$/, ''));
    throw new Error(`no query "${name}" in ${dir}; known: ${known.join(', ')}`);
  }
  return parseQuery(name, file, readFileSync(file, 'utf8'));
}

/** Neo4j integers are 64-bit: a whole number outside is refused rather than wrapped (neo4j.int would wrap it). */
const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };

/** YYYY-MM-DD of a real calendar day as a Neo4j `date` (what `date('2024-01-01')` is in Cypher), else null. */
export function neo4jDate(text: string): InstanceType<typeof neo4j.types.Date> | null {
  if (!isCalendarDate(text)) return null;
  const [y = 0, m = 0, d = 0] = text.split('-').map(Number);
  return new neo4j.types.Date(y, m, d);
}

const TYPE_NAMES: Record<ParamType, string> = {
  string: 'a string',
  int: 'a whole number',
  float: 'a float',
  boolean: 'a boolean (true or false)',
  date: 'a calendar date YYYY-MM-DD',
};

/** A parameter value that does not fit its declared type, or a parameter the query does not take. */
export class QueryParamError extends Error {
  override name = 'QueryParamError';
}

function convert(param: QueryParam, value: string): unknown {
  const bad = () => new QueryParamError(`parameter ${param.name} must be ${TYPE_NAMES[param.type]}, not "${value}"`);
  switch (param.type) {
    case 'int': {
      if (!/^-?\d+$/.test(value.trim())) throw bad();
      const n = BigInt(value.trim());
      if (n < INT64.min || n > INT64.max) {
        const range = `from ${INT64.min} to ${INT64.max} (Neo4j's 64-bit integers)`;
        throw new QueryParamError(`parameter ${param.name} must be a whole number ${range}, not ${value.trim()}`);
      }
      // From the decimal string, not a JS number: whole numbers beyond 2^53 stay exact.
      return neo4j.int(n.toString());
    }
    case 'float': {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n)) throw bad();
      return n;
    }
    case 'boolean':
      if (value !== 'true' && value !== 'false') throw bad();
      return value === 'true';
    case 'date': {
      const date = neo4jDate(value);
      if (!date) throw bad();
      return date;
    }
    default:
      return value;
  }
}

/** A `--param` key: `name`, or `name:type` (`since:date`), which an ad-hoc query needs for anything but a string. */
export function paramKey(key: string): { name: string; type?: ParamType } {
  const [name = '', type, ...rest] = key.split(':');
  if (!/^\w+$/.test(name) || rest.length) throw new Error(`--param ${key}: expected name=value or name:type=value`);
  if (type === undefined) return { name };
  if (!(PARAM_TYPES as readonly string[]).includes(type)) {
    throw new Error(`--param ${key}: unknown type "${type}" (${PARAM_TYPES.join(', ')})`);
  }
  return { name, type: type as ParamType };
}

/**
 * Given string values (from the command line, keyed `name` or `name:type`) → typed parameters. A named query types
 * them by its header (a flag's type must agree) and fills missing ones with their example value; an ad-hoc query
 * (no header) takes each as its flag types it, a string by default.
 */
export function queryParams(query: NamedQuery, given: Record<string, string>): Record<string, unknown> {
  const flags = Object.entries(given).map(([key, value]) => ({ ...paramKey(key), key, value }));
  if (!query.question) {
    const typed = (f: (typeof flags)[number]): QueryParam => ({
      name: f.name,
      type: f.type ?? 'string',
      example: '',
      description: '',
    });
    return Object.fromEntries(flags.map((f) => [f.name, convert(typed(f), f.value)]));
  }
  const unknownNames = flags.filter((f) => !query.params.some((p) => p.name === f.name)).map((f) => f.name);
  if (unknownNames.length) {
    throw new QueryParamError(
      `query ${query.name} has no parameter ${unknownNames.join(', ')}; it takes: ${query.params.map((p) => `${p.name} (${p.type})`).join(', ') || 'none'}`,
    );
  }
  for (const f of flags) {
    const declared = query.params.find((p) => p.name === f.name);
    if (f.type && declared && f.type !== declared.type) {
      throw new QueryParamError(
        `--param ${f.key}: parameter ${f.name} of query ${query.name} is ${TYPE_NAMES[declared.type]}`,
      );
    }
  }
  const valueFor = (p: QueryParam) => flags.find((f) => f.name === p.name)?.value ?? p.example;
  return Object.fromEntries(query.params.map((p) => [p.name, convert(p, valueFor(p))]));
}

const nodeProperties = (n: Node): unknown => plain({ labels: n.labels, ...n.properties });

/**
 * Driver values → plain JSON: integers as numbers, nodes as `node` writes them (by default their labels and
 * properties), paths as node names.
 */
export function plain(value: unknown, node: (n: Node) => unknown = nodeProperties): unknown {
  const inner = (v: unknown) => plain(v, node);
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (isNode(value)) return node(value);
  if (isRelationship(value)) return plain({ type: value.type, ...value.properties });
  if (isPath(value))
    return value.segments.length
      ? [value.start, ...value.segments.map((s) => s.end)].map((n) => n.properties.name ?? n.properties.id)
      : [];
  if (
    isDate(value)
    || isDateTime(value)
    || isLocalDateTime(value)
    || isTime(value)
    || isLocalTime(value)
    || isDuration(value)
  )
    return value.toString();
  if (Array.isArray(value)) return value.map(inner);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inner(v)]));
  return value;
}

export interface QueryResult {
  columns: string[];
  rows: Record<string, unknown>[];
  /** True when rows beyond `maxRows` were left out. */
  truncated: boolean;
}

export interface RunOptions {
  /** Neo4j ends the transaction after this many milliseconds (default: the server's own limit, if any). */
  timeoutMs?: number;
  /** Read at most this many rows; the rest are left out and `truncated` is set. */
  maxRows?: number;
  /** How a returned node is written (see `plain`). */
  node?: (n: Node) => unknown;
}

export async function runQuery(
  conn: Neo4jConnection,
  query: NamedQuery,
  given: Record<string, string> = {},
  { timeoutMs, maxRows = Number.POSITIVE_INFINITY, node }: RunOptions = {},
): Promise<QueryResult> {
  const params = queryParams(query, given);
  const session = conn.driver.session({ database: conn.settings.database, defaultAccessMode: neo4j.session.READ });
  try {
    const work = async (tx: ManagedTransaction): Promise<QueryResult> => {
      const result = tx.run(query.cypher, params);
      const columns = (await result.keys()).map(String);
      const rows: Record<string, unknown>[] = [];
      // Streamed, so that a query of millions of rows stops at the cap instead of being held in memory first.
      for await (const r of result) {
        if (rows.length >= maxRows) return { columns, rows, truncated: true };
        rows.push(Object.fromEntries(columns.map((c) => [c, plain(r.get(c), node)])));
      }
      return { columns, rows, truncated: false };
    };
    return await session.executeRead(work, timeoutMs === undefined ? {} : { timeout: timeoutMs });
  } catch (err) {
    const why = queryError(err, conn, timeoutMs);
    throw new Neo4jFailure(`query ${query.name} (${query.file}) failed: ${why}`, { cause: err });
  } finally {
    await session.close();
  }
}

/** Neo4j's refusal of a write in a read transaction, said as what it means here, on one line. */
function queryError(err: unknown, conn: Neo4jConnection, timeoutMs?: number): string {
  const { code = '', message = '' } = (err ?? {}) as { code?: string; message?: string };
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') && timeoutMs !== undefined) {
    return `it ran longer than ${timeoutMs / 1000} s, the limit here (Neo4j: "${message.split('\n')[0]}")`;
  }
  if (code === 'Neo.ClientError.Statement.AccessMode' || /Writing in read access mode not allowed/.test(message)) {
    return (
      'it writes to the database (CREATE, MERGE, SET, DELETE, REMOVE, …), and kg query only reads '
      + '(Neo4j: "Writing in read access mode not allowed"); change the graph with kg load'
    );
  }
  return describeNeo4jError(err, conn.settings);
}

// ---- what `kg query` prints: a table, JSON or CSV ---------------------------------------------------------------

/** Terminal columns of a string: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return w;
}

function cell(value: unknown, max: number): string {
  const text =
    value === null || value === undefined
      ? ''
      : Array.isArray(value)
        ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  if (displayWidth(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** A plain-text table; cells longer than `max` columns are cut with "…" (use --json for everything). */
export function formatTable(result: QueryResult, max = 60): string {
  if (!result.rows.length) return '(no rows)';
  const cells = result.rows.map((row) => result.columns.map((c) => cell(row[c], max)));
  const widths = result.columns.map((c, i) => Math.max(displayWidth(c), ...cells.map((r) => displayWidth(r[i] ?? ''))));
  const pad = (s: string, i: number) => s + ' '.repeat((widths[i] ?? 0) - displayWidth(s));
  const line = (r: string[]) => r.map(pad).join(' │ ').trimEnd();
  return [
    line(result.columns),
    widths.map((w) => '─'.repeat(w)).join('─┼─'),
    ...cells.map(line),
    `(${result.rows.length} row${result.rows.length === 1 ? '' : 's'})`,
  ].join('\n');
}

/** A cell of `--csv`: null empty, numbers and booleans as themselves, lists and maps as JSON, text guarded. */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return spreadsheetField(typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * The rows as CSV (RFC 4180: CRLF line ends, fields quoted when they hold `"`, `,` or a line end) with a header row
 * and a UTF-8 byte order mark, so that spreadsheets read the Chinese text as UTF-8; a cell a spreadsheet would run as
 * a formula gets a leading `'` (as `kg export --format csv` does).
 */
export function formatCsv(result: QueryResult): string {
  const lines = [result.columns.map(csvCell), ...result.rows.map((row) => result.columns.map((c) => csvCell(row[c])))];
  return `\uFEFF${lines.map((cells) => `${cells.join(',')}\r\n`).join('')}`;
}
