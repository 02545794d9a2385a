// The table drawer: a Table drawn as HTML with sortable headers. Only the first rows are drawn (a DOM of 20k rows
// takes seconds); the CSV holds them all.
import { el } from './dom.ts';
import { formatValue } from './format.ts';
import { nextSort, sortTable, type Sort, type Table } from './table.ts';

export const DRAWN_ROWS = 500;

/** A cell as text: amounts (property columns `p:*_yuan`) in 亿元/万元, the rest as it is. */
const cellText = (key: string, value: unknown) => formatValue(key.replace(/^p:/, ''), value);

export function renderTable(
  container: HTMLTableElement,
  note: HTMLElement,
  table: Table,
  sort: Sort | null,
  onSort: (sort: Sort | null) => void,
): void {
  const sorted = sortTable(table, sort);
  const head = el(
    'tr',
    {},
    ...table.columns.map((c) => {
      const th = el('th', { text: c.title, dataset: { key: c.key }, attrs: { scope: 'col' } });
      if (sort?.key === c.key) th.setAttribute('aria-sort', sort.descending ? 'descending' : 'ascending');
      th.addEventListener('click', () => onSort(nextSort(sort, c.key)));
      return th;
    }),
  );
  const body = sorted.rows
    .slice(0, DRAWN_ROWS)
    .map((row) => el('tr', {}, ...table.columns.map((c) => el('td', { text: cellText(c.key, row[c.key]) }))));
  container.replaceChildren(el('thead', {}, head), el('tbody', {}, ...body));
  container.dataset.rows = String(table.rows.length);
  note.textContent =
    table.rows.length > DRAWN_ROWS
      ? `${table.rows.length} 行（显示前 ${DRAWN_ROWS} 行，CSV 含全部）`
      : `${table.rows.length} 行`;
}
