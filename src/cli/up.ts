// `kg up`: the main job. Extract the inputs, load Neo4j when one is configured or can be started, serve the viewer.
import type { Command } from 'commander';
import { loadRecords } from '../neo4j/load.ts';
import { browserUrlFor, neo4jForUp } from '../neo4j/local.ts';
import { formatSummary, runExtract } from '../run/extract.ts';
import { startServer } from '../server/index.ts';
import { cityFlags, DEFAULT_CITY } from '../settings.ts';
import { withProgress } from './progress.ts';

interface UpOptions {
  out: string;
  city: string[];
  date?: string;
  port: string;
  host: string;
  neo4j: boolean;
  serve: boolean;
}

export function register(program: Command): void {
  program
    .command('up')
    .description('the main job: extract, build graph.json, load Neo4j (configured or local), serve the viewer')
    .argument('[inputs...]', 'page files, folders or .jsonl files', ['seeds'])
    .option('-o, --out <dir>', 'output folder', 'out')
    .option(
      '--city <name|name=path>',
      `the paper's home city, as for kg extract (default: inferred, else ${DEFAULT_CITY})`,
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('--date <YYYY-MM-DD>', 'date of the pages, where the text gives none')
    .option('--port <n>', 'viewer port', '5173')
    .option('--host <host>', 'viewer address', '127.0.0.1')
    .option('--no-neo4j', 'do not load Neo4j; the viewer reads graph.json')
    .option('--no-serve', 'stop after extracting and loading')
    .action(async (inputs: string[], opts: UpOptions) => {
      const settings = { out: opts.out, ...cityFlags(opts.city), date: opts.date ?? null };
      const summary = await withProgress(false, (onProgress) => runExtract(inputs, settings, { onProgress }));
      console.error(formatSummary(summary));
      const conn = opts.neo4j ? await neo4jForUp((line) => console.error(line)) : null;
      if (conn) {
        const stats = await loadRecords(conn, opts.out);
        console.error(
          `neo4j: loaded ${stats.articles} articles, ${stats.entities} entities, ${stats.relations} relations into ${conn.settings.uri}`,
        );
        const browser = browserUrlFor(conn.settings.uri);
        if (browser) console.error(`neo4j: Neo4j Browser at ${browser}`);
        await conn.driver.close();
      }
      if (!opts.serve) return;
      const server = await startServer({
        graphDir: opts.out,
        port: Number(opts.port),
        host: opts.host,
        log: (l) => console.error(l),
        ...(conn ? { neo4j: conn.settings } : {}),
      });
      console.error(`viewer: serving ${conn ? `Neo4j at ${conn.settings.uri}` : `${opts.out}/graph.json`}`);
      console.log(`viewer: ${server.url}`);
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
