// The search box: suggestions from the server as one types (substrings of names and aliases), keyboard and mouse.
import { api, type SearchHit } from './api.ts';
import { el } from './dom.ts';
import { typeStyle } from './style.ts';

export function setupSearch(
  input: HTMLInputElement,
  list: HTMLUListElement,
  onPick: (hit: SearchHit) => void,
  onError: (e: Error) => void,
): void {
  let hits: SearchHit[] = [];
  let active = -1;
  let pending: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    list.replaceChildren();
    list.hidden = true;
    hits = [];
    active = -1;
  };
  const pick = (hit: SearchHit) => {
    close();
    input.value = hit.label;
    onPick(hit);
  };
  const render = () => {
    list.replaceChildren(
      ...hits.map((h, i) => {
        const sw = el('span', { className: 'swatch' });
        sw.style.background = typeStyle(h.type).color;
        const li = el(
          'li',
          { className: i === active ? 'active' : '', dataset: { id: h.id }, attrs: { role: 'option' } },
          sw,
          el('span', { className: 'hit-label', text: h.label }),
          h.matched !== h.label && h.matched !== h.name && el('span', { className: 'hit-alias', text: h.matched }),
          el('span', { className: 'hit-type', text: typeStyle(h.type).zh }),
        );
        li.addEventListener('mousedown', (e) => {
          e.preventDefault(); // keep focus in the input
          pick(h);
        });
        return li;
      }),
    );
    list.hidden = hits.length === 0;
  };
  const query = async (q: string) => {
    pending?.abort();
    if (!q.trim()) return close();
    const ctrl = new AbortController();
    pending = ctrl;
    try {
      const result = await api.search(q, ctrl.signal);
      if (ctrl.signal.aborted) return;
      hits = result;
      active = hits.length ? 0 : -1;
      render();
      list.dataset.query = q;
    } catch (e) {
      if (!ctrl.signal.aborted) onError(e as Error);
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void query(input.value), 120);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!hits.length) return;
      active = (active + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      render();
      e.preventDefault();
    } else if (e.key === 'Enter') {
      const hit = hits[active] ?? hits[0];
      if (hit) pick(hit);
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}
