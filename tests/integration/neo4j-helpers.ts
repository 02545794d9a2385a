// Shared by the integration tests: the server the global setup found, records written as an extract output
// directory, and a full dump of the database to compare states.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { connect, type Neo4jConnection, type Neo4jSettings } from '../../src/neo4j/driver.ts';
import type { LocalNeo4j } from '../../src/neo4j/local.ts';
import { plain } from '../../src/neo4j/query.ts';
import type { Records } from '../fixtures/gold-records.ts';

export const REPO = join(import.meta.dirname, '../..');

export function testSettings(): Neo4jSettings {
  const { database, ...rest } = inject('neo4j');
  return { ...rest, database: database ?? undefined };
}

/** The tests' own local server (home, ports) when the global setup started one, else null (NEO4J_URI, Docker). */
export const testLocalNeo4j = (): LocalNeo4j | null => inject('localNeo4j');

export const openTestConnection = (): Promise<Neo4jConnection> => connect(testSettings());

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `kg-${prefix}-`));
}

/** Records → articles/entities/relations.jsonl in a new directory, as `kg extract` writes them. */
export function writeRecordsDir(records: Records, prefix = 'records'): string {
  const dir = tempDir(prefix);
  const jsonl = (xs: unknown[]) => xs.map((x) => `${JSON.stringify(x)}\n`).join('');
  writeFileSync(join(dir, 'articles.jsonl'), jsonl(records.articles));
  writeFileSync(join(dir, 'entities.jsonl'), jsonl(records.entities));
  writeFileSync(join(dir, 'relations.jsonl'), jsonl(records.relations));
  return dir;
}

/** The real extractor on the seed pages: `kg extract seeds --out DIR`. */
export function extractSeeds(): string {
  const dir = tempDir('extract');
  execFileSync(process.execPath, [join(REPO, 'bin/kg.js'), 'extract', join(REPO, 'seeds'), '--out', dir], {
    cwd: REPO,
    stdio: 'pipe',
  });
  return dir;
}

export async function cypher(
  conn: Neo4jConnection,
  query: string,
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  const { records } = await conn.driver.executeQuery(query, params, { database: conn.settings.database });
  return records.map((r) => r.toObject());
}

export async function wipeDatabase(conn: Neo4jConnection): Promise<void> {
  await cypher(conn, 'MATCH (n) DETACH DELETE n');
}

/** Every node and relationship with labels, type and all properties, sorted: equal dumps mean equal graphs. */
export async function dumpGraph(conn: Neo4jConnection): Promise<{ nodes: string[]; relationships: string[] }> {
  const nodes = await cypher(conn, 'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props');
  const rels = await cypher(
    conn,
    'MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props',
  );
  const canonical = (row: Record<string, unknown>) =>
    JSON.stringify(plain(row), (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
        : v,
    );
  return { nodes: nodes.map(canonical).sort(), relationships: rels.map(canonical).sort() };
}

/** The kg CLI's connection flags for a server's settings (the test server's by default). */
export const connectionFlags = (s: Neo4jSettings = testSettings()): string[] => [
  '--uri',
  s.uri,
  '--user',
  s.user,
  '--password',
  s.password,
  ...(s.database ? ['--database', s.database] : []),
];
