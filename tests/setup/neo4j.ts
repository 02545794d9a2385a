// Vitest global setup of the "integration" project: a real Neo4j server for the tests, found in this order:
// NEO4J_URI (a server you run), a testcontainers Neo4j when a Docker engine answers, else a local server of the
// tests' own (src/neo4j/local.ts startScratchNeo4j: a temporary home on free ports, started here, stopped and removed
// after). No server → the run fails. The tests WIPE the database they get, so the fallback is never the user's
// server on bolt://127.0.0.1:7687 (`npm start` loads the user's graph there).
import type { TestProject } from 'vitest/node';
import { type LocalNeo4j, startScratchNeo4j } from '../../src/neo4j/local.ts';
import { connect, neo4jSettings, type Neo4jSettings } from '../../src/neo4j/driver.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string; database: string | null };
    /** The tests' own local server when they run on one (its home and ports), else null. */
    localNeo4j: LocalNeo4j | null;
  }
}

async function dockerAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

interface TestServer {
  settings: Neo4jSettings;
  where: string;
  local?: LocalNeo4j;
  stop: () => Promise<void>;
}

async function findServer(): Promise<TestServer> {
  if (process.env.NEO4J_URI) return { settings: neo4jSettings(), where: 'NEO4J_URI', stop: async () => {} };
  if (await dockerAnswers()) {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    const password = neo4jSettings().password;
    const container = await new Neo4jContainer('neo4j:5.26-community').withPassword(password).start();
    return {
      settings: { uri: container.getBoltUri(), user: container.getUsername(), password: container.getPassword() },
      where: 'testcontainers',
      stop: async () => void (await container.stop()),
    };
  }
  try {
    const scratch = await startScratchNeo4j();
    return {
      settings: scratch.settings,
      where: `a local server of the tests' own in ${scratch.local.home}`,
      local: scratch.local,
      stop: scratch.stop,
    };
  } catch (err) {
    throw new Error(
      'integration tests need a Neo4j 5 server and found none: set NEO4J_URI (+ NEO4J_USER/NEO4J_PASSWORD), '
        + 'or run a Docker engine (testcontainers), or install Java 17+ and Maven for the local server '
        + `(\`npm run neo4j -- install\`). The local server failed with: ${(err as Error).message}`,
    );
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await findServer();
  // Fail here, once, with a clear line, rather than in every test.
  const { driver } = await connect(server.settings);
  await driver.close();
  console.error(`integration tests use Neo4j at ${server.settings.uri} (${server.where})`);
  project.provide('neo4j', { ...server.settings, database: server.settings.database ?? null });
  project.provide('localNeo4j', server.local ?? null);
  return server.stop;
}
