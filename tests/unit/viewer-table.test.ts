// The viewer's tables: node rows with properties, relation rows with the rule in words, sorting, CSV for Excel.
import { describe, expect, it } from 'vitest';
import type { RelationRow } from '../../src/server/relations.ts';
import { NO_FILTERS } from '../../viewer/src/filters.ts';
import { nextSort, nodeTable, relationTable, sortTable, toCsv } from '../../viewer/src/table.ts';
import { fixtureGraph } from './viewer-fixture.ts';

const graph = fixtureGraph();
const summary = (id: string) => {
  const [type, name] = id.split(':') as [string, string];
  return { id, type, label: name, name, aliases: [] };
};
const row = (source: string, type: string, target: string, rule: string, date: string | null): RelationRow => ({
  id: `${source}-${target}`,
  type,
  source: summary(source),
  target: summary(target),
  article: { id: 'a#1', title: '八月的新闻', date, file: null },
  evidence: `${source}与${target}，"引号"，逗号`,
  rule,
  props: type === 'FUNDS' ? { amount_yuan: 1_200_000 } : {},
});

describe('nodeTable', () => {
  it('has a row per node and a column per property, amounts kept as numbers', () => {
    const t = nodeTable(graph, ['Project:海韵项目', 'Project:刘集项目', 'County:东阿县'], (id) => graph.degree(id));
    expect(t.columns.map((c) => c.title)).toEqual(['名称', '类型', '关系数', '投资额', '节点ID']);
    expect(t.rows[0]).toMatchObject({ name: '海韵项目', type: '项目', 'p:investment_yuan': 2_340_000_000 });
    expect(t.rows[2]).not.toHaveProperty('p:investment_yuan');
    const byMoney = sortTable(t, { key: 'p:investment_yuan', descending: false });
    expect(byMoney.rows.map((r) => r.name)).toEqual(['刘集项目', '海韵项目', '东阿县']);
    const byDegree = sortTable(t, { key: 'degree', descending: true });
    expect(byDegree.rows[0]!.name).toBe('海韵项目');
  });
});

describe('relationTable', () => {
  const rows = [
    row('Company:海韵公司', 'DEVELOPS', 'Project:海韵项目', 'develops:same-sentence', '2024-08-02'),
    row('Project:海韵项目', 'LOCATED_IN', 'County:东阿县', 'located:article-county', '2024-10-31'),
    row('Agency:东阿县人民政府', 'FUNDS', 'Company:海韵公司', 'funds:agency-verb-amount', null),
    row('Project:海韵项目', 'LOCATED_IN', 'County:冠县', 'located:weiyu', '2024-08-02'),
  ];
  const shown = new Set(['Company:海韵公司', 'Project:海韵项目', 'County:东阿县', 'Agency:东阿县人民政府']);

  it('keeps relations between shown nodes, with the rule in words and the amount formatted', () => {
    const t = relationTable(rows, shown, NO_FILTERS);
    expect(t.rows.map((r) => r.rule)).toEqual(['同句共现', '文章所在县', '“机关拨付…金额”']);
    expect(t.rows[0]).toMatchObject({
      source: '海韵公司',
      relation: '建设/投资',
      target: '海韵项目',
      date: '2024-08-02',
    });
    expect(t.rows[2]).toMatchObject({ props: '120万元', date: '', ruleId: 'funds:agency-verb-amount' });
  });

  it('applies the date and rule filters to the rows', () => {
    expect(relationTable(rows, shown, { ...NO_FILTERS, to: '2024-09-01' }).rows.map((r) => r.ruleId)).toEqual([
      'develops:same-sentence',
    ]);
    expect(relationTable(rows, shown, { ...NO_FILTERS, hiddenRules: ['develops:same-sentence'] }).rows).toHaveLength(2);
  });

  it('writes CSV with a UTF-8 BOM, the titles, CRLF and quoted fields', () => {
    const csv = toCsv(relationTable(rows.slice(0, 1), shown, NO_FILTERS));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('起点,关系,终点,属性,依据规则,日期,文章,证据句,规则ID');
    expect(lines[1]).toBe(
      '海韵公司,建设/投资,海韵项目,,同句共现,2024-08-02,八月的新闻,"Company:海韵公司与Project:海韵项目，""引号""，逗号",develops:same-sentence',
    );
    expect(lines[2]).toBe('');
  });
});

describe('sorting', () => {
  it('cycles ascending, descending, unsorted on repeated clicks', () => {
    expect(nextSort(null, 'date')).toEqual({ key: 'date', descending: false });
    expect(nextSort({ key: 'date', descending: false }, 'date')).toEqual({ key: 'date', descending: true });
    expect(nextSort({ key: 'date', descending: true }, 'date')).toBeNull();
    expect(nextSort({ key: 'date', descending: true }, 'rule')).toEqual({ key: 'rule', descending: false });
  });

  it('puts empty cells last in both directions', () => {
    const t = { columns: [{ key: 'd', title: 'd' }], rows: [{ d: '' }, { d: '2024-01-01' }, { d: '2023-01-01' }] };
    expect(sortTable(t, { key: 'd', descending: false }).rows.map((r) => r.d)).toEqual([
      '2023-01-01',
      '2024-01-01',
      '',
    ]);
    expect(sortTable(t, { key: 'd', descending: true }).rows.map((r) => r.d)).toEqual(['2024-01-01', '2023-01-01', '']);
  });
});
