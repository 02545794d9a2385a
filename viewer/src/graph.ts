// The graph the viewer holds: server payloads merged into one graphology graph, with positions and sizes.
import graphology from 'graphology';
import { forceAtlas2, noverlap } from './cjs.ts';
import type { GraphPayload } from './api.ts';
import { NODE_LABELS } from '../../src/names.ts';
import { EDGE_COLOR, typeStyle } from './style.ts';

const { MultiDirectedGraph } = graphology;

/**
 * A drawn node. Sigma reads `type` as the name of its node program, so the entity's label lives in `entityType` and
 * `type` is always 'circle'.
 */
export interface NodeAttrs {
  type: 'circle';
  entityType: string;
  label: string;
  name: string;
  aliases: string[];
  x: number;
  y: number;
  size: number;
  color: string;
  [prop: string]: unknown;
}

/** A drawn edge: its relation type in `relation` (sigma's `type` is the edge program, set when drawing). */
export interface EdgeAttrs {
  relation: string;
  /** The id of the article it was read from and the rule that made it, when the data has them. */
  article: string | null;
  rule: string | null;
  color: string;
  size: number;
  [prop: string]: unknown;
}

export type ViewGraph = InstanceType<typeof MultiDirectedGraph<NodeAttrs, EdgeAttrs>>;

export const createGraph = (): ViewGraph => new MultiDirectedGraph<NodeAttrs, EdgeAttrs>();

/** A number in [0, 1) from a string, so that positions are the same on every load (a link must reproduce a view). */
export function hash01(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967296;
}

/** Where a new node starts: around `anchor` when it was expanded from one, else in its type's sector of a disc. */
export function seedPosition(id: string, type: string, anchor?: { x: number; y: number }): { x: number; y: number } {
  const a = hash01(id) * 2 * Math.PI;
  const r = Math.sqrt(hash01(`${id}#r`));
  if (anchor) return { x: anchor.x + 10 * r * Math.cos(a), y: anchor.y + 10 * r * Math.sin(a) };
  const sector = Math.max((NODE_LABELS as readonly string[]).indexOf(type), 0) / NODE_LABELS.length;
  const ca = sector * 2 * Math.PI;
  return { x: 100 * Math.cos(ca) + 60 * r * Math.cos(a), y: 100 * Math.sin(ca) + 60 * r * Math.sin(a) };
}

/** Adds what the graph lacks from a payload; returns the keys of the nodes that were new. */
export function mergePayload(graph: ViewGraph, payload: GraphPayload, anchorId?: string): string[] {
  const anchor = anchorId && graph.hasNode(anchorId) ? graph.getNodeAttributes(anchorId) : undefined;
  const added: string[] = [];
  for (const { key, attributes } of payload.nodes) {
    if (graph.hasNode(key)) continue;
    const { type: entityType, ...rest } = attributes;
    const { x, y } = seedPosition(key, entityType, anchor);
    graph.addNode(key, { ...rest, entityType, type: 'circle', x, y, size: 4, color: typeStyle(entityType).color });
    added.push(key);
  }
  for (const { key, source, target, attributes } of payload.edges) {
    if (graph.hasEdge(key) || !graph.hasNode(source) || !graph.hasNode(target)) continue;
    const { type: relation, article, rule, ...props } = attributes;
    graph.addDirectedEdgeWithKey(key, source, target, {
      ...props,
      relation,
      article: typeof article === 'string' ? article : null,
      rule: typeof rule === 'string' ? rule : null,
      color: EDGE_COLOR,
      size: 1,
    });
  }
  return added;
}

/** Largest graph laid out before the first frame; bigger ones show their seed positions and use the worker. */
export const SYNC_LAYOUT_MAX_NODES = 2000;

/**
 * Positions from a fixed number of ForceAtlas2 iterations from the seeded ones, then noverlap so that nodes do not
 * sit on each other: the same picture on every load, which is what lets a camera position in the URL point at the
 * same place. Returns null above SYNC_LAYOUT_MAX_NODES (the worker in layout.ts refines big graphs on demand).
 */
export function layoutPositions(graph: ViewGraph): Record<string, { x: number; y: number }> | null {
  if (graph.order === 0 || graph.order > SYNC_LAYOUT_MAX_NODES) return null;
  const work = graph.copy();
  // From the seeded positions, not the current ones: the picture is a function of the graph alone.
  work.updateEachNodeAttributes((n, a) => ({ ...a, ...seedPosition(n, a.entityType) }));
  const settings = { ...forceAtlas2.inferSettings(work), barnesHutOptimize: work.order > 500 };
  forceAtlas2.assign(work, { iterations: 150, settings });
  // ForceAtlas2 spreads a graph over a few hundred units; a unit-wide node plus noverlap's margin (5) keeps nodes about
  // 12 units (~2% of the picture) apart. On the seeds graph: 44 pairs closer than that after ForceAtlas2, 0 after.
  noverlap.assign(work, { maxIterations: 60, inputReducer: (_k, a) => ({ x: a.x, y: a.y, size: NOVERLAP_SIZE }) });
  const out: Record<string, { x: number; y: number }> = {};
  work.forEachNode((n, a) => void (out[n] = { x: a.x, y: a.y }));
  return out;
}

const NOVERLAP_SIZE = 1;

/** Moves the nodes of `graph` to the given positions (those it has). */
export function applyPositions(graph: ViewGraph, positions: Record<string, { x: number; y: number }>): void {
  for (const [n, p] of Object.entries(positions)) if (graph.hasNode(n)) graph.mergeNodeAttributes(n, p);
}

/** Pairs of nodes closer than `distance`: what noverlap is for (a measure, used by its test and the bench). */
export function overlappingPairs(graph: ViewGraph, distance: number): number {
  const pts = graph.mapNodes((_n, a) => [a.x, a.y] as const).sort((a, b) => a[0] - b[0]);
  let pairs = 0;
  for (let i = 0; i < pts.length; i++) {
    for (let j = i + 1; j < pts.length && pts[j]![0] - pts[i]![0] < distance; j++) {
      if (Math.hypot(pts[j]![0] - pts[i]![0], pts[j]![1] - pts[i]![1]) < distance) pairs++;
    }
  }
  return pairs;
}

/** The texts that name a node (name, label, aliases): what to highlight in an evidence sentence. */
export function namesOf(attrs: { name: string; label: string; aliases: string[] }): string[] {
  return [attrs.name, attrs.label, ...attrs.aliases];
}

/** The part of the graph given by node and edge keys, as a graph of its own (for layouts, metrics and exports). */
export function subgraph(graph: ViewGraph, nodes: Iterable<string>, edges: Iterable<string>): ViewGraph {
  const out = createGraph();
  for (const n of nodes) if (graph.hasNode(n)) out.addNode(n, { ...graph.getNodeAttributes(n) });
  for (const e of edges) {
    const [s, t] = graph.extremities(e);
    if (out.hasNode(s) && out.hasNode(t)) out.addDirectedEdgeWithKey(e, s, t, { ...graph.getEdgeAttributes(e) });
  }
  return out;
}
