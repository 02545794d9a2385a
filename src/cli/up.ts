// `kg up`: the main job. Extract the inputs, load Neo4j when one is configured or can be started, serve the viewer.
import type { Command } from 'commander';
import { ensureLocalNeo4j } from '../../scripts/neo4j.ts';
import { connect, neo4jSettings, type Neo4jConnection } from '../neo4j/driver.ts';
import { loadRecords } from '../neo4j/load.ts';
import { startServer } from '../server/index.ts';
import { printSummary, runExtract } from './extract.ts';

interface UpOptions { out: string; city?: string; date?: string; port: string; host: string; neo4j: boolean; serve: boolean }

export function register(program: Command): void {
  program
    .command('up')
    .description('the main job: extract, build graph.json, load Neo4j (configured or local), serve the viewer')
    .argument('[inputs...]', 'page files, folders or .jsonl files', ['seeds'])
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('--city <name>', "the paper's home city", '聊城市')
    .option('--date <YYYY-MM-DD>', 'date of the pages, where the text gives none')
    .option('--port <n>', 'viewer port', '5173')
    .option('--host <host>', 'viewer address', '127.0.0.1')
    .option('--no-neo4j', 'do not load Neo4j; the viewer reads graph.json')
    .option('--no-serve', 'stop after extracting and loading')
    .action(async (inputs: string[], opts: UpOptions) => {
      const summary = await runExtract(inputs, { out: opts.out, ...(opts.city ? { city: opts.city } : {}), ...(opts.date ? { date: opts.date } : {}) });
      printSummary(summary);
      const conn = opts.neo4j ? await neo4jForUp() : null;
      if (conn) {
        const stats = await loadRecords(conn, opts.out);
        console.error(`neo4j: loaded ${stats.articles} articles, ${stats.entities} entities, ${stats.relations} relations into ${conn.settings.uri}`);
        await conn.driver.close();
      }
      if (!opts.serve) return;
      const server = await startServer({
        graphDir: opts.out, port: Number(opts.port), host: opts.host, log: (l) => console.error(l),
        ...(conn ? { neo4j: conn.settings } : {}),
      });
      console.error(`viewer: serving ${conn ? `Neo4j at ${conn.settings.uri}` : `${opts.out}/graph.json`}`);
      console.log(`viewer: ${server.url}`);
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

/**
 * NEO4J_URI set: that server, and failing to reach it is an error. Otherwise a server answering on the local Bolt
 * address, or the local server started from Maven Central jars; if neither can be had, say why and go on without.
 */
async function neo4jForUp(): Promise<Neo4jConnection | null> {
  if (process.env.NEO4J_URI) return connect(neo4jSettings());
  try {
    console.error('neo4j: looking for a server on the local Bolt address, starting the local one if needed…');
    const handle = await ensureLocalNeo4j();
    if (handle.started) console.error('neo4j: started the local server; it keeps running (stop it with `npm run neo4j -- stop`)');
    return await connect(handle.settings);
  } catch (err) {
    console.error(`neo4j: not loaded (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); the viewer reads graph.json`);
    return null;
  }
}
