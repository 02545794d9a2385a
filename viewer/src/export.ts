// Exports: a PNG of the drawing (@sigma/export-image), GEXF (opens in Gephi) of a part of the graph, CSV of a table.
import { downloadAsPNG } from '@sigma/export-image';
import { write } from 'graphology-gexf/browser/index.js';
import type Sigma from 'sigma';
import { download } from './dom.ts';
import type { EdgeAttrs, NodeAttrs, ViewGraph } from './graph.ts';
import { toCsv, type Table } from './table.ts';

/** The picture as drawn now (filters, focus and camera included), on white. */
export function exportPng(renderer: Sigma<NodeAttrs, EdgeAttrs>, fileName = 'kg-graph'): Promise<void> {
  return downloadAsPNG(renderer as unknown as Sigma, { fileName, backgroundColor: '#ffffff' });
}

/** Drawing state and sigma's program name stay out of GEXF; lists become 、-joined text. */
const NOT_EXPORTED = new Set(['x', 'y', 'size', 'color', 'label', 'type']);

function gexfAttributes(attrs: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (NOT_EXPORTED.has(k) || v === null || v === undefined) continue;
    out[k] = Array.isArray(v)
      ? v.join('、')
      : typeof v === 'object'
        ? JSON.stringify(v)
        : (v as string | number | boolean);
  }
  return out;
}

export function gexfText(graph: ViewGraph): string {
  return write(graph, {
    formatNode: (_key, a) => ({
      label: a.label,
      viz: { color: a.color, size: a.size, x: a.x, y: a.y },
      attributes: gexfAttributes(a),
    }),
    formatEdge: (_key, a) => ({ label: a.relation, attributes: gexfAttributes(a) }),
  });
}

export function exportGexf(graph: ViewGraph, filename = 'kg-graph.gexf'): void {
  download(new Blob([gexfText(graph)], { type: 'application/gexf+xml' }), filename);
}

export function exportCsv(table: Table, filename: string): void {
  download(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), filename);
}
