// The filter bar: date slider (and its player), first date, county, relation types, rules in words, facts only, node
// size. It shows a Filters value and reports each change as a new one; main.ts owns the state.
import { el, byId } from './dom.ts';
import type { Filters } from './filters.ts';
import { relationZh, ruleZh } from './style.ts';
import type { SizeMetric } from './view-state.ts';

export interface FilterChoices {
  dates: string[];
  counties: Array<{ id: string; name: string }>;
  relations: string[];
  rules: string[];
}

export interface FilterBar {
  render(choices: FilterChoices, filters: Filters, sizeBy: SizeMetric): void;
}

/** The slider's steps are the dates, and one more at the right end for "every date" (undated relations included). */
export const sliderValue = (dates: readonly string[], to: string | null): number => {
  if (!to) return dates.length;
  const i = dates.findIndex((d) => d >= to);
  return i < 0 ? dates.length : i;
};
export const sliderDate = (dates: readonly string[], value: number): string | null => dates[value] ?? null;

/** The "from" choice as a date; a range whose end falls before its start is turned around rather than left empty. */
export function dateRange(from: string | null, to: string | null): Pick<Filters, 'from' | 'to'> {
  return from && to && to < from ? { from: to, to: from } : { from, to };
}

export function setupFilterBar(
  change: (next: (f: Filters) => Filters) => void,
  setSize: (metric: SizeMetric) => void,
  relayout: () => void,
): FilterBar {
  const ui = {
    slider: byId<HTMLInputElement>('date-slider'),
    play: byId<HTMLButtonElement>('date-play'),
    label: byId('date-label'),
    county: byId<HTMLSelectElement>('county'),
    relations: byId('relation-filter').querySelector('div')!,
    rules: byId('rule-filter').querySelector('div')!,
    facts: byId<HTMLInputElement>('facts-only'),
    size: byId<HTMLSelectElement>('size-by'),
    relayout: byId<HTMLButtonElement>('relayout'),
  };
  let dates: string[] = [];
  let playing: ReturnType<typeof setInterval> | undefined;

  const stop = () => {
    clearInterval(playing);
    playing = undefined;
    ui.play.textContent = '▶';
  };
  ui.slider.addEventListener('input', () => {
    const to = sliderDate(dates, Number(ui.slider.value));
    change((f) => ({ ...f, ...dateRange(f.from, to) }));
  });
  // Plays the graph's growth: one date a step, from the first to every date.
  ui.play.addEventListener('click', () => {
    if (playing) return stop();
    ui.play.textContent = '■';
    let step = 0;
    const advance = () => {
      if (step > dates.length) return stop();
      ui.slider.value = String(step++);
      ui.slider.dispatchEvent(new Event('input'));
    };
    advance();
    playing = setInterval(advance, 900);
  });
  ui.county.addEventListener('change', () => change((f) => ({ ...f, county: ui.county.value || null })));
  ui.facts.addEventListener('change', () => change((f) => ({ ...f, factsOnly: ui.facts.checked })));
  ui.size.addEventListener('change', () => setSize(ui.size.value as SizeMetric));
  ui.relayout.addEventListener('click', relayout);

  /** One checkbox per value; unticking hides it (the filters keep what is hidden, so new values show). */
  const checkboxes = (
    container: HTMLElement,
    values: string[],
    hidden: string[],
    words: (v: string) => string,
    key: 'hiddenRelations' | 'hiddenRules',
  ) =>
    container.replaceChildren(
      ...values.map((v) => {
        const box = el('input', { attrs: { type: 'checkbox', value: v } });
        box.checked = !hidden.includes(v);
        box.addEventListener('change', () =>
          change((f) => ({ ...f, [key]: box.checked ? f[key].filter((x) => x !== v) : [...f[key], v] })),
        );
        return el('label', { title: v, dataset: { value: v } }, box, words(v));
      }),
    );

  return {
    render(choices, filters, sizeBy) {
      dates = choices.dates;
      ui.slider.max = String(dates.length);
      ui.slider.value = String(sliderValue(dates, filters.to));
      ui.label.textContent =
        filters.from || filters.to ? `${filters.from ?? '最早'} 至 ${filters.to ?? '最新'}` : '全部日期';
      ui.county.replaceChildren(
        el('option', { text: '全部', attrs: { value: '' } }),
        ...choices.counties.map((c) => el('option', { text: c.name, attrs: { value: c.id } })),
      );
      ui.county.value = filters.county ?? '';
      checkboxes(ui.relations, choices.relations, filters.hiddenRelations, relationZh, 'hiddenRelations');
      checkboxes(ui.rules, choices.rules, filters.hiddenRules, ruleZh, 'hiddenRules');
      ui.facts.checked = filters.factsOnly;
      ui.size.value = sizeBy;
    },
  };
}
