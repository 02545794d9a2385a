// Records → one graphology graph. This graph is what graph.json serializes, what the viewer opens without Neo4j,
// and what the file exports (GEXF, GraphML, CSV) are written from.
import graphology from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import {
  ARTICLE_LABEL,
  articleNodeId,
  type Article,
  type Entity,
  type NodeLabel,
  pageProps,
  type ProvenanceKey,
  type Relation,
  type RelationType,
} from '../schema.ts';

const { MultiDirectedGraph } = graphology;
export type KgGraph = InstanceType<typeof MultiDirectedGraph>;

/** Node attributes: `type` is the Neo4j label (`Article` for articles), `label` what the viewer prints. */
export interface NodeAttributes {
  type: NodeLabel;
  label: string;
  name: string;
  aliases: string[];
  articles: string[];
  [prop: string]: unknown;
}

/** Edge attributes: the relationship type, its provenance and its properties, flattened. */
export type EdgeAttributes = { type: RelationType; [prop: string]: unknown } & Pick<Relation, ProvenanceKey>;

export function articleNode(article: Article): NodeAttributes {
  return {
    type: ARTICLE_LABEL,
    label: article.title ?? article.body.slice(0, 16),
    name: article.id,
    aliases: [],
    articles: [article.id],
    title: article.title,
    kicker: article.kicker,
    subtitle: article.subtitle,
    date: article.date,
    file: article.file,
  };
}

export function entityNode(entity: Entity): NodeAttributes {
  const { type, name, aliases, articles } = entity;
  return { ...entity.props, type, label: name, name, aliases, articles };
}

/** A stable edge key, so that the same relation from the same article is one edge however often it is added. */
export function edgeKey(r: Relation): string {
  return `${r.type}|${r.from}|${r.to}|${r.article}|${r.start}`;
}

export function buildGraph(
  articles: Iterable<Article>,
  entities: Iterable<Entity>,
  relations: Iterable<Relation>,
): KgGraph {
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  for (const a of articles) graph.mergeNode(articleNodeId(a.id), articleNode(a));
  for (const e of entities) graph.mergeNode(e.id, entityNode(e));
  for (const r of relations) {
    if (!graph.hasNode(r.from) || !graph.hasNode(r.to)) {
      throw new Error(
        `relation ${r.type} ${r.from} → ${r.to} (article ${r.article}) names a node that is not in the graph`,
      );
    }
    const key = edgeKey(r);
    if (graph.hasEdge(key)) continue;
    graph.addDirectedEdgeWithKey(key, r.from, r.to, {
      ...r.props,
      type: r.type,
      article: r.article,
      evidence: r.evidence,
      start: r.start,
      end: r.end,
      rule: r.rule,
      ...pageProps(r.page),
    });
  }
  return graph;
}

export function exportGraph(graph: KgGraph): SerializedGraph<NodeAttributes, EdgeAttributes> {
  return graph.export() as SerializedGraph<NodeAttributes, EdgeAttributes>;
}

export function importGraph(data: SerializedGraph<NodeAttributes, EdgeAttributes>): KgGraph {
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  graph.import(data);
  return graph;
}
