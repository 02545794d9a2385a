// The viewer: loads the first view from the API, draws it with sigma, and wires search, legend, panel, layout,
// exports and the URL. All state lives in this one function's closure.
import Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { api, type GraphPayload } from './api.ts';
import { byId } from './dom.ts';
import { exportGexf, exportPng } from './export.ts';
import { createGraph, initialLayout, mergePayload, type EdgeAttrs, type NodeAttrs } from './graph.ts';
import { layoutControl } from './layout.ts';
import { renderLegend } from './legend.ts';
import { clearPanel, renderPanel } from './panel.ts';
import { setupSearch } from './search.ts';
import { DIMMED_COLOR, FONT_STACK, HIGHLIGHT_EDGE_COLOR } from './style.ts';
import { formatViewState, parseViewState, type ViewState } from './view-state.ts';

async function main(): Promise<void> {
  const ui = {
    graph: byId('graph'),
    panel: byId('panel'),
    legend: byId('legend'),
    search: byId<HTMLInputElement>('search'),
    suggestions: byId<HTMLUListElement>('suggestions'),
    status: byId('status'),
    layout: byId<HTMLButtonElement>('layout'),
    fit: byId<HTMLButtonElement>('fit'),
    png: byId<HTMLButtonElement>('export-png'),
    gexf: byId<HTMLButtonElement>('export-gexf'),
  };
  const setStatus = (text: string, error = false) => {
    ui.status.textContent = text;
    ui.status.classList.toggle('error', error);
  };
  const fail = (e: Error) => setStatus(`出错：${e.message}`, true);

  setStatus('载入中…');
  const restored = parseViewState(location.hash);
  // ?limit=N loads only the N best-connected nodes first (for big graphs); the rest comes by search and expansion.
  const limit = Number(new URLSearchParams(location.search).get('limit')) || undefined;
  const [stats, overview] = await Promise.all([api.stats(), api.overview(limit)]);
  performance.mark('kg:data-loaded');
  const graph = createGraph();
  mergePayload(graph, overview);
  initialLayout(graph);
  performance.mark('kg:graph-built');

  const hidden = new Set(restored.hidden);
  let selected: string | null = null;
  let hovered: string | null = null;
  let hoveredNeighbors = new Set<string>();
  const typeOf = (node: string) => graph.getNodeAttribute(node, 'type');

  // Big graphs draw plain lines without depth sorting: arrows and z-order cost more than they show at that scale.
  const big = graph.size > 10_000;
  const edgeProgram = big ? 'line' : 'arrow';
  const renderer = new Sigma<NodeAttrs, EdgeAttrs>(graph, ui.graph, {
    labelFont: FONT_STACK,
    labelSize: 13,
    labelRenderedSizeThreshold: 5,
    zIndex: !big,
    // Sigma reads `type` as the name of a drawing program; ours is the entity type, so the reducers set the program.
    nodeReducer: (node, data): Partial<NodeDisplayData> => {
      if (hidden.has(data.type)) return { ...data, type: 'circle', hidden: true };
      const out: Partial<NodeDisplayData> = { ...data, type: 'circle' };
      if (hovered) {
        if (node === hovered || hoveredNeighbors.has(node)) Object.assign(out, { forceLabel: true, zIndex: 2 });
        else Object.assign(out, { color: DIMMED_COLOR, label: '', zIndex: 0 });
      }
      if (node === selected) Object.assign(out, { highlighted: true, forceLabel: true, zIndex: 3 });
      return out;
    },
    edgeReducer: (edge, attrs): Partial<EdgeDisplayData> => {
      const data = { ...attrs, type: edgeProgram };
      const [s, t] = graph.extremities(edge);
      if (hidden.has(typeOf(s)) || hidden.has(typeOf(t))) return { ...data, hidden: true };
      const focus = hovered ?? selected;
      if (!focus) return data;
      if (s === focus || t === focus) return { ...data, color: HIGHLIGHT_EDGE_COLOR, size: 2, zIndex: 1 };
      return hovered ? { ...data, hidden: true } : data;
    },
  });
  const camera = renderer.getCamera();
  // The constructor has drawn the first frame; it is on screen at the next animation frame.
  requestAnimationFrame(() => {
    performance.mark('kg:first-render');
    document.body.dataset.rendered = 'true';
  });

  // --- the URL: selection, hidden types and camera, so that a link reopens this view ---------------------------------
  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  const currentView = (): ViewState => ({ selected, hidden: [...hidden], camera: camera.getState() });
  const writeUrl = () => {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(
      () => history.replaceState(null, '', formatViewState(currentView()) || location.pathname),
      200,
    );
  };
  camera.on('updated', writeUrl);

  // --- legend ----------------------------------------------------------------------------------------------------
  const typeCounts = () => {
    const counts: Record<string, number> = {};
    graph.forEachNode((_n, a) => void (counts[a.type] = (counts[a.type] ?? 0) + 1));
    return counts;
  };
  const drawLegend = () => renderLegend(ui.legend, typeCounts(), hidden, toggleType);
  function toggleType(type: string) {
    if (hidden.has(type)) hidden.delete(type);
    else hidden.add(type);
    drawLegend();
    renderer.refresh({ skipIndexation: true });
    writeUrl();
  }

  // --- growing the graph from the server -------------------------------------------------------------------------
  const layout = layoutControl(graph, (running) => (ui.layout.textContent = running ? '布局 ■' : '布局 ▶'));
  const describe = () =>
    `${graph.order} / ${stats.nodes} 节点 · ${graph.size} / ${stats.edges} 关系${overview.truncated ? ' · 先显示连接最多的节点' : ''}`;
  const grow = (payload: GraphPayload, anchor?: string) => {
    const added = mergePayload(graph, payload, anchor);
    if (added.length) {
      layout.reset();
      drawLegend();
    }
    renderer.refresh();
    setStatus(describe());
    return added;
  };
  async function expand(id: string) {
    const added = grow(await api.neighbors(id), id);
    setStatus(`${describe()} · 新增 ${added.length} 个节点`);
  }

  // --- selection -------------------------------------------------------------------------------------------------
  let selection = 0; // the latest select() wins when clicks overtake slow answers
  async function select(id: string, { moveCamera = true } = {}) {
    const mine = ++selection;
    if (!graph.hasNode(id)) grow(await api.neighbors(id));
    const details = await api.node(id);
    if (mine !== selection) return;
    selected = id;
    renderPanel(ui.panel, details, {
      select: (other) => void select(other).catch(fail),
      expand: (n) => void expand(n).catch(fail),
      close: deselect,
    });
    renderer.refresh({ skipIndexation: true });
    if (moveCamera) {
      const d = renderer.getNodeDisplayData(id);
      if (d) await camera.animate({ x: d.x, y: d.y, ratio: Math.min(camera.ratio, 0.4) }, { duration: 400 });
    }
    writeUrl();
  }
  function deselect() {
    selection++;
    selected = null;
    clearPanel(ui.panel);
    renderer.refresh({ skipIndexation: true });
    writeUrl();
  }

  // --- pointer ---------------------------------------------------------------------------------------------------
  renderer.on('enterNode', ({ node }) => {
    hovered = node;
    hoveredNeighbors = new Set(graph.neighbors(node));
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on('leaveNode', () => {
    hovered = null;
    hoveredNeighbors = new Set();
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on('clickNode', ({ node }) => void select(node, { moveCamera: false }).catch(fail));
  renderer.on('clickStage', () => deselect());

  // --- toolbar ---------------------------------------------------------------------------------------------------
  ui.layout.addEventListener('click', () => (layout.isRunning() ? layout.stop() : layout.start()));
  ui.fit.addEventListener('click', () => void camera.animatedReset({ duration: 300 }));
  ui.png.addEventListener('click', () => void exportPng(renderer));
  ui.gexf.addEventListener('click', () => exportGexf(graph));
  setupSearch(
    ui.search,
    ui.suggestions,
    (hit) => {
      if (hidden.has(hit.type)) toggleType(hit.type); // a found node must be visible
      void select(hit.id).catch(fail);
    },
    fail,
  );

  // --- restore the view the URL describes ------------------------------------------------------------------------
  drawLegend();
  if (restored.selected) await select(restored.selected, { moveCamera: !restored.camera }).catch(fail);
  if (restored.camera) camera.setState(restored.camera);
  renderer.refresh({ skipIndexation: true });
  setStatus(describe());
  ui.search.disabled = false;
  performance.mark('kg:search-ready');
  document.body.dataset.ready = 'true';
}

main().catch((e: Error) => {
  const status = document.getElementById('status');
  if (status) {
    status.textContent = `无法载入图谱：${e.message}`;
    status.classList.add('error');
  }
});
