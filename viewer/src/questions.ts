// The questions panel (问题) as data: the named queries of the server, the one picked, the values of its form, and
// its answer as a table and as the nodes to show in the graph. Pure; questions-view.ts draws it.
import type { QueryAnswer, QueryListing } from '../../src/server/queries.ts';
import type { Cell, Table } from './table.ts';

export interface Questions {
  queries: QueryListing[];
  /** Why there are no questions (over graph.json: the server's 409 message). */
  unavailable: string | null;
  picked: string | null;
  /** The form's values by parameter name, as typed. */
  values: Record<string, string>;
  answer: QueryAnswer | null;
  error: string | null;
  running: boolean;
}

export const NO_QUESTIONS: Questions = {
  queries: [],
  unavailable: null,
  picked: null,
  values: {},
  answer: null,
  error: null,
  running: false,
};

export const loaded = (state: Questions, queries: QueryListing[]): Questions => ({ ...state, queries });
export const unavailable = (state: Questions, message: string): Questions => ({ ...state, unavailable: message });

export const pickedQuery = (state: Questions): QueryListing | null =>
  state.queries.find((q) => q.name === state.picked) ?? null;

/** Picking a question fills its form with the example values and forgets the last answer. */
export function pick(state: Questions, name: string): Questions {
  const query = state.queries.find((q) => q.name === name);
  if (!query) return state;
  const values = Object.fromEntries(query.params.map((p) => [p.name, p.example]));
  return { ...state, picked: name, values, answer: null, error: null, running: false };
}

export const setValue = (state: Questions, name: string, value: string): Questions => ({
  ...state,
  values: { ...state.values, [name]: value },
});

export const started = (state: Questions): Questions => ({ ...state, running: true, error: null });
export const answered = (state: Questions, answer: QueryAnswer): Questions => ({ ...state, running: false, answer });
export const failed = (state: Questions, error: string): Questions => ({ ...state, running: false, error });

/** What to send: the form's values, trimmed; an emptied field is left out, so the server uses its example. */
export function requestBody(state: Questions): Record<string, string> {
  const query = pickedQuery(state);
  if (!query) return {};
  const body: Record<string, string> = {};
  for (const p of query.params) {
    const value = (state.values[p.name] ?? '').trim();
    if (value) body[p.name] = value;
  }
  return body;
}

/** A result cell: numbers stay numbers (to sort by value), nodes by name, lists joined, maps as JSON. */
function cell(value: unknown): Cell {
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => String(cell(v))).join('、');
  if (typeof value === 'object') {
    const name = (value as { name?: unknown }).name;
    return typeof name === 'string' ? name : JSON.stringify(value);
  }
  return String(value);
}

/** The answer as a table with the query's own column names. */
export function answerTable(answer: QueryAnswer): Table {
  return {
    columns: answer.columns.map((c) => ({ key: c, title: c })),
    rows: answer.rows.map((row) => Object.fromEntries(answer.columns.map((c) => [c, cell(row[c])]))),
  };
}

/** The ids of the nodes the answer names, for "show in graph". */
export const answerNodeIds = (answer: QueryAnswer): string[] => answer.nodes.map((n) => n.id);

/** The line under the table: how many rows, and whether the server left some out. */
export function answerNote(answer: QueryAnswer): string {
  const rows = `${answer.rows.length} 行`;
  return answer.truncated ? `${rows}（结果已截断，只返回前 ${answer.rows.length} 行）` : rows;
}
