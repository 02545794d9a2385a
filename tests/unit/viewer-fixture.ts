// A small graph in the server's payload shape, for the viewer's pure modules: two counties, a town, projects placed
// by different rules, a company, an official, two dated articles and an undated relation.
import type { GraphPayload } from '../../src/server/backend.ts';
import { createGraph, mergePayload, type ViewGraph } from '../../viewer/src/graph.ts';

const node = (type: string, name: string, extra: Record<string, unknown> = {}) => ({
  key: `${type}:${name}`,
  attributes: { type, label: name, name, aliases: [], ...extra },
});
const edge = (
  key: string,
  type: string,
  source: string,
  target: string,
  article: string | null,
  rule: string | null,
) => ({
  key,
  source,
  target,
  attributes: { type, ...(article ? { article } : {}), ...(rule ? { rule } : {}) },
});

export const PAYLOAD: GraphPayload = {
  truncated: false,
  nodes: [
    node('County', '东阿县'),
    node('County', '冠县'),
    node('Town', '刘集镇'),
    node('Project', '海韵项目', { investment_yuan: 2_340_000_000 }),
    node('Project', '刘集项目', { investment_yuan: 50_000_000 }),
    node('Project', '冠县项目'),
    node('Company', '海韵公司'),
    node('Person', '张三'),
    node('Agency', '东阿县人民政府'),
    {
      key: 'Article:a#1',
      attributes: { type: 'Article', label: '八月的新闻', name: 'a#1', aliases: [], date: '2024-08-02' },
    },
    {
      key: 'Article:a#2',
      attributes: { type: 'Article', label: '十月的新闻', name: 'a#2', aliases: [], date: '2024-10-31' },
    },
  ],
  edges: [
    edge('e1', 'LOCATED_IN', 'Project:海韵项目', 'County:东阿县', 'a#1', 'located:place-in-name'),
    edge('e2', 'LOCATED_IN', 'Town:刘集镇', 'County:东阿县', 'a#2', 'located:gazetteer'),
    edge('e3', 'LOCATED_IN', 'Project:刘集项目', 'Town:刘集镇', 'a#2', 'located:place-in-name'),
    edge('e4', 'DEVELOPS', 'Company:海韵公司', 'Project:海韵项目', 'a#1', 'develops:same-sentence'),
    edge('e5', 'HOLDS_POSITION', 'Person:张三', 'Agency:东阿县人民政府', 'a#2', 'position:title-chain'),
    edge('e6', 'LOCATED_IN', 'Project:冠县项目', 'County:冠县', 'a#2', 'located:article-county'),
    edge('e7', 'MENTIONS', 'Article:a#1', 'Project:海韵项目', 'a#1', 'mentions'),
    edge('e8', 'MENTIONS', 'Article:a#2', 'Project:冠县项目', 'a#2', 'mentions'),
    edge('e9', 'REPORTED', 'Person:张三', 'Article:a#2', 'a#2', 'byline'),
    // Read from an article that is not loaded: it has no date.
    edge('e10', 'DEVELOPS', 'Company:海韵公司', 'Project:冠县项目', 'a#9', 'develops:owner-in-name'),
  ],
};

export function fixtureGraph(): ViewGraph {
  const graph = createGraph();
  mergePayload(graph, PAYLOAD);
  return graph;
}
