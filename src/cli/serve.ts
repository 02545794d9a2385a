// `kg serve`: the graph viewer and its JSON API, over Neo4j (when NEO4J_URI is set) or DIR/graph.json.
import type { Command } from 'commander';
import { neo4jConfigFromEnv, startServer } from '../server/index.ts';

const DEFAULT_GRAPH_DIR = 'out';

function portNumber(raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 0 || n > 65535)
    throw new Error(`--port must be a number from 0 to 65535, got "${raw}"`);
  return n;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the graph viewer and its API (Neo4j when NEO4J_URI is set, else DIR/graph.json)')
    .option('--port <n>', 'port to listen on (0: any free port)', portNumber, 5173)
    .option('--host <host>', 'address to bind; other machines can connect only if you widen it', '127.0.0.1')
    .option(
      '--graph <dir>',
      `folder with graph.json from \`kg extract\` (default ${DEFAULT_GRAPH_DIR}; given, it wins over NEO4J_URI)`,
    )
    .option('--rebuild', 'rebuild the viewer even if viewer/dist exists')
    .action(async (opts: { port: number; host: string; graph?: string; rebuild?: boolean }) => {
      const neo4j = opts.graph ? undefined : neo4jConfigFromEnv();
      const server = await startServer({
        graphDir: opts.graph ?? DEFAULT_GRAPH_DIR,
        port: opts.port,
        host: opts.host,
        neo4j,
        rebuild: opts.rebuild,
        log: (line) => console.error(line),
      });
      const stats = await server.backend.stats();
      console.error(`graph: ${stats.nodes} nodes, ${stats.edges} edges (${stats.source})`);
      console.log(`viewer: ${server.url}`);
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
