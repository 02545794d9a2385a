// The viewer's graph domain: entity labels kept apart from sigma's program, focus and drawing, sizes, layout, rules.
import { describe, expect, it } from 'vitest';
import { RELATION_RULES } from '../../src/names.ts';
import { NO_FILTERS, visibleParts } from '../../viewer/src/filters.ts';
import { applyPositions, layoutPositions, overlappingPairs, subgraph } from '../../viewer/src/graph.ts';
import {
  edgeDisplay,
  hover,
  NO_FOCUS,
  nodeDisplay,
  scopeNodes,
  select,
  spotlight,
  unhover,
  unspotlight,
} from '../../viewer/src/selection.ts';
import { nodeSizes } from '../../viewer/src/sizes.ts';
import { DIMMED_COLOR, HIGHLIGHT_EDGE_COLOR, RULE_ZH, ruleZh } from '../../viewer/src/style.ts';
import { fixtureGraph } from './viewer-fixture.ts';

describe('the loaded graph', () => {
  it('keeps the entity label in entityType and gives sigma its node program in type', () => {
    const g = fixtureGraph();
    expect(g.getNodeAttributes('Project:海韵项目')).toMatchObject({ entityType: 'Project', type: 'circle' });
    expect(g.getEdgeAttributes('e1')).toMatchObject({
      relation: 'LOCATED_IN',
      article: 'a#1',
      rule: 'located:place-in-name',
    });
  });
});

describe('focus and drawing', () => {
  const g = fixtureGraph();
  const all = visibleParts(g, NO_FILTERS);

  it('dims what is not next to the hovered node and highlights the selected one', () => {
    let focus = hover(NO_FOCUS, g, 'County:东阿县');
    const near = nodeDisplay('Project:海韵项目', g.getNodeAttributes('Project:海韵项目'), all, focus, 5);
    const far = nodeDisplay('Person:张三', g.getNodeAttributes('Person:张三'), all, focus, 5);
    expect(near).toMatchObject({ forceLabel: true, size: 5 });
    expect(far).toMatchObject({ color: DIMMED_COLOR, label: '' });
    expect(edgeDisplay('e1', g.getEdgeAttributes('e1'), g.extremities('e1'), all, focus, 'arrow')).toMatchObject({
      color: HIGHLIGHT_EDGE_COLOR,
      type: 'arrow',
    });
    expect(edgeDisplay('e5', g.getEdgeAttributes('e5'), g.extremities('e5'), all, focus, 'arrow').hidden).toBe(true);
    focus = select(unhover(focus), 'Person:张三');
    expect(nodeDisplay('Person:张三', g.getNodeAttributes('Person:张三'), all, focus, 5)).toMatchObject({
      highlighted: true,
    });
  });

  it('keeps a question answer in colour with labels and dims the rest, until hovering or unspotlighting', () => {
    const shown = (focus: typeof NO_FOCUS, id: string) => nodeDisplay(id, g.getNodeAttributes(id), all, focus, 5);
    const focus = spotlight(NO_FOCUS, ['Person:张三']);
    expect(shown(focus, 'Person:张三')).toMatchObject({ forceLabel: true, zIndex: 2 });
    expect(shown(focus, 'County:东阿县')).toMatchObject({ color: DIMMED_COLOR, label: '' });
    // Hovering shows the hovered node's neighbourhood instead, as without a spotlight.
    expect(shown(hover(focus, g, 'County:东阿县'), 'County:东阿县')).toMatchObject({ forceLabel: true });
    expect(shown(unspotlight(focus), 'County:东阿县').color).not.toBe(DIMMED_COLOR);
  });

  it('hides what the filters leave out', () => {
    const facts = visibleParts(g, { ...NO_FILTERS, factsOnly: true });
    expect(nodeDisplay('Article:a#1', g.getNodeAttributes('Article:a#1'), facts, NO_FOCUS, 5).hidden).toBe(true);
    expect(edgeDisplay('e7', g.getEdgeAttributes('e7'), g.extremities('e7'), facts, NO_FOCUS, 'line').hidden).toBe(
      true,
    );
  });

  it('scopes tables and exports to the selection and its visible neighbours, else to all that is visible', () => {
    expect(scopeNodes(g, select(NO_FOCUS, 'County:冠县'), all).sort()).toEqual(['County:冠县', 'Project:冠县项目']);
    expect(scopeNodes(g, NO_FOCUS, all)).toHaveLength(g.order);
  });
});

describe('sizes', () => {
  it('grow with degree, or with PageRank (what points at a node)', () => {
    const g = fixtureGraph();
    const degree = nodeSizes(g, 'degree');
    expect(degree.get('Project:海韵项目')!).toBeGreaterThan(degree.get('Town:刘集镇')!);
    const rank = nodeSizes(g, 'pagerank');
    // 东阿县 is pointed at by a project and a town (which a project points at); 海韵公司 points out only.
    expect(rank.get('County:东阿县')!).toBeGreaterThan(rank.get('Company:海韵公司')!);
    expect(Math.max(...rank.values())).toBeCloseTo(28);
  });
});

describe('layout', () => {
  it('is the same for the same graph whatever the positions it starts from, and separates crowded nodes', () => {
    const g = fixtureGraph();
    const first = layoutPositions(g)!;
    g.updateEachNodeAttributes((_n, a) => ({ ...a, x: 0, y: 0 }));
    expect(overlappingPairs(g, 1)).toBe((g.order * (g.order - 1)) / 2);
    expect(layoutPositions(g)).toEqual(first);
    applyPositions(g, first);
    expect(overlappingPairs(g, 1)).toBe(0);
  });

  it('lays out a part (the fact graph) on its own', () => {
    const g = fixtureGraph();
    const facts = visibleParts(g, { ...NO_FILTERS, factsOnly: true });
    const positions = layoutPositions(subgraph(g, facts.nodes, facts.edges))!;
    expect(Object.keys(positions).sort()).toEqual([...facts.nodes].sort());
  });
});

describe('rules in words', () => {
  it('has words for every rule of src/names.ts, and shows an unknown rule as itself', () => {
    for (const rule of Object.values(RELATION_RULES).flat()) expect(ruleZh(rule)).toBe(RULE_ZH[rule]);
    expect(new Set(Object.values(RULE_ZH)).size).toBe(Object.keys(RULE_ZH).length);
    expect(ruleZh('develops:owner-in-name')).toBe('项目名中的企业');
    expect(ruleZh('synthetic')).toBe('synthetic');
    expect(ruleZh(null)).toBe('（无规则）');
  });
});
