// `kg query NAME` runs cypher/queries/NAME.cypher, `kg query --cypher "…"` or `-f FILE` ad-hoc Cypher (read-only),
// and prints a table, JSON with --json or CSV with --csv.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { connect, type Neo4jSettings } from '../neo4j/driver.ts';
import {
  adHocQuery,
  formatCsv,
  formatTable,
  listQueries,
  type NamedQuery,
  readQuery,
  runQuery,
} from '../neo4j/query.ts';
import { addConnectionOptions, settingsFromFlags } from './connection.ts';

function collectParam(value: string, previous: Record<string, string>): Record<string, string> {
  const eq = value.indexOf('=');
  if (eq < 1) throw new Error(`--param wants key=value or key:type=value, not "${value}"`);
  return { ...previous, [value.slice(0, eq)]: value.slice(eq + 1) };
}

interface QueryFlags extends Partial<Neo4jSettings> {
  param: Record<string, string>;
  cypher?: string;
  file?: string;
  json?: boolean;
  csv?: boolean;
  list?: boolean;
}

/** The one query the flags ask for: a name, --cypher or -f, never two. */
function chosenQuery(name: string | undefined, flags: QueryFlags): NamedQuery {
  const given = [
    name !== undefined && `the name ${name}`,
    flags.cypher !== undefined && '--cypher',
    flags.file !== undefined && '-f',
  ];
  const chosen = given.filter(Boolean);
  if (chosen.length > 1) throw new Error(`kg query runs one query: got ${chosen.join(' and ')}`);
  if (flags.cypher !== undefined) return adHocQuery(flags.cypher);
  if (flags.file !== undefined) {
    const file = flags.file;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new Error(`-f ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    return adHocQuery(text.replace(/^\uFEFF/, ''), { file });
  }
  return readQuery(name ?? '');
}

export function register(program: Command): void {
  addConnectionOptions(program.command('query'))
    .description('run a named query of cypher/queries, or Cypher of your own, read-only, and print its answer')
    .argument('[name]', 'query name: the file name in cypher/queries without .cypher (`kg query --list` lists them)')
    .option('--cypher <cypher>', 'run this Cypher instead of a named query (in a read transaction: writes are refused)')
    .option('-f, --file <file>', 'run the Cypher of this file instead of a named query (read-only too)')
    .option(
      '--param <key=value>',
      'query parameter (repeatable): name=value, or name:type=value with type string, int, '
        + 'float, boolean or date (since:date=2024-01-01); a named query types them by its header, and parameters not '
        + 'given take its example value',
      collectParam,
      {},
    )
    .option('--json', 'print the rows as JSON')
    .option('--csv', 'print the rows as CSV (RFC 4180, UTF-8 with BOM, header row; lists and maps as JSON)')
    .option('--list', 'list the queries with their questions and parameters')
    .action(async (name: string | undefined, flags: QueryFlags) => {
      if (flags.list || (!name && flags.cypher === undefined && flags.file === undefined)) {
        for (const q of listQueries()) {
          console.log(`${q.name}: ${q.question}`);
          for (const p of q.params)
            console.log(`    --param ${p.name}=<${p.type}>  (e.g. ${p.example}) ${p.description}`);
        }
        if (!flags.list) process.exitCode = 1;
        return;
      }
      if (flags.json && flags.csv) throw new Error('--json and --csv: choose one output format');
      const query = chosenQuery(name, flags);
      const settings = settingsFromFlags(flags);
      const { driver } = await connect(settings);
      try {
        const result = await runQuery({ driver, settings }, query, flags.param);
        if (flags.csv) process.stdout.write(formatCsv(result));
        else console.log(flags.json ? JSON.stringify(result.rows, null, 2) : formatTable(result));
      } finally {
        await driver.close();
      }
    });
}
