// `startServer` is what `kg serve` and `kg up` call: it opens the graph store, builds the viewer when its static files
// are missing, and listens (on 127.0.0.1 unless told otherwise).
import { existsSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { buildApp, serverHostNames } from './app.ts';
import type { GraphBackend } from './backend.ts';
import { openGraphFile } from './graph-file.ts';
import { describeNeo4jError } from '../neo4j/driver.ts';
import { openNeo4j, type Neo4jConfig } from './neo4j.ts';

export { buildApp } from './app.ts';
export type { GraphBackend } from './backend.ts';
export { graphBackend, openGraphFile } from './graph-file.ts';
export { neo4jConfigFromEnv, openNeo4j, type Neo4jConfig } from './neo4j.ts';

export const VIEWER_DIR = resolve(import.meta.dirname, '../../viewer');
export const VIEWER_DIST = join(VIEWER_DIR, 'dist');

/** Builds viewer/ into viewer/dist with Vite, when it is not built yet or when `force` is set. */
export async function ensureViewerBuilt({ force = false, log = (_: string) => {} } = {}): Promise<string> {
  if (!force && existsSync(join(VIEWER_DIST, 'index.html'))) return VIEWER_DIST;
  log(`building the viewer into ${VIEWER_DIST} …`);
  const { build } = await import('vite');
  await build({ root: VIEWER_DIR, configFile: join(VIEWER_DIR, 'vite.config.ts'), logLevel: 'warn' });
  return VIEWER_DIST;
}

export interface ServerOptions {
  /** Folder holding graph.json; used when no Neo4j is given. */
  graphDir?: string;
  port?: number;
  host?: string;
  neo4j?: Neo4jConfig;
  /** Build the viewer even when viewer/dist exists. */
  rebuild?: boolean;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  backend: GraphBackend;
  close(): Promise<void>;
}

export async function startServer({
  graphDir,
  port = 5173,
  host = '127.0.0.1',
  neo4j,
  rebuild = false,
  log = () => {},
}: ServerOptions): Promise<RunningServer> {
  if (!neo4j && !graphDir) throw new Error('startServer: give a graph folder (graph.json) or a Neo4j connection');
  const backend = neo4j ? openNeo4j(neo4j) : await openGraphFile(graphDir!);
  try {
    // Fail now, with one line saying what is wrong, rather than on the first click.
    if (neo4j)
      await backend
        .stats()
        .catch((err: unknown) => Promise.reject(new Error(describeNeo4jError(err, neo4j), { cause: err })));
    const staticDir = await ensureViewerBuilt({ force: rebuild, log });
    const addresses = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
    const machine = [hostname(), ...addresses];
    const app = await buildApp({ backend, staticDir, hostNames: serverHostNames(host, machine) });
    await app.listen({ port, host });
    const address = app.server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const shownHost = host.includes(':') ? `[${host}]` : host;
    return {
      url: `http://${shownHost}:${actualPort}/`,
      backend,
      async close() {
        await app.close();
        await backend.close();
      },
    };
  } catch (err) {
    await backend.close();
    throw err;
  }
}
