// The view kept in the URL hash, so that a copied link reopens the same view:
// #sel=<node id>&hide=<Type>,<Type>&hiderel=<TYPE>&hiderule=<rule>&county=<County id>&from=<date>&to=<date>&facts=1
//  &size=pagerank&table=relations&cam=<x>,<y>,<ratio>
import { NO_FILTERS, type Filters } from './filters.ts';

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

/** What node size shows: the number of relations, or PageRank (how much the rest of the graph points at a node). */
export const SIZE_METRICS = ['degree', 'pagerank'] as const;
export type SizeMetric = (typeof SIZE_METRICS)[number];

export const TABLES = ['nodes', 'relations'] as const;
export type TableKind = (typeof TABLES)[number];

export interface ViewState {
  selected: string | null;
  filters: Filters;
  sizeBy: SizeMetric;
  /** The table open below the graph, if any. */
  table: TableKind | null;
  camera: CameraView | null;
}

export const EMPTY_VIEW: ViewState = {
  selected: null,
  filters: NO_FILTERS,
  sizeBy: 'degree',
  table: null,
  camera: null,
};

function parseCamera(raw: string | null): CameraView | null {
  if (!raw) return null;
  const parts = raw.split(',').map(Number);
  if (parts.length !== 3 || !parts.every(Number.isFinite)) return null;
  const [x, y, ratio] = parts as [number, number, number];
  return ratio > 0 ? { x, y, ratio } : null;
}

const list = (raw: string | null) => (raw ?? '').split(',').filter(Boolean);
const date = (raw: string | null) => (raw && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : null);
const oneOf = <T extends string>(options: readonly T[], raw: string | null, fallback: T | null) =>
  options.find((o) => o === raw) ?? fallback;

/** Reads a hash (with or without the leading #); anything malformed is ignored, never thrown. */
export function parseViewState(hash: string): ViewState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return {
    selected: params.get('sel') || null,
    filters: {
      hiddenTypes: list(params.get('hide')),
      hiddenRelations: list(params.get('hiderel')),
      hiddenRules: list(params.get('hiderule')),
      county: params.get('county') || null,
      from: date(params.get('from')),
      to: date(params.get('to')),
      factsOnly: params.get('facts') === '1',
    },
    sizeBy: oneOf(SIZE_METRICS, params.get('size'), 'degree')!,
    table: oneOf(TABLES, params.get('table'), null),
    camera: parseCamera(params.get('cam')),
  };
}

// Six decimals: a camera restored from the URL lands within a hundredth of a pixel of where it was.
const round = (n: number) => Number(n.toFixed(6));

export function formatViewState(state: ViewState): string {
  const params = new URLSearchParams();
  const f = state.filters;
  const setList = (key: string, values: string[]) => values.length && params.set(key, [...values].sort().join(','));
  if (state.selected) params.set('sel', state.selected);
  setList('hide', f.hiddenTypes);
  setList('hiderel', f.hiddenRelations);
  setList('hiderule', f.hiddenRules);
  if (f.county) params.set('county', f.county);
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  if (f.factsOnly) params.set('facts', '1');
  if (state.sizeBy !== 'degree') params.set('size', state.sizeBy);
  if (state.table) params.set('table', state.table);
  if (state.camera) params.set('cam', [state.camera.x, state.camera.y, state.camera.ratio].map(round).join(','));
  const text = params.toString();
  return text ? `#${text}` : '';
}
