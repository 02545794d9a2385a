// The viewer's DOM layer: loads the first view from the API, draws it with sigma, and wires the pure parts — filters,
// selection, sizes, layout, tables, the URL — to the page. The state lives in this one function's closure; every
// change goes through a pure function of the modules and then `redraw`.
import Sigma from 'sigma';
import { api, type GraphPayload, type RelationRow, type RelationView } from './api.ts';
import { byId } from './dom.ts';
import { exportCsv, exportGexf, exportPng } from './export.ts';
import { setupFilterBar } from './filter-bar.ts';
import {
  graphCounties,
  graphDates,
  graphRelationKinds,
  NO_FILTERS,
  visibleParts,
  type Filters,
  type Visible,
} from './filters.ts';
import {
  applyPositions,
  createGraph,
  layoutPositions,
  mergePayload,
  subgraph,
  type EdgeAttrs,
  type NodeAttrs,
} from './graph.ts';
import { layoutControl } from './layout.ts';
import { renderLegend } from './legend.ts';
import { clearPanel, renderArticle, renderPanel } from './panel.ts';
import { setupQuestions } from './questions-view.ts';
import { setupSearch } from './search.ts';
import {
  deselect,
  edgeDisplay,
  hover,
  NO_FOCUS,
  nodeDisplay,
  scopeNodes,
  select,
  spotlight,
  unhover,
  unspotlight,
  type Focus,
} from './selection.ts';
import { nodeSizes } from './sizes.ts';
import { FONT_STACK } from './style.ts';
import { nodeTable, relationTable, type Sort, type Table } from './table.ts';
import { renderTable } from './table-view.ts';
import { formatViewState, parseViewState, type SizeMetric, type TableKind, type ViewState } from './view-state.ts';

/** Most nodes whose relations the relation table fetches (one details call per node on the server). */
const RELATION_TABLE_MAX_NODES = 1000;

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
    tableToggle: byId<HTMLButtonElement>('table-toggle'),
    drawer: byId('table-drawer'),
    tableNodes: byId<HTMLButtonElement>('table-nodes'),
    tableRelations: byId<HTMLButtonElement>('table-relations'),
    table: byId<HTMLTableElement>('table'),
    tableNote: byId('table-note'),
    csv: byId<HTMLButtonElement>('export-csv'),
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

  let filters: Filters = restored.filters;
  let sizeBy: SizeMetric = restored.sizeBy;
  let tableKind: TableKind | null = restored.table;
  let tableSort: Sort | null = null;
  let focus: Focus = NO_FOCUS;
  let visible: Visible = visibleParts(graph, filters);
  let sizes = new Map<string, number>();
  /** A part as a graph; the loaded graph itself when nothing is left out (no copy of a big graph). */
  const partGraph = (part: Visible) =>
    part.nodes.size === graph.order && part.edges.size === graph.size ? graph : subgraph(graph, part.nodes, part.edges);
  const resize = () => (sizes = nodeSizes(partGraph(visible), sizeBy));
  /** Lays out the given part; too big a graph keeps its place. */
  const relayout = (part: Visible) => {
    const positions = layoutPositions(partGraph(part));
    if (positions) applyPositions(graph, positions);
    return positions !== null;
  };
  // The picture follows the filters that change the graph's shape (facts only, a county) and no others, so that a
  // link reproduces it and the date slider shows the graph growing in place.
  const relayoutShape = () =>
    relayout(visibleParts(graph, { ...NO_FILTERS, factsOnly: filters.factsOnly, county: filters.county }));
  resize();
  relayoutShape();
  performance.mark('kg:graph-built');

  // Big graphs draw plain lines without depth sorting: arrows and z-order cost more than they show at that scale.
  const big = graph.size > 10_000;
  const edgeProgram = big ? 'line' : 'arrow';
  const renderer = new Sigma<NodeAttrs, EdgeAttrs>(graph, ui.graph, {
    labelFont: FONT_STACK,
    labelSize: 13,
    labelRenderedSizeThreshold: 5,
    zIndex: !big,
    nodeReducer: (node, data) => nodeDisplay(node, data, visible, focus, sizes.get(node) ?? data.size),
    edgeReducer: (edge, data) => edgeDisplay(edge, data, graph.extremities(edge), visible, focus, edgeProgram),
  });
  const camera = renderer.getCamera();
  // The constructor has drawn the first frame; it is on screen at the next animation frame.
  requestAnimationFrame(() => {
    performance.mark('kg:first-render');
    document.body.dataset.rendered = 'true';
  });

  // --- the URL: selection, filters, size, table and camera, so that a link reopens this view ----------------------
  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  const currentView = (): ViewState => ({
    selected: focus.selected,
    filters,
    sizeBy,
    table: tableKind,
    camera: camera.getState(),
  });
  const writeUrl = () => {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(
      () => history.replaceState(null, '', formatViewState(currentView()) || location.pathname),
      200,
    );
  };
  camera.on('updated', writeUrl);

  // --- legend, filter bar, table ------------------------------------------------------------------------------------
  const typeCounts = () => {
    const counts: Record<string, number> = {};
    graph.forEachNode((_n, a) => void (counts[a.entityType] = (counts[a.entityType] ?? 0) + 1));
    return counts;
  };
  const toggleType = (type: string) =>
    setFilters((f) => ({
      ...f,
      hiddenTypes: f.hiddenTypes.includes(type) ? f.hiddenTypes.filter((t) => t !== type) : [...f.hiddenTypes, type],
    }));
  const filterBar = setupFilterBar(
    (next) => setFilters(next),
    (metric) => {
      sizeBy = metric;
      resize();
      redraw();
    },
    () => {
      if (!relayout(visible)) setStatus(`${describe()} · 图太大，请用“布局 ▶”`);
      renderer.refresh();
    },
  );
  const drawControls = () => {
    renderLegend(ui.legend, typeCounts(), new Set(filters.hiddenTypes), toggleType);
    filterBar.render(
      { dates: graphDates(graph), counties: graphCounties(graph), ...graphRelationKinds(graph) },
      filters,
      sizeBy,
    );
  };

  /** Relation rows fetched for the table, by source node; kept while the graph only grows. */
  const relationRows = new Map<string, RelationRow[]>();
  let tableRequest = 0;
  let currentTable: Table | null = null;
  async function drawTable() {
    ui.drawer.hidden = !tableKind;
    ui.tableToggle.setAttribute('aria-pressed', String(Boolean(tableKind)));
    if (!tableKind) return;
    ui.tableNodes.setAttribute('aria-pressed', String(tableKind === 'nodes'));
    ui.tableRelations.setAttribute('aria-pressed', String(tableKind === 'relations'));
    const mine = ++tableRequest;
    const ids = scopeNodes(graph, focus, visible);
    const visibleDegree = (id: string) => graph.edges(id).filter((e) => visible.edges.has(e)).length;
    let table: Table;
    if (tableKind === 'nodes') {
      table = nodeTable(graph, ids, visibleDegree);
    } else {
      if (ids.length > RELATION_TABLE_MAX_NODES) {
        currentTable = null;
        ui.table.replaceChildren();
        ui.tableNote.textContent = `关系表最多列 ${RELATION_TABLE_MAX_NODES} 个节点之间的关系（当前 ${ids.length} 个）：请先筛选或选中节点`;
        return;
      }
      const missing = ids.filter((id) => !relationRows.has(id));
      if (missing.length) {
        ui.tableNote.textContent = '载入关系…';
        const rows = await api.relations(missing);
        for (const id of missing) relationRows.set(id, []);
        for (const r of rows) relationRows.get(r.source.id)?.push(r);
      }
      if (mine !== tableRequest) return;
      table = relationTable(
        ids.flatMap((id) => relationRows.get(id) ?? []),
        new Set(ids),
        filters,
      );
    }
    currentTable = table;
    renderTable(ui.table, ui.tableNote, table, tableSort, (sort) => {
      tableSort = sort;
      void drawTable().catch(fail);
    });
    ui.drawer.dataset.kind = tableKind;
  }
  const openTable = (kind: TableKind | null) => {
    if (kind !== tableKind) tableSort = null;
    tableKind = kind;
    void drawTable().catch(fail);
    writeUrl();
  };
  ui.tableToggle.addEventListener('click', () => openTable(tableKind ? null : 'nodes'));
  ui.tableNodes.addEventListener('click', () => openTable('nodes'));
  ui.tableRelations.addEventListener('click', () => openTable('relations'));
  ui.csv.addEventListener('click', () => {
    if (currentTable) exportCsv(currentTable, `kg-${tableKind}.csv`);
  });

  /** After any change of state: what is visible, the picture, the controls, the table, the status, the URL. */
  function redraw({ reindex = false } = {}) {
    renderer.refresh(reindex ? {} : { skipIndexation: true });
    drawControls();
    void drawTable().catch(fail);
    setStatus(describe());
    writeUrl();
  }
  function setFilters(next: (f: Filters) => Filters) {
    const before = filters;
    filters = next(filters);
    visible = visibleParts(graph, filters);
    resize();
    // The fact graph and a county's part have a shape of their own: they are laid out anew, once.
    const reshaped = before.factsOnly !== filters.factsOnly || before.county !== filters.county;
    if (reshaped) relayoutShape();
    redraw({ reindex: reshaped });
  }

  // --- growing the graph from the server -------------------------------------------------------------------------
  const layout = layoutControl(graph, (running) => (ui.layout.textContent = running ? '布局 ■' : '布局 ▶'));
  const describe = () =>
    `${visible.nodes.size} / ${stats.nodes} 节点 · ${visible.edges.size} / ${stats.edges} 关系`
    + (overview.truncated ? ' · 先显示连接最多的节点' : '');
  const grow = (payload: GraphPayload, anchor?: string) => {
    const added = mergePayload(graph, payload, anchor);
    visible = visibleParts(graph, filters);
    resize();
    if (added.length) layout.reset();
    redraw({ reindex: true });
    return added;
  };
  async function expand(id: string) {
    const added = grow(await api.neighbors(id), id);
    setStatus(`${describe()} · 新增 ${added.length} 个节点`);
  }

  // --- selection -------------------------------------------------------------------------------------------------
  let selection = 0; // the latest selectNode() wins when clicks overtake slow answers
  async function selectNode(id: string, { moveCamera = true } = {}) {
    const mine = ++selection;
    if (!graph.hasNode(id)) grow(await api.neighbors(id));
    const details = await api.node(id);
    if (mine !== selection) return;
    focus = select(focus, id);
    renderPanel(ui.panel, details, {
      select: (other) => void selectNode(other).catch(fail),
      expand: (n) => void expand(n).catch(fail),
      read: (r) => void readArticle(r, id).catch(fail),
      close: deselectNode,
    });
    redraw();
    if (moveCamera) {
      const d = renderer.getNodeDisplayData(id);
      if (d) await camera.animate({ x: d.x, y: d.y, ratio: Math.min(camera.ratio, 0.4) }, { duration: 400 });
    }
  }
  /** The article a relation of node `from` was read from, in the panel; its back button returns to the node. */
  async function readArticle(r: RelationView, from: string) {
    if (!r.article) return;
    const mine = ++selection;
    const article = await api.article(r.article.id);
    if (mine !== selection) return;
    renderArticle(ui.panel, article, r, () => void selectNode(from, { moveCamera: false }).catch(fail));
  }
  function deselectNode() {
    selection++;
    focus = deselect(focus);
    clearPanel(ui.panel);
    redraw();
  }

  // --- pointer ---------------------------------------------------------------------------------------------------
  renderer.on('enterNode', ({ node }) => {
    focus = hover(focus, graph, node);
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on('leaveNode', () => {
    focus = unhover(focus);
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on('clickNode', ({ node }) => void selectNode(node, { moveCamera: false }).catch(fail));
  renderer.on('clickStage', () => {
    focus = unspotlight(focus);
    ui.graph.dataset.spotlight = '0';
    deselectNode();
  });

  // --- toolbar ---------------------------------------------------------------------------------------------------
  ui.layout.addEventListener('click', () => (layout.isRunning() ? layout.stop() : layout.start()));
  ui.fit.addEventListener('click', () => void camera.animatedReset({ duration: 300 }));
  ui.png.addEventListener('click', () => void exportPng(renderer).catch(fail));
  ui.gexf.addEventListener('click', () => {
    const ids = scopeNodes(graph, focus, visible);
    exportGexf(subgraph(graph, ids, visible.edges), focus.selected ? 'kg-selection.gexf' : 'kg-graph.gexf');
  });
  setupSearch(
    ui.search,
    ui.suggestions,
    (hit) => {
      if (filters.hiddenTypes.includes(hit.type)) toggleType(hit.type); // a found node must be visible
      void selectNode(hit.id).catch(fail);
    },
    fail,
  );

  // --- the questions panel: an answer's nodes, loaded when missing, stand out in the graph -----------------------
  async function showInGraph(ids: string[]) {
    const missing = ids.filter((id) => !graph.hasNode(id));
    for (const payload of await api.nodes(missing)) grow(payload);
    const shown = ids.filter((id) => graph.hasNode(id));
    focus = spotlight(focus, shown);
    ui.graph.dataset.spotlight = String(shown.length);
    redraw();
    setStatus(`${describe()} · 突出显示 ${shown.length} 个节点`);
  }
  setupQuestions(showInGraph, fail);

  // --- restore the view the URL describes ------------------------------------------------------------------------
  if (restored.selected) await selectNode(restored.selected, { moveCamera: !restored.camera }).catch(fail);
  if (restored.camera) camera.setState(restored.camera);
  redraw();
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
