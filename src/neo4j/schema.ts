// Applies cypher/schema.cypher: constraints and indexes, each statement in its own transaction (Neo4j wants schema
// changes alone), then waits until the indexes are online so that the first MERGE already uses them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';

export const SCHEMA_FILE = join(import.meta.dirname, '../../cypher/schema.cypher');

/** The statements of a Cypher script: `//` comment lines dropped, split at a `;` that ends a line. */
export function cypherStatements(script: string): string[] {
  return script
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function applySchema(driver: Driver, database?: string, file = SCHEMA_FILE): Promise<number> {
  const statements = cypherStatements(readFileSync(file, 'utf8'));
  const session = driver.session({ database });
  try {
    for (const statement of statements) await session.run(statement);
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
  return statements.length;
}
