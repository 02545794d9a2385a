// Exports of what is on screen: a PNG of the drawing, and GEXF (opens in Gephi) of the loaded graph.
import { write } from 'graphology-gexf/browser/index.js';
import type Sigma from 'sigma';
import { download } from './dom.ts';
import type { EdgeAttrs, NodeAttrs, ViewGraph } from './graph.ts';

/** Sigma draws in several stacked canvases (edges, nodes, labels…); the PNG is them flattened on white. */
export function exportPng(renderer: Sigma<NodeAttrs, EdgeAttrs>, filename = 'kg-graph.png'): Promise<void> {
  // Render now, then copy in the same task: WebGL canvases keep their pixels only until the browser composites.
  renderer.refresh();
  const layers = Object.values(renderer.getCanvases());
  const first = layers[0];
  if (!first) return Promise.resolve();
  const out = document.createElement('canvas');
  out.width = first.width;
  out.height = first.height;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  for (const layer of layers) ctx.drawImage(layer, 0, 0, out.width, out.height);
  return new Promise((resolve) =>
    out.toBlob((blob) => {
      if (blob) download(blob, filename);
      resolve();
    }, 'image/png'),
  );
}

/** GEXF attributes must be scalars: lists become 、-joined text; drawing state stays out. */
function gexfAttributes(attrs: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (['x', 'y', 'size', 'color', 'label'].includes(k) || v === null || v === undefined) continue;
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
    formatEdge: (_key, a) => ({ label: a.type, attributes: gexfAttributes(a) }),
  });
}

export function exportGexf(graph: ViewGraph, filename = 'kg-graph.gexf'): void {
  download(new Blob([gexfText(graph)], { type: 'application/gexf+xml' }), filename);
}
