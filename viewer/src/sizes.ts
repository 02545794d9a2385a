// Node sizes from a centrality of the visible graph: its degree (relations shown) or its PageRank.
import { pagerank } from './cjs.ts';
import type { ViewGraph } from './graph.ts';
import type { SizeMetric } from './view-state.ts';

const MIN = 3;
const MAX = 28;

/** Grows with the square root of the score so that hubs stand out without swallowing the picture. */
const scaled = (score: number, max: number) => (max > 0 ? MIN + (MAX - MIN) * Math.sqrt(score / max) : MIN);

/** Degree counts the relations (1.8 px per √relation, as before the PageRank option); PageRank scales to the top. */
export function nodeSizes(graph: ViewGraph, metric: SizeMetric): Map<string, number> {
  const sizes = new Map<string, number>();
  if (metric === 'degree') {
    graph.forEachNode((n) => void sizes.set(n, Math.min(MIN + 1.8 * Math.sqrt(graph.degree(n)), MAX)));
    return sizes;
  }
  const ranks = graph.size ? pagerank(graph, { getEdgeWeight: null }) : {};
  const max = Math.max(0, ...Object.values(ranks));
  graph.forEachNode((n) => void sizes.set(n, scaled(ranks[n] ?? 0, max)));
  return sizes;
}
