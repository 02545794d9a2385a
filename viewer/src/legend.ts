// The legend: one button per node type present, with its colour and count; a click hides or shows the type.
import { el } from './dom.ts';
import { typeStyle } from './style.ts';

export function renderLegend(
  container: HTMLElement,
  counts: Record<string, number>,
  hidden: ReadonlySet<string>,
  toggle: (type: string) => void,
): void {
  const items = Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([type, n]) => {
      const style = typeStyle(type);
      const sw = el('span', { className: 'swatch' });
      sw.style.background = style.color;
      const button = el(
        'button',
        {
          className: 'legend-item',
          dataset: { type },
          attrs: { 'aria-pressed': String(!hidden.has(type)) },
          title: type,
        },
        sw,
        el('span', { text: style.zh }),
        el('span', { className: 'count', text: String(n) }),
      );
      button.addEventListener('click', () => toggle(type));
      return button;
    });
  container.replaceChildren(...items);
}
