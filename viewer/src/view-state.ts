// The view kept in the URL hash, so that a copied link reopens the same view:
// #sel=<node id>&hide=<Type>,<Type>&cam=<x>,<y>,<ratio>

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

export interface ViewState {
  selected: string | null;
  hidden: string[];
  camera: CameraView | null;
}

export const EMPTY_VIEW: ViewState = { selected: null, hidden: [], camera: null };

function parseCamera(raw: string | null): CameraView | null {
  if (!raw) return null;
  const parts = raw.split(',').map(Number);
  if (parts.length !== 3 || !parts.every(Number.isFinite)) return null;
  const [x, y, ratio] = parts as [number, number, number];
  return ratio > 0 ? { x, y, ratio } : null;
}

/** Reads a hash (with or without the leading #); anything malformed is ignored, never thrown. */
export function parseViewState(hash: string): ViewState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return {
    selected: params.get('sel') || null,
    hidden: (params.get('hide') ?? '').split(',').filter(Boolean),
    camera: parseCamera(params.get('cam')),
  };
}

// Six decimals: a camera restored from the URL lands within a hundredth of a pixel of where it was.
const round = (n: number) => Number(n.toFixed(6));

export function formatViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.selected) params.set('sel', state.selected);
  if (state.hidden.length) params.set('hide', [...state.hidden].sort().join(','));
  if (state.camera) params.set('cam', [state.camera.x, state.camera.y, state.camera.ratio].map(round).join(','));
  const text = params.toString();
  return text ? `#${text}` : '';
}
