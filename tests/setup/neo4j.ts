// Vitest global setup of the "integration" project: a real Neo4j server for the tests, found in this order:
// NEO4J_URI (a server you run), a testcontainers Neo4j when a Docker engine answers, the local server of
// src/neo4j/local.ts (started here and stopped after, unless it was already running). No server → the run fails.
// The tests WIPE the database they get.
import type { TestProject } from 'vitest/node';
import { ensureLocalNeo4j } from '../../src/neo4j/local.ts';
import { connect, neo4jSettings, type Neo4jSettings } from '../../src/neo4j/driver.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string; database: string | null };
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

async function findServer(): Promise<{ settings: Neo4jSettings; where: string; stop: () => Promise<void> }> {
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
    const local = await ensureLocalNeo4j();
    return {
      settings: local.settings,
      where: local.started ? 'local server (started for the tests)' : 'local server',
      stop: local.stop,
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
  return server.stop;
}
