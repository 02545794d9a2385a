// The delta of the last `kg extract` run (DIR/.state/last-run.json, format in src/state/delta.ts) applied to Neo4j
// before `kg load` writes the output files: what the previous outputs had and the new ones drop or replace is deleted,
// so that the load that follows ends with the graph a clean load of the new outputs gives.
//   - articles removed or changed: their Article nodes (with MENTIONS/REPORTED) and every relationship whose
//     `article` is one of them go; their ids leave every entity's `articles` list (the load adds back the current ones);
//   - entities changed: their `aliases` are emptied (the load sets the current ones, which replace the old);
//   - entities removed, and entities left with no article: deleted with their relationships.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';

export const LAST_RUN_FILE = join('.state', 'last-run.json');

const ids = z.array(z.string());
const IdDelta = z.object({ added: ids, changed: ids, removed: ids });

/** The part of src/state/delta.ts RunDelta the loader uses (checked, so that a damaged file is named, not guessed at). */
export const LoadDelta = z.object({ version: z.number(), full: z.boolean(), articles: IdDelta, entities: IdDelta });
export type LoadDelta = z.infer<typeof LoadDelta>;

/** DIR/.state/last-run.json, or null when the directory has none (written by an older `kg extract`, or by hand). */
export function readDelta(dir: string): LoadDelta | null {
  const file = join(dir, LAST_RUN_FILE);
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(
      `${file}: not JSON (${(err as Error).message}); run kg extract again, or delete the file to load without pruning`,
    );
  }
  const parsed = LoadDelta.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

export interface PruneStats {
  articles: number;
  entities: number;
  relationships: number;
}

/** What the delta takes out of the graph; the article ids are the removed and the changed ones. */
export function pruneParams(delta: LoadDelta): {
  gone: string[];
  changedEntities: string[];
  removedEntities: string[];
} {
  return {
    gone: [...delta.articles.removed, ...delta.articles.changed],
    changedEntities: delta.entities.changed,
    removedEntities: delta.entities.removed,
  };
}

/** Nothing to take out: a first (full) run, or a run that only added. */
export const prunes = (delta: LoadDelta): boolean => {
  const p = pruneParams(delta);
  return !delta.full && p.gone.length + p.changedEntities.length + p.removedEntities.length > 0;
};

const count = (rec: { get(key: string): unknown } | undefined, key: string): number =>
  (rec?.get(key) as { toNumber(): number } | undefined)?.toNumber() ?? 0;

/** Applies the delta in one transaction (so a failure leaves the graph as it was); returns what it deleted. */
export async function applyDelta(tx: ManagedTransaction, delta: LoadDelta): Promise<PruneStats> {
  const params = pruneParams(delta);
  // Relationships first: those between entities carry their article only as a property.
  const rels = await tx.run(`MATCH ()-[r]->() WHERE r.article IN $gone DELETE r RETURN count(r) AS n`, params);
  const articles = await tx.run(`MATCH (a:Article) WHERE a.id IN $gone DETACH DELETE a RETURN count(a) AS n`, params);
  await tx.run(
    `MATCH (n) WHERE n.articles IS NOT NULL AND any(x IN n.articles WHERE x IN $gone)
SET n.articles = [x IN n.articles WHERE NOT x IN $gone]`,
    params,
  );
  // A changed entity's aliases and corrections (src/correct/) come back whole from the files: an undone one goes.
  await tx.run(
    `MATCH (n) WHERE n.id IN $changedEntities AND NOT n:Article
SET n.aliases = [] REMOVE n.corrected`,
    params,
  );
  const entities = await tx.run(
    `MATCH (n) WHERE NOT n:Article AND (n.id IN $removedEntities OR (n.articles IS NOT NULL AND size(n.articles) = 0))
DETACH DELETE n RETURN count(n) AS n`,
    params,
  );
  return {
    articles: count(articles.records[0], 'n'),
    entities: count(entities.records[0], 'n'),
    relationships: count(rels.records[0], 'n'),
  };
}
