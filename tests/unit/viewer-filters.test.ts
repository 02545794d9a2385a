// The viewer's filters: which nodes and edges each filter leaves, on a small graph in the server's payload shape.
import { describe, expect, it } from 'vitest';
import {
  countyRegion,
  edgeDate,
  graphCounties,
  graphDates,
  graphRelationKinds,
  NO_FILTERS,
  relationPasses,
  visibleParts,
  type Filters,
} from '../../viewer/src/filters.ts';
import { fixtureGraph } from './viewer-fixture.ts';

const graph = fixtureGraph();
const show = (f: Partial<Filters>) => {
  const v = visibleParts(graph, { ...NO_FILTERS, ...f });
  return { nodes: [...v.nodes].sort(), edges: [...v.edges].sort() };
};

describe('visibleParts', () => {
  it('shows everything without filters', () => {
    expect(show({})).toEqual({ nodes: graph.nodes().sort(), edges: graph.edges().sort() });
  });

  it('hides a type with its edges and keeps the nodes left without relations', () => {
    const v = show({ hiddenTypes: ['Person'] });
    expect(v.nodes).not.toContain('Person:张三');
    expect(v.nodes).toContain('Agency:东阿县人民政府');
    expect(v.edges).not.toContain('e5');
    expect(v.edges).not.toContain('e9');
  });

  it('grows with the end date: a relation shows from its article’s date on, an undated one only without a range', () => {
    const august = show({ to: '2024-08-31' });
    expect(august.edges).toEqual(['e1', 'e4', 'e7']);
    expect(august.nodes).toEqual(['Article:a#1', 'Company:海韵公司', 'County:东阿县', 'Project:海韵项目']);
    const october = show({ to: '2024-10-31' });
    expect(october.edges).toEqual(
      graph
        .edges()
        .filter((e) => e !== 'e10')
        .sort(),
    );
    expect(october.nodes.length).toBeGreaterThan(august.nodes.length);
    expect(show({ from: '2024-09-01' }).edges).not.toContain('e1');
  });

  it('keeps a county, what is placed in it through towns, their owners, and the articles naming them', () => {
    expect([...countyRegion(graph, 'County:东阿县')].sort()).toEqual([
      'Article:a#1',
      'Company:海韵公司',
      'County:东阿县',
      'Project:刘集项目',
      'Project:海韵项目',
      'Town:刘集镇',
    ]);
    const v = show({ county: 'County:冠县' });
    expect(v.nodes).toEqual(['Article:a#2', 'Company:海韵公司', 'County:冠县', 'Project:冠县项目']);
    expect(v.edges).toEqual(['e10', 'e6', 'e8']);
  });

  it('filters by relation type and by rule, dropping the nodes left unconnected', () => {
    expect(show({ hiddenRelations: ['MENTIONS', 'REPORTED', 'LOCATED_IN', 'HOLDS_POSITION'] })).toEqual({
      nodes: ['Company:海韵公司', 'Project:冠县项目', 'Project:海韵项目'],
      edges: ['e10', 'e4'],
    });
    const weak = show({ hiddenRules: ['develops:same-sentence'] });
    expect(weak.edges).not.toContain('e4');
    expect(weak.edges).toContain('e10');
  });

  it('facts only: no article, no MENTIONS or REPORTED', () => {
    const v = show({ factsOnly: true });
    expect(v.nodes.some((n) => n.startsWith('Article:'))).toBe(false);
    expect(v.edges.sort()).toEqual(['e1', 'e10', 'e2', 'e3', 'e4', 'e5', 'e6']);
  });
});

describe('relationPasses', () => {
  it('applies types, rules and dates to rows from the server as to edges', () => {
    const row = { type: 'DEVELOPS', rule: 'develops:same-sentence', date: '2024-08-02' };
    expect(relationPasses(NO_FILTERS, row)).toBe(true);
    expect(relationPasses({ ...NO_FILTERS, hiddenRules: ['develops:same-sentence'] }, row)).toBe(false);
    expect(relationPasses({ ...NO_FILTERS, to: '2024-08-01' }, row)).toBe(false);
    expect(relationPasses({ ...NO_FILTERS, from: '2024-08-02', to: '2024-08-02' }, row)).toBe(true);
    expect(relationPasses({ ...NO_FILTERS, factsOnly: true }, { ...row, type: 'MENTIONS' })).toBe(false);
  });
});

describe('what the filter bar offers', () => {
  it('lists dates, counties, relation types and rules of the loaded graph', () => {
    expect(graphDates(graph)).toEqual(['2024-08-02', '2024-10-31']);
    expect(graphCounties(graph).map((c) => c.name)).toEqual(
      ['东阿县', '冠县'].sort((a, b) => a.localeCompare(b, 'zh')),
    );
    expect(graphRelationKinds(graph).relations).toEqual([
      'DEVELOPS',
      'HOLDS_POSITION',
      'LOCATED_IN',
      'MENTIONS',
      'REPORTED',
    ]);
    expect(graphRelationKinds(graph).rules).toContain('located:gazetteer');
    expect(edgeDate(graph, 'e1')).toBe('2024-08-02');
    expect(edgeDate(graph, 'e10')).toBeNull();
  });
});
