// Corrected outputs in a real Neo4j: `kg load` of the corrected seeds shows the merged company with `corrected` and no
// node for the merged-away id; and a database loaded before the corrections, loaded again without --wipe (the
// last run's delta), ends equal to a clean load of the corrected outputs.
import { cpSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Neo4jConnection } from '../../src/neo4j/driver.ts';
import { loadRecords } from '../../src/neo4j/load.ts';
import { correctedSeeds, kgOk, ROOT, type CorrectedSeeds } from '../fixtures/corrected-seeds.ts';
import { cypher, dumpGraph, openTestConnection, tempDir, testSettings, wipeDatabase } from './neo4j-helpers.ts';

let conn: Neo4jConnection;
let s: CorrectedSeeds;
const dirs: string[] = [];

beforeAll(async () => {
  conn = await openTestConnection();
  s = correctedSeeds();
  await wipeDatabase(conn);
  const t = testSettings();
  kgOk(
    'load',
    s.out,
    '--wipe',
    '--uri',
    t.uri,
    '--user',
    t.user,
    '--password',
    t.password,
    ...(t.database ? ['--database', t.database] : []),
  );
});

afterAll(async () => {
  await conn?.driver.close();
  for (const d of [s?.out, ...dirs]) if (d) rmSync(d, { recursive: true, force: true });
});

/**
 * The graph with each node's `articles` as a set: the delta's reload of an article appends it to the lists again, so
 * an incremental load keeps the members of a clean load's lists, not always their order (src/neo4j/prune.ts).
 */
async function graphOf(): Promise<{ nodes: string[]; relationships: string[] }> {
  const { nodes, relationships } = await dumpGraph(conn);
  const sortArticles = (n: string) => {
    const node = JSON.parse(n) as { props: { articles?: string[] } };
    node.props.articles?.sort();
    return JSON.stringify(node);
  };
  return { nodes: nodes.map(sortArticles).sort(), relationships };
}

describe('kg load of corrected outputs', () => {
  it('has the merged node with corrected, its aliases, and no node for the merged-away id', async () => {
    const rows = await cypher(
      conn,
      'MATCH (n:Company {id: $id}) RETURN n.corrected AS corrected, n.aliases AS aliases',
      { id: s.into.id },
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.corrected).toBe(`merged ${s.away.id}`);
    expect(rows[0]!.aliases).toContain(s.away.name);
    expect(await cypher(conn, 'MATCH (n {id: $id}) RETURN n', { id: s.away.id })).toEqual([]);
  });

  it('has the renamed project under its new id only, with its relations', async () => {
    const rows = await cypher(
      conn,
      'MATCH (p:Project {id: $id}) RETURN p.corrected AS corrected, COUNT { (p)--() } AS degree',
      { id: `Project:${s.newName}` },
    );
    expect(rows[0]?.corrected).toBe(`renamed from ${s.renamed.id}`);
    expect(Number(rows[0]?.degree)).toBeGreaterThan(0);
    expect(await cypher(conn, 'MATCH (n {id: $id}) RETURN n', { id: s.renamed.id })).toEqual([]);
  });

  it('brings a database loaded before the corrections to the corrected graph by the delta, and back when removed', async () => {
    const clean = await graphOf();
    // The same folder without its corrections, loaded clean: the database as it was before `kg correct`.
    const out = tempDir('uncorrected');
    dirs.push(out);
    cpSync(s.out, out, { recursive: true });
    unlinkSync(join(out, 'corrections.jsonl'));
    kgOk('extract', join(ROOT, 'seeds'), '--out', out, '--quiet');
    await loadRecords(conn, out, { wipe: true });
    const uncorrected = await graphOf();
    expect(uncorrected).not.toEqual(clean);
    // The corrections back, extracted again, loaded without --wipe: the delta removes what they changed.
    cpSync(join(s.out, 'corrections.jsonl'), join(out, 'corrections.jsonl'));
    kgOk('extract', join(ROOT, 'seeds'), '--out', out, '--quiet');
    await loadRecords(conn, out);
    expect(await graphOf()).toEqual(clean);
    // And without them again: the database as before.
    unlinkSync(join(out, 'corrections.jsonl'));
    kgOk('extract', join(ROOT, 'seeds'), '--out', out, '--quiet');
    await loadRecords(conn, out);
    expect(await graphOf()).toEqual(uncorrected);
  });
});
