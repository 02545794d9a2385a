// The graph the viewer holds: server payloads merged into one graphology graph, with positions and sizes.
import graphology from 'graphology';
import { forceAtlas2 } from './fa2.ts';
import type { GraphPayload } from './api.ts';
import { NODE_LABELS } from '../../src/names.ts';
import { EDGE_COLOR, nodeSize, typeStyle } from './style.ts';

const { MultiDirectedGraph } = graphology;

export interface NodeAttrs {
  type: string;
  label: string;
  name: string;
  aliases: string[];
  x: number;
  y: number;
  size: number;
  color: string;
  [prop: string]: unknown;
}

export interface EdgeAttrs {
  type: string;
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
    const { x, y } = seedPosition(key, attributes.type, anchor);
    graph.addNode(key, { ...attributes, x, y, size: 4, color: typeStyle(attributes.type).color });
    added.push(key);
  }
  for (const { key, source, target, attributes } of payload.edges) {
    if (graph.hasEdge(key) || !graph.hasNode(source) || !graph.hasNode(target)) continue;
    graph.addDirectedEdgeWithKey(key, source, target, { ...attributes, color: EDGE_COLOR, size: 1 });
  }
  applySizes(graph);
  return added;
}

export function applySizes(graph: ViewGraph): void {
  graph.forEachNode((node) => graph.setNodeAttribute(node, 'size', nodeSize(graph.degree(node))));
}

/** Largest graph laid out before the first frame; bigger ones show their seed positions and use the worker. */
export const SYNC_LAYOUT_MAX_NODES = 2000;

/**
 * A fixed number of ForceAtlas2 iterations from the seeded positions: the same picture on every load, which is what
 * lets a camera position in the URL point at the same place. The worker (layout.ts) refines on demand.
 */
export function initialLayout(graph: ViewGraph): void {
  if (graph.order === 0 || graph.order > SYNC_LAYOUT_MAX_NODES) return;
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 };
  forceAtlas2.assign(graph, { iterations: 150, settings });
}

/** The texts that name a node (name, label, aliases): what to highlight in an evidence sentence. */
export function namesOf(attrs: { name: string; label: string; aliases: string[] }): string[] {
  return [attrs.name, attrs.label, ...attrs.aliases];
}
