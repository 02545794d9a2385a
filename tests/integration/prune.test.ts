// Incremental loads: `kg extract --prune` after a page left the corpus (or changed) writes DIR/.state/last-run.json,
// and `kg load DIR` applies it, so that the database equals a clean load of the new outputs.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Neo4jConnection } from '../../src/neo4j/driver.ts';
import { loadRecords } from '../../src/neo4j/load.ts';
import { cypher, dumpGraph, openTestConnection, REPO, tempDir, wipeDatabase } from './neo4j-helpers.ts';

const PAGES = ['000_1d8b0c37187465ce', '003_ed6e154ad0e1db3a'];

let conn: Neo4jConnection;
let corpus: string;
let out: string;

const extract = () =>
  execFileSync(process.execPath, [join(REPO, 'bin/kg.js'), 'extract', corpus, '--out', out, '--prune', '--quiet'], {
    cwd: REPO,
    stdio: 'pipe',
  });

/** The graph of a clean load of the current outputs, in a wiped database; the database is left that way. */
async function cleanLoad(): Promise<Awaited<ReturnType<typeof dumpGraph>>> {
  await loadRecords(conn, out, { wipe: true });
  return dumpGraph(conn);
}

beforeAll(async () => {
  conn = await openTestConnection();
  corpus = tempDir('corpus');
  out = tempDir('out');
  for (const p of PAGES) copyFileSync(join(REPO, 'seeds', `${p}.txt`), join(corpus, `${p}.txt`));
  extract();
  await wipeDatabase(conn);
  await loadRecords(conn, out);
});

afterAll(async () => {
  await conn?.driver.close();
});

describe('kg load after kg extract --prune', () => {
  it('drops a page that left the corpus: its articles, their relations and entities only it had; the graph equals a clean load', async () => {
    const [gone = '', kept = ''] = PAGES;
    const [sharedBefore] = await cypher(conn, `MATCH (c:City {name: '聊城市'}) RETURN c.articles AS articles`);
    expect(((sharedBefore?.articles ?? []) as string[]).some((a) => a.startsWith(`${gone}#`))).toBe(true);

    rmSync(join(corpus, `${gone}.txt`));
    extract();
    const stats = await loadRecords(conn, out);
    expect(stats.pruned?.articles).toBeGreaterThan(0);
    expect(stats.pruned?.entities).toBeGreaterThan(0);
    const after = await dumpGraph(conn);

    const [left] = await cypher(conn, `MATCH (a:Article) WHERE a.id STARTS WITH $p RETURN count(a) AS n`, {
      p: `${gone}#`,
    });
    expect(Number(left?.n)).toBe(0);
    const [rels] = await cypher(conn, `MATCH ()-[r]->() WHERE r.article STARTS WITH $p RETURN count(r) AS n`, {
      p: `${gone}#`,
    });
    expect(Number(rels?.n)).toBe(0);
    const [shared] = await cypher(conn, `MATCH (c:City {name: '聊城市'}) RETURN c.articles AS articles`);
    expect(((shared?.articles ?? []) as string[]).every((a) => a.startsWith(`${kept}#`))).toBe(true);

    expect(after).toEqual(await cleanLoad());
  });

  it('replaces a page whose text changed, and loading the same outputs again changes nothing', async () => {
    const [, kept = ''] = PAGES;
    const page = join(corpus, `${kept}.txt`);
    const text = readFileSync(page, 'utf8');
    // The page loses its second half: its articles change, some of its entities and relations disappear.
    writeFileSync(page, text.slice(0, Math.floor(text.length / 2)));
    const before = await dumpGraph(conn);
    extract();
    await loadRecords(conn, out);
    const after = await dumpGraph(conn);
    expect(after).not.toEqual(before);
    await loadRecords(conn, out);
    expect(await dumpGraph(conn)).toEqual(after);
    expect(after).toEqual(await cleanLoad());
  });
});
