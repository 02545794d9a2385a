// The questions panel's DOM: the list of questions, a form per parameter (names suggested from /api/search where a
// parameter names an entity), the answer as a sortable table and a button that shows its nodes in the graph.
// Every change goes through questions.ts and then `render`.
import { api, type QueryListing } from './api.ts';
import { byId, el } from './dom.ts';
import {
  answered,
  answerNodeIds,
  answerNote,
  answerTable,
  failed,
  loaded,
  NO_QUESTIONS,
  pick,
  pickedQuery,
  requestBody,
  setValue,
  started,
  unavailable,
  type Questions,
} from './questions.ts';
import type { Sort } from './table.ts';
import { renderTable } from './table-view.ts';

export function setupQuestions(showInGraph: (ids: string[]) => Promise<void>, onError: (e: Error) => void): void {
  const ui = {
    toggle: byId<HTMLButtonElement>('questions-toggle'),
    panel: byId('questions'),
    note: byId('questions-note'),
    list: byId<HTMLUListElement>('questions-list'),
    form: byId<HTMLFormElement>('questions-form'),
    result: byId('questions-result'),
    table: byId<HTMLTableElement>('questions-table'),
    tableNote: byId('questions-table-note'),
    show: byId<HTMLButtonElement>('questions-show'),
  };
  let state: Questions = NO_QUESTIONS;
  let sort: Sort | null = null;
  let listed = false;

  const update = (next: Questions) => {
    state = next;
    render();
  };

  async function run() {
    const query = pickedQuery(state);
    if (!query) return;
    update(started(state));
    try {
      const answer = await api.runQuery(query.name, requestBody(state));
      sort = null;
      update(answered(state, answer));
    } catch (e) {
      update(failed(state, (e as Error).message));
    }
  }

  function render() {
    ui.note.textContent = state.unavailable ?? (state.queries.length ? '' : '载入问题…');
    ui.note.classList.toggle('error', state.unavailable !== null);
    ui.list.replaceChildren(
      ...state.queries.map((q) => {
        const button = el('button', {
          className: 'question',
          text: q.question,
          dataset: { name: q.name },
          attrs: { type: 'button' },
        });
        button.setAttribute('aria-pressed', String(q.name === state.picked));
        button.addEventListener('click', () => update(pick(state, q.name)));
        return el('li', {}, button);
      }),
    );
    const query = pickedQuery(state);
    ui.form.hidden = !query;
    if (query && ui.form.dataset.name !== query.name) renderForm(query);
    const runButton = ui.form.querySelector('button[type="submit"]');
    if (runButton instanceof HTMLButtonElement) runButton.disabled = state.running;
    const error = state.error ? el('p', { className: 'error', text: state.error }) : null;
    ui.form.querySelector('p.error')?.remove();
    if (error) ui.form.append(error);
    const answer = state.answer;
    ui.result.hidden = !answer;
    if (answer) {
      renderTable(ui.table, ui.tableNote, answerTable(answer), sort, (next) => {
        sort = next;
        render();
      });
      ui.tableNote.textContent = answerNote(answer);
      ui.show.disabled = answer.nodes.length === 0;
    }
  }

  /** Drawn once per picked question, so that typing keeps the focus in its field. */
  function renderForm(query: QueryListing) {
    ui.form.dataset.name = query.name;
    const fields = query.params.map((p) => {
      const input = el('input', {
        attrs: { name: p.name, type: 'text', autocomplete: 'off', ...(p.entity ? { list: `names-${p.name}` } : {}) },
      });
      input.value = state.values[p.name] ?? '';
      const names = p.entity ? el('datalist', { attrs: { id: `names-${p.name}` } }) : null;
      let timer: ReturnType<typeof setTimeout> | undefined;
      input.addEventListener('input', () => {
        state = setValue(state, p.name, input.value);
        if (!names || !input.value.trim()) return;
        clearTimeout(timer);
        timer = setTimeout(async () => {
          const hits = await api.search(input.value.trim()).catch(() => []);
          names.replaceChildren(...hits.map((h) => el('option', { attrs: { value: h.name } })));
        }, 150);
      });
      return el(
        'label',
        { className: 'question-field', title: p.description },
        `${p.name}（${p.type}）`,
        input,
        names,
        el('small', { text: p.description }),
      );
    });
    ui.form.replaceChildren(
      el('h3', { text: query.question }),
      ...fields,
      el('button', { text: '运行', attrs: { type: 'submit' } }),
    );
  }

  ui.form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  ui.show.addEventListener('click', () => {
    if (state.answer) void showInGraph(answerNodeIds(state.answer)).catch(onError);
  });
  ui.toggle.addEventListener('click', () => {
    ui.panel.hidden = !ui.panel.hidden;
    ui.toggle.setAttribute('aria-pressed', String(!ui.panel.hidden));
    render();
    if (listed) return;
    listed = true;
    api.queries().then(
      (queries) => update(loaded(state, queries)),
      (e: Error) => update(unavailable(state, e.message)),
    );
  });
}
