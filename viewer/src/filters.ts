// Which part of the loaded graph is shown. The filters are plain data (kept in the URL by view-state.ts); the visible
// nodes and edges are a pure function of the graph and the filters.
import { ARTICLE_LABEL, articleNodeId } from '../../src/names.ts';
import type { ViewGraph } from './graph.ts';

export interface Filters {
  /** Entity labels not shown (the legend's toggles). */
  hiddenTypes: string[];
  /** Relation types not shown. */
  hiddenRelations: string[];
  /** Rule ids whose relations are not shown. */
  hiddenRules: string[];
  /** A County node id: only what lies in that county (see countyRegion). */
  county: string | null;
  /** Dates as the articles print them (YYYY-MM-DD), both ends included; a relation's date is its article's. */
  from: string | null;
  to: string | null;
  /** The fact graph: no Article nodes, no MENTIONS / REPORTED edges. */
  factsOnly: boolean;
}

export const NO_FILTERS: Filters = {
  hiddenTypes: [],
  hiddenRelations: [],
  hiddenRules: [],
  county: null,
  from: null,
  to: null,
  factsOnly: false,
};

/** The relations between an article and what it names or who wrote it, rather than facts read from the text. */
export const ARTICLE_RELATIONS: ReadonlySet<string> = new Set(['MENTIONS', 'REPORTED']);
/** The relations through which a thing placed in a county brings its owner, official or funder along. */
const FACT_RELATIONS: ReadonlySet<string> = new Set(['DEVELOPS', 'HOLDS_POSITION', 'FUNDS']);

/** What a relation is filtered by; the graph's edges and the table's rows (from the server) both give it. */
export interface RelationFacts {
  type: string;
  rule: string | null;
  date: string | null;
}

const dated = (f: Filters) => Boolean(f.from || f.to);
const inRange = (f: Filters, date: string | null) =>
  date !== null && (!f.from || date >= f.from) && (!f.to || date <= f.to);

/** Whether the filters let a relation through, its ends aside. An undated relation is hidden by any date range. */
export function relationPasses(f: Filters, r: RelationFacts): boolean {
  if (f.hiddenRelations.includes(r.type)) return false;
  if (f.factsOnly && ARTICLE_RELATIONS.has(r.type)) return false;
  if (r.rule && f.hiddenRules.includes(r.rule)) return false;
  return !dated(f) || inRange(f, r.date);
}

/** The date of the article an edge was read from, when that article is in the loaded graph. */
export function edgeDate(graph: ViewGraph, edge: string): string | null {
  const article = graph.getEdgeAttribute(edge, 'article');
  if (!article) return null;
  const key = articleNodeId(article);
  if (!graph.hasNode(key)) return null;
  const date = graph.getNodeAttribute(key, 'date');
  return typeof date === 'string' && date ? date : null;
}

/** The articles' dates in the loaded graph, oldest first: the steps of the date slider. */
export function graphDates(graph: ViewGraph): string[] {
  const dates = new Set<string>();
  graph.forEachNode((_n, a) => {
    if (a.entityType === ARTICLE_LABEL && typeof a.date === 'string' && a.date) dates.add(a.date);
  });
  return [...dates].sort();
}

/** The County nodes of the loaded graph, by name. */
export function graphCounties(graph: ViewGraph): Array<{ id: string; name: string }> {
  return graph
    .filterNodes((_n, a) => a.entityType === 'County')
    .map((id) => ({ id, name: graph.getNodeAttribute(id, 'name') }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

/**
 * What lies in a county: the county, everything LOCATED_IN it (through towns too), the companies, officials and
 * funders one fact relation away from those, and the articles that name any of them.
 */
export function countyRegion(graph: ViewGraph, county: string): Set<string> {
  const placed = new Set([county]);
  const queue = [county];
  while (queue.length) {
    const place = queue.pop()!;
    graph.forEachInEdge(place, (_e, a, source) => {
      if (a.relation === 'LOCATED_IN' && !placed.has(source)) {
        placed.add(source);
        queue.push(source);
      }
    });
  }
  const region = new Set(placed);
  for (const node of placed) {
    graph.forEachEdge(node, (_e, a, source, target) => {
      const other = source === node ? target : source;
      if (FACT_RELATIONS.has(a.relation)) region.add(other);
      else if (ARTICLE_RELATIONS.has(a.relation) && graph.getNodeAttribute(other, 'entityType') === ARTICLE_LABEL) {
        region.add(other);
      }
    });
  }
  return region;
}

export interface Visible {
  nodes: Set<string>;
  edges: Set<string>;
}

/**
 * The nodes and edges the filters leave. Where relations are filtered (dates, types, rules, facts only), a node stays
 * only with a relation left, so that the picture shows what the chosen relations connect; an article stays by its
 * own date.
 */
export function visibleParts(graph: ViewGraph, f: Filters): Visible {
  const hiddenTypes = new Set(f.hiddenTypes);
  if (f.factsOnly) hiddenTypes.add(ARTICLE_LABEL);
  const region = f.county && graph.hasNode(f.county) ? countyRegion(graph, f.county) : null;
  const nodeOk = (node: string, entityType: string) => !hiddenTypes.has(entityType) && (!region || region.has(node));
  const relationsFiltered = dated(f) || f.factsOnly || f.hiddenRelations.length > 0 || f.hiddenRules.length > 0;

  const edges = new Set<string>();
  const linked = new Set<string>();
  graph.forEachEdge((edge, a, source, target, sa, ta) => {
    if (!nodeOk(source, sa.entityType) || !nodeOk(target, ta.entityType)) return;
    if (!relationPasses(f, { type: a.relation, rule: a.rule, date: dated(f) ? edgeDate(graph, edge) : null })) return;
    edges.add(edge);
    linked.add(source);
    linked.add(target);
  });
  const nodes = new Set<string>();
  graph.forEachNode((node, a) => {
    if (!nodeOk(node, a.entityType)) return;
    const articleInRange = a.entityType === ARTICLE_LABEL && dated(f) && inRange(f, (a.date as string) ?? null);
    if (!relationsFiltered || linked.has(node) || articleInRange) nodes.add(node);
  });
  return { nodes, edges };
}

/** The rules and relation types present in the loaded graph: what the filter bar offers. */
export function graphRelationKinds(graph: ViewGraph): { relations: string[]; rules: string[] } {
  const relations = new Set<string>();
  const rules = new Set<string>();
  graph.forEachEdge((_e, a) => {
    relations.add(a.relation);
    if (a.rule) rules.add(a.rule);
  });
  return { relations: [...relations].sort(), rules: [...rules].sort() };
}
