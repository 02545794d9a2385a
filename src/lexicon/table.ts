// The one reader of the lexicon's data files (`src/lexicon/data/*.tsv`): one entry a line, tab-separated columns,
// `#` comments and blank lines skipped. Every line is checked against the table's columns and allowed values, so a
// typo in a data file is an error naming the file and line, not a silently missing entry.
import { readFileSync } from 'node:fs';

export interface TableSpec<C extends string> {
  /** Column names, in order. */
  columns: readonly C[];
  /** Allowed values of a column, where the column is an enumeration. */
  values?: Partial<Record<C, readonly string[]>>;
}

export type Row<C extends string> = Record<C, string> & { line: number };

const DATA = new URL('./data/', import.meta.url);

/** Reads `src/lexicon/data/<name>`; throws `<path>:<line>: …` on a malformed line or a repeated first column. */
export function readTable<C extends string>(name: string, spec: TableSpec<C>): Row<C>[] {
  const path = new URL(name, DATA).pathname;
  const rows: Row<C>[] = [];
  const seen = new Map<string, number>();
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const text = raw.replace(/\r$/, '');
      if (text.trim() === '' || text.startsWith('#')) return;
      const fields = text.split('\t').map((f) => f.trim());
      const where = `${path}:${i + 1}`;
      if (fields.length !== spec.columns.length) {
        throw new Error(
          `${where}: expected ${spec.columns.length} tab-separated columns (${spec.columns.join(', ')}), found ${fields.length}`,
        );
      }
      const row = { line: i + 1 } as Row<C>;
      spec.columns.forEach((c, k) => {
        const value = fields[k]!;
        if (value === '') throw new Error(`${where}: empty ${c}`);
        const allowed = spec.values?.[c];
        if (allowed && !allowed.includes(value))
          throw new Error(`${where}: ${c} "${value}" is not one of ${allowed.join(', ')}`);
        (row as Record<string, string | number>)[c] = value;
      });
      const key = fields[0]!;
      if (seen.has(key)) throw new Error(`${where}: "${key}" is listed already on line ${seen.get(key)}`);
      seen.set(key, i + 1);
      rows.push(row);
    });
  return rows;
}
