// The selected and the hovered node, and what sigma draws for each node and edge given them and the visible parts.
// Pure: the reducers in main.ts only pass their arguments through.
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { Visible } from './filters.ts';
import type { EdgeAttrs, NodeAttrs, ViewGraph } from './graph.ts';
import { DIMMED_COLOR, HIGHLIGHT_EDGE_COLOR } from './style.ts';

export interface Focus {
  selected: string | null;
  hovered: string | null;
  /** The hovered node's neighbours, which stay in colour. */
  hoveredNeighbors: ReadonlySet<string>;
  /** Nodes shown together (a question's answer): they stay in colour with their labels, the rest is dimmed. */
  spotlight: ReadonlySet<string>;
}

export const NO_FOCUS: Focus = { selected: null, hovered: null, hoveredNeighbors: new Set(), spotlight: new Set() };

export const select = (focus: Focus, id: string): Focus => ({ ...focus, selected: id });
export const deselect = (focus: Focus): Focus => ({ ...focus, selected: null });
export const hover = (focus: Focus, graph: ViewGraph, id: string): Focus => ({
  ...focus,
  hovered: id,
  hoveredNeighbors: new Set(graph.neighbors(id)),
});
export const unhover = (focus: Focus): Focus => ({ ...focus, hovered: null, hoveredNeighbors: new Set() });
export const spotlight = (focus: Focus, ids: Iterable<string>): Focus => ({ ...focus, spotlight: new Set(ids) });
export const unspotlight = (focus: Focus): Focus => ({ ...focus, spotlight: new Set() });

/**
 * The nodes a table or a GEXF export is about: the selected node and its visible neighbours, or without a selection
 * everything visible.
 */
export function scopeNodes(graph: ViewGraph, focus: Focus, visible: Visible): string[] {
  if (!focus.selected || !visible.nodes.has(focus.selected)) return [...visible.nodes];
  const around = graph.neighbors(focus.selected).filter((n) => visible.nodes.has(n));
  return [focus.selected, ...around];
}

export function nodeDisplay(
  node: string,
  data: NodeAttrs,
  visible: Visible,
  focus: Focus,
  size: number,
): Partial<NodeDisplayData> {
  const out: Partial<NodeDisplayData> = { ...data, size };
  if (!visible.nodes.has(node)) return { ...out, hidden: true };
  if (focus.hovered) {
    if (node === focus.hovered || focus.hoveredNeighbors.has(node)) Object.assign(out, { forceLabel: true, zIndex: 2 });
    else Object.assign(out, { color: DIMMED_COLOR, label: '', zIndex: 0 });
  } else if (focus.spotlight.size) {
    if (focus.spotlight.has(node)) Object.assign(out, { forceLabel: true, zIndex: 2 });
    else Object.assign(out, { color: DIMMED_COLOR, label: '', zIndex: 0 });
  }
  if (node === focus.selected) Object.assign(out, { highlighted: true, forceLabel: true, zIndex: 3 });
  return out;
}

export function edgeDisplay(
  edge: string,
  data: EdgeAttrs,
  ends: readonly [string, string],
  visible: Visible,
  focus: Focus,
  program: string,
): Partial<EdgeDisplayData> {
  const out: Partial<EdgeDisplayData> = { ...data, type: program };
  if (!visible.edges.has(edge)) return { ...out, hidden: true };
  const center = focus.hovered ?? focus.selected;
  if (!center) return out;
  if (ends[0] === center || ends[1] === center) return { ...out, color: HIGHLIGHT_EDGE_COLOR, size: 2, zIndex: 1 };
  return focus.hovered ? { ...out, hidden: true } : out;
}
