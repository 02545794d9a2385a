// The graph as files for other tools: `kg export DIR --format neo4j-admin|graphml|gexf|csv`. Pure: a graph in, a list
// of {name, content} out; the CLI writes them. Every format carries the same nodes and edges as graph.json, with the
// article records' body and reporters added to Article nodes (graph.json leaves them out for the viewer's sake).
//
// neo4j-admin: one node file per label, one relationship file per (type, start space, end space), with headers that
//   `neo4j-admin database import full` reads: `id:ID(Article)` / `id:ID(Entity)` (two ID spaces, so that Article nodes
//   keep `id` = the article id as `kg load` writes it), `:LABEL`, `:START_ID(…)`, `:END_ID(…)`, `:TYPE`, and typed
//   properties (`investment_yuan:long`, `aliases:string[]`). Arrays are joined by ARRAY_DELIMITER (`;`, the tool's
//   default), fields are quoted with `"` (doubled inside), and article bodies span lines: import with
//   --multiline-fields=true (the command is in `neo4j-admin-import.txt`). An empty list or a null is an empty field,
//   which the import leaves out (no property), where `kg load` would write [] or nothing.
// graphml: GraphML 1.0 with typed keys, lists joined by `;` for reading (GraphML has no list type). Opens in Gephi, yEd, networkx.
// gexf: GEXF 1.3 written by graphology-gexf (lists as liststring). Opens in Gephi.
// csv: nodes.csv and edges.csv, RFC 4180, UTF-8, lists joined by `;`, for spreadsheets and pandas; a cell a
//   spreadsheet would run as a formula (starting with = + - @, tab, CR) is prefixed with `'` (OWASP CSV injection).
import { ARTICLE_ID_PREFIX, ARTICLE_LABEL } from '../names.ts';
import gexf from 'graphology-gexf';
import { articleNodeId, type Article, type Entity, type Relation } from '../schema.ts';
import { buildGraph, type KgGraph } from './build.ts';

export const EXPORT_FORMATS = ['neo4j-admin', 'graphml', 'gexf', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const ARRAY_DELIMITER = ';';

export interface ExportFile {
  name: string;
  content: string;
}

type Attrs = Record<string, unknown>;

/** The graph of an extract output folder's records, Article nodes completed with what graph.json leaves out. */
export function recordsGraph(
  articles: Iterable<Article>,
  entities: Iterable<Entity>,
  relations: Iterable<Relation>,
): KgGraph {
  const list = [...articles];
  const graph = buildGraph(list, entities, relations);
  for (const a of list) {
    graph.mergeNodeAttributes(articleNodeId(a.id), {
      index: a.index,
      body: a.body,
      reporters: a.reporters.map((r) => r.name),
      reporter_roles: a.reporters.map((r) => r.role),
    });
  }
  return graph;
}

export function exportFiles(graph: KgGraph, format: ExportFormat): ExportFile[] {
  switch (format) {
    case 'neo4j-admin':
      return neo4jAdmin(graph);
    case 'graphml':
      return [{ name: 'graph.graphml', content: graphml(graph) }];
    case 'gexf':
      return [{ name: 'graph.gexf', content: gexf.write(graph) }];
    case 'csv':
      return csv(graph);
  }
}

// ---- columns and their types ----------------------------------------------------------------------------------

type ColumnType = 'string' | 'long' | 'double' | 'boolean' | 'string[]';

/** The one type that holds every non-empty value of a column; mixed scalars fall back to string. */
export function columnType(values: Iterable<unknown>): ColumnType {
  let type: ColumnType | null = null;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const t: ColumnType = Array.isArray(v)
      ? 'string[]'
      : typeof v === 'boolean'
        ? 'boolean'
        : typeof v === 'number'
          ? Number.isSafeInteger(v)
            ? 'long'
            : 'double'
          : 'string';
    if (type === null || type === t) type = t;
    else if ((type === 'long' && t === 'double') || (type === 'double' && t === 'long')) type = 'double';
    else type = 'string';
  }
  return type ?? 'string';
}

/** Column names in a stable order: the given leading ones, then the rest alphabetically. */
function columns(rows: Attrs[], leading: string[], skip: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) if (!skip.has(k)) seen.add(k);
  return [...leading.filter((k) => seen.has(k)), ...[...seen].filter((k) => !leading.includes(k)).sort()];
}

/**
 * A list as one field. Where the list is typed (neo4j-admin `string[]`), an element holding the delimiter would be
 * split in two on import: `where` names the node or edge, and it is an error. Elsewhere the field is only for reading.
 */
function joinList(v: unknown[], where: string | null): string {
  for (const x of v) {
    if (where !== null && String(x).includes(ARRAY_DELIMITER))
      throw new Error(`${where}: list value "${String(x)}" contains the array delimiter "${ARRAY_DELIMITER}"`);
  }
  return v.map(String).join(ARRAY_DELIMITER);
}

// ---- CSV (RFC 4180; also what neo4j-admin reads) ----------------------------------------------------------------

const csvField = (s: string): string => (/[",\r\n]/.test(s) || s === '' ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * A field of the spreadsheet CSV (nodes.csv, edges.csv). A spreadsheet runs a cell starting with = + - @, tab or CR as
 * a formula (`=HYPERLINK(…)`, `=cmd|…`): such a cell gets a leading `'` and quotes, as OWASP's CSV-injection guidance
 * says. The neo4j-admin files keep csvField: the import tool reads fields literally and would store the `'`.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
export const spreadsheetField = (s: string): string =>
  FORMULA_START.test(s) ? `"'${s.replaceAll('"', '""')}"` : csvField(s);

type Field = (s: string) => string;

/** A value as a CSV field: null and empty lists are an empty unquoted field, an empty string `""`, a number itself. */
function csvValue(v: unknown, where: string | null = null, field: Field = csvField): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.length ? field(joinList(v, where)) : '';
  return field(String(v));
}

const csvLines = (header: string[], rows: string[][], field: Field = csvField): string =>
  `${[header.map(field), ...rows].map((r) => r.join(',')).join('\n')}\n`;

function nodeRows(graph: KgGraph): Array<{ id: string; attrs: Attrs }> {
  return graph.mapNodes((id, attrs) => ({ id, attrs: attrs as Attrs }));
}

function edgeRows(graph: KgGraph): Array<{ key: string; source: string; target: string; attrs: Attrs }> {
  return graph.mapEdges((key, attrs, source, target) => ({ key, source, target, attrs: attrs as Attrs }));
}

const NODE_LEADING = ['type', 'label', 'name', 'aliases', 'articles'];
const EDGE_LEADING = ['type', 'article', 'evidence', 'start', 'end', 'rule'];

function csv(graph: KgGraph): ExportFile[] {
  const nodes = nodeRows(graph);
  const nodeCols = columns(
    nodes.map((n) => n.attrs),
    NODE_LEADING,
    new Set(),
  );
  const edges = edgeRows(graph);
  const edgeCols = columns(
    edges.map((e) => e.attrs),
    EDGE_LEADING,
    new Set(),
  );
  const f = spreadsheetField;
  const value = (v: unknown) => csvValue(v, null, f);
  return [
    {
      name: 'nodes.csv',
      content: csvLines(
        ['id', ...nodeCols],
        nodes.map((n) => [f(n.id), ...nodeCols.map((c) => value(n.attrs[c]))]),
        f,
      ),
    },
    {
      name: 'edges.csv',
      content: csvLines(
        ['id', 'source', 'target', ...edgeCols],
        edges.map((e) => [f(e.key), f(e.source), f(e.target), ...edgeCols.map((c) => value(e.attrs[c]))]),
        f,
      ),
    },
  ];
}

// ---- neo4j-admin ------------------------------------------------------------------------------------------------

/** What the graph carries for the viewer but `kg load` does not write: left out of the import files. */
const ADMIN_SKIP = {
  Article: new Set(['type', 'label', 'name', 'aliases', 'articles']),
  entity: new Set(['type', 'label']),
  edge: new Set(['type']),
};
const idSpace = (nodeType: string): string => (nodeType === ARTICLE_LABEL ? ARTICLE_LABEL : 'Entity');
/** The `id` property of a node: an Article's is its article id (as `kg load` writes it), an entity's the node key. */
const adminId = (key: string, type: string): string =>
  type === ARTICLE_LABEL ? key.slice(ARTICLE_ID_PREFIX.length) : key;

const typedHeader = (name: string, type: ColumnType): string => (type === 'string' ? name : `${name}:${type}`);

/**
 * kg load stores an Article's `date` and every relationship's (its article's date) as Neo4j dates: in the files that
 * hold them (`dated`) the column is typed `date:date`, so that the import gives the same graph.
 */
const DATE_COLUMN = 'date';

function adminRowsFile(
  name: string,
  fixedHeader: string[],
  fixed: string[][],
  rows: Attrs[],
  cols: string[],
  where: (i: number) => string,
  dated = false,
): ExportFile {
  const type = (c: string) =>
    dated && c === DATE_COLUMN ? `${c}:date` : typedHeader(c, columnType(rows.map((r) => r[c])));
  const header = [...fixedHeader, ...cols.map(type)];
  return {
    name,
    content: csvLines(
      header,
      rows.map((r, i) => [...fixed[i]!, ...cols.map((c) => csvValue(r[c], where(i)))]),
    ),
  };
}

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** How the node and relationship file names of the neo4j-admin export start (`nodes-Article.csv`, …). */
const ADMIN_NODE_FILE = 'nodes-';
const ADMIN_RELATIONSHIP_FILE = 'relationships-';

function neo4jAdmin(graph: KgGraph): ExportFile[] {
  const files: ExportFile[] = [];
  const nodeFiles: string[] = [];
  const relFiles: string[] = [];
  for (const [label, nodes] of groupBy(nodeRows(graph), (n) => String(n.attrs.type))) {
    const skip = label === ARTICLE_LABEL ? ADMIN_SKIP.Article : ADMIN_SKIP.entity;
    const rows = nodes.map((n) => n.attrs);
    const cols = columns(rows, ['name', 'aliases', 'articles'], new Set([...skip, 'id']));
    const name = `${ADMIN_NODE_FILE}${label}.csv`;
    files.push(
      adminRowsFile(
        name,
        [`id:ID(${idSpace(label)})`, ':LABEL'],
        nodes.map((n) => [csvField(adminId(n.id, label)), csvField(label)]),
        rows,
        cols,
        (i) => `node ${nodes[i]!.id}`,
        label === 'Article',
      ),
    );
    nodeFiles.push(name);
  }
  const typeOf = (node: string) => String(graph.getNodeAttribute(node, 'type'));
  const articleDate = (article: unknown): unknown => {
    const node = `Article:${String(article)}`;
    return graph.hasNode(node) ? (graph.getNodeAttribute(node, DATE_COLUMN) ?? null) : null;
  };
  for (const [group, edges] of groupBy(
    edgeRows(graph),
    (e) => `${String(e.attrs.type)}-${idSpace(typeOf(e.source))}-${idSpace(typeOf(e.target))}`,
  )) {
    const [type = '', from = '', to = ''] = group.split('-');
    const rows = edges.map((e) => ({ ...e.attrs, [DATE_COLUMN]: articleDate(e.attrs.article) }));
    const cols = columns(rows, EDGE_LEADING, ADMIN_SKIP.edge);
    const name = `${ADMIN_RELATIONSHIP_FILE}${group}.csv`;
    files.push(
      adminRowsFile(
        name,
        [`:START_ID(${from})`, `:END_ID(${to})`, ':TYPE'],
        edges.map((e) => [
          csvField(adminId(e.source, typeOf(e.source))),
          csvField(adminId(e.target, typeOf(e.target))),
          csvField(type),
        ]),
        rows,
        cols,
        (i) => `edge ${edges[i]!.key}`,
        true,
      ),
    );
    relFiles.push(name);
  }
  const [command = '', ...args] = adminImportArgs(nodeFiles, relFiles).map(shellWord);
  files.push({
    name: 'neo4j-admin-import.txt',
    content: `${command} ${args.slice(0, 3).join(' ')} \\\n  ${args.slice(3).join(' \\\n  ')}\n`,
  });
  return files;
}

const shellWord = (w: string): string => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replaceAll("'", `'\\''`)}'`);

/** The import command for the files (run in their folder, with the database stopped; `neo4j` is the database). */
export function adminImportArgs(nodeFiles: string[], relFiles: string[], database = 'neo4j'): string[] {
  return [
    'neo4j-admin',
    'database',
    'import',
    'full',
    ...nodeFiles.map((f) => `--nodes=${f}`),
    ...relFiles.map((f) => `--relationships=${f}`),
    `--array-delimiter=${ARRAY_DELIMITER}`,
    '--multiline-fields=true',
    database,
  ];
}

/** The import command for a folder the neo4j-admin export wrote, from the names of the files in it. */
export function adminImportArgsFor(files: string[], database = 'neo4j'): string[] {
  const csv = (prefix: string) => files.filter((f) => f.startsWith(prefix) && f.endsWith('.csv')).sort();
  return adminImportArgs(csv(ADMIN_NODE_FILE), csv(ADMIN_RELATIONSHIP_FILE), database);
}

// ---- GraphML ----------------------------------------------------------------------------------------------------

/** XML text: the five escapes, and the characters XML 1.0 cannot carry (controls, lone surrogates) dropped. */
export function xmlText(s: string): string {
  return s
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '',
    )
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

const GRAPHML_TYPE: Record<ColumnType, string> = {
  string: 'string',
  long: 'long',
  double: 'double',
  boolean: 'boolean',
  'string[]': 'string',
};

function graphml(graph: KgGraph): string {
  const nodes = nodeRows(graph);
  const edges = edgeRows(graph);
  const keys = (kind: 'node' | 'edge', rows: Attrs[], leading: string[]) =>
    columns(rows, leading, new Set()).map((name, i) => ({
      id: `${kind[0]}${i}`,
      name,
      type: columnType(rows.map((r) => r[name])),
    }));
  const nodeKeys = keys(
    'node',
    nodes.map((n) => n.attrs),
    NODE_LEADING,
  );
  const edgeKeys = keys(
    'edge',
    edges.map((e) => e.attrs),
    EDGE_LEADING,
  );
  const data = (ks: typeof nodeKeys, attrs: Attrs) =>
    ks
      .flatMap((k) => {
        const v = attrs[k.name];
        if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) return [];
        return [`<data key="${k.id}">${xmlText(Array.isArray(v) ? joinList(v, null) : String(v))}</data>`];
      })
      .join('');
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...nodeKeys.map(
      (k) => `  <key id="${k.id}" for="node" attr.name="${xmlText(k.name)}" attr.type="${GRAPHML_TYPE[k.type]}"/>`,
    ),
    ...edgeKeys.map(
      (k) => `  <key id="${k.id}" for="edge" attr.name="${xmlText(k.name)}" attr.type="${GRAPHML_TYPE[k.type]}"/>`,
    ),
    '  <graph id="G" edgedefault="directed">',
    ...nodes.map((n) => `    <node id="${xmlText(n.id)}">${data(nodeKeys, n.attrs)}</node>`),
    ...edges.map(
      (e) =>
        `    <edge id="${xmlText(e.key)}" source="${xmlText(e.source)}" target="${xmlText(e.target)}">${data(edgeKeys, e.attrs)}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
  ];
  return `${out.join('\n')}\n`;
}
