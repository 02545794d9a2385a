// The tables below the graph, as data: the nodes in view with their properties, and the relations among them with
// evidence, article, date and the rule in words; sorting; CSV for Excel. Pure; table-view.ts draws them.
import type { RelationRow } from '../../src/server/relations.ts';
import { relationPasses, type Filters } from './filters.ts';
import { formatValue, isShownProperty, propertyName, relationPropsText } from './format.ts';
import type { ViewGraph } from './graph.ts';
import { relationZh, ruleZh, typeStyle } from './style.ts';

export type Cell = string | number;

export interface Column {
  key: string;
  title: string;
}

export interface Table {
  columns: Column[];
  /** One record per row, keyed by column key; a missing key is an empty cell. */
  rows: Array<Record<string, Cell>>;
}

export interface Sort {
  key: string;
  descending: boolean;
}

/** The nodes with name, type, relations shown and every property any of them has (one column per property). */
export function nodeTable(graph: ViewGraph, ids: readonly string[], degree: (id: string) => number): Table {
  const propertyKeys = new Set<string>();
  const rows = ids.map((id) => {
    const a = graph.getNodeAttributes(id);
    const row: Record<string, Cell> = { id, name: a.label, type: typeStyle(a.entityType).zh, degree: degree(id) };
    for (const [key, value] of Object.entries(a)) {
      if (!isShownProperty(key) || value === null || value === undefined) continue;
      const cell = typeof value === 'number' ? value : formatValue(key, value);
      if (cell === '') continue;
      row[`p:${key}`] = cell;
      propertyKeys.add(key);
    }
    return row;
  });
  const columns: Column[] = [
    { key: 'name', title: '名称' },
    { key: 'type', title: '类型' },
    { key: 'degree', title: '关系数' },
    ...[...propertyKeys].sort().map((k) => ({ key: `p:${k}`, title: propertyName(k) })),
    { key: 'id', title: '节点ID' },
  ];
  return { columns, rows };
}

export const RELATION_COLUMNS: Column[] = [
  { key: 'source', title: '起点' },
  { key: 'relation', title: '关系' },
  { key: 'target', title: '终点' },
  { key: 'props', title: '属性' },
  { key: 'rule', title: '依据规则' },
  { key: 'date', title: '日期' },
  { key: 'article', title: '文章' },
  { key: 'evidence', title: '证据句' },
  { key: 'ruleId', title: '规则ID' },
];

/** The relations the filters let through whose two ends are both in view (`shown`). */
export function relationTable(relations: readonly RelationRow[], shown: ReadonlySet<string>, filters: Filters): Table {
  const rows = relations
    .filter((r) => shown.has(r.source.id) && shown.has(r.target.id))
    .filter((r) => relationPasses(filters, { type: r.type, rule: r.rule, date: r.article?.date ?? null }))
    .map((r) => ({
      source: r.source.label,
      relation: relationZh(r.type),
      target: r.target.label,
      props: relationPropsText(r.props),
      rule: ruleZh(r.rule),
      date: r.article?.date ?? '',
      article: r.article ? (r.article.title ?? r.article.id) : '',
      evidence: r.evidence,
      ruleId: r.rule ?? '',
    }));
  return { columns: RELATION_COLUMNS, rows };
}

/** Numbers by value, text in Chinese collation (pinyin); empty cells last either way. A stable sort. */
export function sortTable(table: Table, sort: Sort | null): Table {
  if (!sort) return table;
  const sign = sort.descending ? -1 : 1;
  const rows = [...table.rows].sort((ra, rb) => {
    const a = ra[sort.key] ?? '';
    const b = rb[sort.key] ?? '';
    if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
    if (typeof a === 'number' && typeof b === 'number') return sign * (a - b);
    return sign * String(a).localeCompare(String(b), 'zh');
  });
  return { ...table, rows };
}

/** A click on a column's header sorts by it ascending, a second click descending, a third restores the order. */
export function nextSort(sort: Sort | null, key: string): Sort | null {
  if (sort?.key !== key) return { key, descending: false };
  return sort.descending ? null : { key, descending: true };
}

const csvCell = (cell: Cell | undefined) => {
  const text = cell === undefined ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * CSV as Excel reads it: a UTF-8 byte order mark first (without it Excel on Chinese Windows reads the bytes as GBK),
 * a header of the column titles, CRLF line ends, fields quoted where they hold a comma, quote or line break.
 */
export function toCsv(table: Table): string {
  const lines = [table.columns.map((c) => csvCell(c.title)).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvCell(row[c.key])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
