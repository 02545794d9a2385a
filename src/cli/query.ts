// `kg query NAME`: runs cypher/queries/NAME.cypher (read-only) and prints a table, or JSON with --json.
import type { Command } from 'commander';
import { connect, type Neo4jSettings } from '../neo4j/driver.ts';
import { formatTable, listQueries, readQuery, runQuery } from '../neo4j/query.ts';
import { addConnectionOptions, settingsFromFlags } from './connection.ts';

function collectParam(value: string, previous: Record<string, string>): Record<string, string> {
  const eq = value.indexOf('=');
  if (eq < 1) throw new Error(`--param wants key=value, not "${value}"`);
  return { ...previous, [value.slice(0, eq)]: value.slice(eq + 1) };
}

export function register(program: Command): void {
  addConnectionOptions(program.command('query'))
    .description('run a named query of cypher/queries and print its answer (`kg query --list` lists them)')
    .argument('[name]', 'query name: the file name in cypher/queries without .cypher')
    .option('--param <key=value>', 'query parameter (repeatable); parameters not given take the example value of the header', collectParam, {})
    .option('--json', 'print the rows as JSON')
    .option('--list', 'list the queries with their questions and parameters')
    .action(async (name: string | undefined, flags: Partial<Neo4jSettings> & { param: Record<string, string>; json?: boolean; list?: boolean }) => {
      if (flags.list || !name) {
        for (const q of listQueries()) {
          console.log(`${q.name}: ${q.question}`);
          for (const p of q.params) console.log(`    --param ${p.name}=<${p.type}>  (e.g. ${p.example}) ${p.description}`);
        }
        if (!name && !flags.list) process.exitCode = 1;
        return;
      }
      const query = readQuery(name);
      const settings = settingsFromFlags(flags);
      const { driver } = await connect(settings);
      try {
        const result = await runQuery({ driver, settings }, query, flags.param);
        console.log(flags.json ? JSON.stringify(result.rows, null, 2) : formatTable(result));
      } finally {
        await driver.close();
      }
    });
}
