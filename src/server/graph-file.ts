// The API over graph.json (what `kg extract` writes), held in memory as a graphology graph.
import { articleNodeId } from '../names.ts';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { importGraph, type KgGraph } from '../graph/build.ts';
import { RECORD_FILES, readRecordLines } from '../ingest/records.ts';
import { Article } from '../schema.ts';
import {
  articleDetails,
  articleRef,
  compareRelations,
  MAX_PAYLOAD_EDGES,
  rankHits,
  relationView,
  summary,
  viewEdge,
  viewNode,
  type ArticleDetails,
  type BackendOptions,
  type GraphBackend,
  type GraphPayload,
  type GraphStats,
  type NodeDetails,
  type SearchHit,
} from './backend.ts';

export async function openGraphFile(graphDir: string, options: BackendOptions = {}): Promise<GraphBackend> {
  const file = join(graphDir, 'graph.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : (err as Error).message;
    throw new Error(`${file}: ${why} (write it with \`kg extract <pages> --out ${graphDir}\`, or set NEO4J_URI)`);
  }
  let graph: KgGraph;
  try {
    const data = JSON.parse(text) as unknown;
    if (!data || typeof data !== 'object' || !Array.isArray((data as { nodes?: unknown }).nodes)) {
      throw new Error('expected a graphology export with a "nodes" array');
    }
    graph = importGraph(data as Parameters<typeof importGraph>[0]);
  } catch (err) {
    throw new Error(`${file}: not a graph export: ${(err as Error).message}`);
  }
  return graphBackend(graph, file, { ...options, bodies: await readBodies(join(graphDir, RECORD_FILES.articles)) });
}

/** Article bodies by id from the articles.jsonl beside graph.json (which leaves them out); none without the file. */
async function readBodies(file: string): Promise<Map<string, string>> {
  const bodies = new Map<string, string>();
  if (!existsSync(file)) return bodies;
  for await (const { value } of readRecordLines(file, Article)) bodies.set(value.id, value.body);
  return bodies;
}

/** The backend over a graph in memory; `source` names where it came from, `bodies` holds its articles' bodies. */
export function graphBackend(
  graph: KgGraph,
  source: string,
  options: BackendOptions & { bodies?: ReadonlyMap<string, string> } = {},
): GraphBackend {
  const maxEdges = options.maxEdges ?? MAX_PAYLOAD_EDGES;
  const attrs = (id: string) => graph.getNodeAttributes(id) as Record<string, unknown>;
  // Nodes by degree, computed once: the first view and neighbour limits keep the best-connected nodes.
  const byDegree = graph.nodes().sort((a, b) => graph.degree(b) - graph.degree(a) || (a < b ? -1 : 1));
  // Edge keys in graph.json repeat type, both ends and article; the drawn graph gets short stable ones (a fifth of
  // the bytes of a large first view).
  const shortKey = new Map(graph.edges().map((key, i) => [key, `e${i}`]));
  let overview: { limit: number; payload: GraphPayload } | null = null;

  function payload(ids: Iterable<string>, truncated: boolean): GraphPayload {
    const keep = new Set(ids);
    const nodes = [...keep].map((id) => viewNode(id, attrs(id)));
    const edges: GraphPayload['edges'] = [];
    let more = false;
    for (const id of keep) {
      more = graph.someOutEdge(id, (edge, a, _s, target) => {
        if (!keep.has(target)) return false;
        if (edges.length === maxEdges) return true;
        edges.push(viewEdge(shortKey.get(edge)!, id, target, a as Record<string, unknown>));
        return false;
      });
      if (more) break;
    }
    return { nodes, edges, truncated: truncated || more };
  }

  return {
    async stats(): Promise<GraphStats> {
      const nodeTypes: Record<string, number> = {};
      const edgeTypes: Record<string, number> = {};
      graph.forEachNode((_id, a) => void (nodeTypes[a.type] = (nodeTypes[a.type] ?? 0) + 1));
      graph.forEachEdge((_id, a) => void (edgeTypes[a.type] = (edgeTypes[a.type] ?? 0) + 1));
      return { nodes: graph.order, edges: graph.size, nodeTypes, edgeTypes, source };
    },

    async search(query, { limit, types }): Promise<SearchHit[]> {
      const wanted = types?.length ? new Set(types) : null;
      const candidates: Array<SearchHit> = [];
      graph.forEachNode((id, a) => {
        if (wanted && !wanted.has(a.type)) return;
        candidates.push({ ...summary(id, a), matched: '', degree: graph.degree(id) });
      });
      return rankHits(query, candidates, limit);
    },

    async node(id, { relationLimit }): Promise<NodeDetails | null> {
      if (!graph.hasNode(id)) return null;
      const articleOf = (articleId: unknown) => {
        if (typeof articleId !== 'string' || !articleId) return null;
        const key = articleNodeId(articleId);
        return articleRef(articleId, graph.hasNode(key) ? attrs(key) : null);
      };
      const relations = [
        ...graph.mapOutEdges(id, (edge, a, _s, target) =>
          relationView(edge, a as Record<string, unknown>, 'out', summary(target, attrs(target)), articleOf(a.article)),
        ),
        ...graph.mapInEdges(id, (edge, a, source) =>
          relationView(edge, a as Record<string, unknown>, 'in', summary(source, attrs(source)), articleOf(a.article)),
        ),
      ].sort(compareRelations);
      return {
        ...summary(id, attrs(id)),
        attributes: { ...attrs(id) },
        degree: graph.degree(id),
        relations: relations.slice(0, relationLimit),
        relationCount: relations.length,
      };
    },

    async neighbors(id, { limit }): Promise<GraphPayload | null> {
      if (!graph.hasNode(id)) return null;
      const all = graph.neighbors(id).sort((a, b) => graph.degree(b) - graph.degree(a) || (a < b ? -1 : 1));
      return payload([id, ...all.slice(0, limit)], all.length > limit);
    },

    async subgraph({ ids, limit }): Promise<GraphPayload> {
      if (ids) return payload(ids.filter((id) => graph.hasNode(id)).slice(0, limit), false);
      // The graph never changes, so the first view is computed once per limit (every page load asks for it).
      if (overview?.limit !== limit)
        overview = { limit, payload: payload(byDegree.slice(0, limit), graph.order > limit) };
      return overview.payload;
    },

    async article(id): Promise<ArticleDetails | null> {
      const key = articleNodeId(id);
      if (!graph.hasNode(key)) return null;
      return articleDetails(id, { ...attrs(key), body: options.bodies?.get(id) ?? null });
    },

    async close(): Promise<void> {},
  };
}
