// The named queries over the viewer's API, against a real Neo4j loaded from the real extractor output of the seeds:
// the listing, a run that gives what `kg query` gives plus the nodes the rows name, the row cap, bad parameters, and
// the 409 of a server that reads graph.json.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Neo4jConnection } from '../../src/neo4j/driver.ts';
import { loadRecords } from '../../src/neo4j/load.ts';
import { readQuery, runQuery } from '../../src/neo4j/query.ts';
import { buildApp } from '../../src/server/app.ts';
import { openGraphFile } from '../../src/server/graph-file.ts';
import { openNeo4j } from '../../src/server/neo4j.ts';
import { QUERY_LIMITS, type QueryAnswer, type QueryListing } from '../../src/server/queries.ts';
import { extractSeeds, openTestConnection, testSettings, wipeDatabase } from './neo4j-helpers.ts';

let conn: Neo4jConnection;
let seedsDir: string;
let queriesDir: string;
let neo: FastifyInstance;
let file: FastifyInstance;
let custom: FastifyInstance;

const post = (app: FastifyInstance, name: string, payload: unknown) =>
  app.inject({ method: 'POST', url: `/api/queries/${name}`, payload: payload as object });

beforeAll(async () => {
  conn = await openTestConnection();
  seedsDir = extractSeeds();
  await wipeDatabase(conn);
  await loadRecords(conn, seedsDir);
  const backend = openNeo4j(testSettings());
  neo = await buildApp({ backend });
  file = await buildApp({ backend: await openGraphFile(seedsDir) });
  // Queries of a folder of their own, to reach the row cap and to try a write.
  queriesDir = mkdtempSync(join(tmpdir(), 'kg-queries-'));
  writeFileSync(
    join(queriesDir, 'many.cypher'),
    '// question: Many numbers?\n// param n: int = 10 — how many\nUNWIND range(1, $n) AS i RETURN i\n',
  );
  writeFileSync(join(queriesDir, 'write.cypher'), '// question: Can it write?\nCREATE (x:Scratch) RETURN x\n');
  custom = await buildApp({ backend, queriesDir });
});

afterAll(async () => {
  await neo?.close();
  await file?.close();
  await custom?.close();
  await conn?.driver.close();
  if (seedsDir) rmSync(seedsDir, { recursive: true, force: true });
  if (queriesDir) rmSync(queriesDir, { recursive: true, force: true });
});

describe('the named queries over the API', () => {
  it('lists every query with its question and typed parameters', async () => {
    const res = await neo.inject({ url: '/api/queries' });
    expect(res.statusCode).toBe(200);
    const list = res.json() as QueryListing[];
    const county = list.find((q) => q.name === 'county_projects');
    expect(county?.question).toBe(readQuery('county_projects').question);
    expect(county?.params).toEqual([expect.objectContaining({ name: 'county', type: 'string', example: '东阿县' })]);
    expect(county?.params[0]?.entity).toBe(true);
    expect(list.find((q) => q.name === 'search')?.params.map((p) => [p.name, p.type, p.entity])).toEqual([
      ['q', 'string', false],
      ['limit', 'int', false],
    ]);
  });

  it('runs a query read-only: the rows kg query gives, and the nodes they name', async () => {
    const res = await post(neo, 'county_projects', { county: '东阿县' });
    expect(res.statusCode).toBe(200);
    const answer = res.json() as QueryAnswer;
    const direct = await runQuery(conn, readQuery('county_projects'), { county: '东阿县' });
    expect(answer.rows.length).toBeGreaterThan(0);
    expect(answer.columns).toEqual(direct.columns);
    expect(answer.rows).toEqual(direct.rows);
    expect(answer.truncated).toBe(false);
    const ids = answer.nodes.map((n) => n.id);
    expect(ids).toContain('County:东阿县');
    for (const row of answer.rows) expect(ids).toContain(`Project:${row.project}`);
  });

  it('takes numbers as JSON numbers and fills a missing parameter with its example', async () => {
    const five = (await post(neo, 'largest_projects', { limit: 5 }).then((r) => r.json())) as QueryAnswer;
    expect(five.rows.length).toBe(5);
    const example = readQuery('largest_projects').params[0]?.example ?? '';
    const byDefault = (await post(neo, 'largest_projects', {}).then((r) => r.json())) as QueryAnswer;
    const byExample = (await post(neo, 'largest_projects', { limit: Number(example) }).then((r) =>
      r.json(),
    )) as QueryAnswer;
    expect(byDefault.rows.length).toBeGreaterThan(5);
    expect(byDefault.rows).toEqual(byExample.rows);
  });

  it('caps the rows and says so', async () => {
    const under = (await post(custom, 'many', { n: 7 }).then((r) => r.json())) as QueryAnswer;
    expect(under.rows.map((r) => r.i)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(under.truncated).toBe(false);
    const over = (await post(custom, 'many', { n: QUERY_LIMITS.maxRows + 500 }).then((r) => r.json())) as QueryAnswer;
    expect(over.rows.length).toBe(QUERY_LIMITS.maxRows);
    expect(over.truncated).toBe(true);
  });

  it('refuses bad parameters with a 400 naming them, an unknown query with a 404, a write with an error', async () => {
    const bad = await post(neo, 'largest_projects', { limit: 'ten' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/parameter limit must be a whole number, not "ten"/);
    const unknown = await post(neo, 'county_projects', { town: '铜城街道' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatch(/no parameter town; it takes: county \(string\)/);
    const nested = await post(neo, 'county_projects', { county: ['东阿县'] });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().error).toMatch(/parameter "county" must be a string, number or boolean/);
    const missing = await post(neo, 'no_such_query', {});
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatch(/no query "no_such_query".*county_projects/);
    const write = await post(custom, 'write', {});
    expect(write.statusCode).toBe(500);
    expect(write.json().error).toMatch(/it writes to the database/);
    const { records } = await conn.driver.executeQuery('MATCH (x:Scratch) RETURN count(x) AS n');
    expect(records[0]?.get('n').toNumber()).toBe(0);
  });

  it('answers 409 over graph.json, saying how to serve from Neo4j', async () => {
    for (const res of [await file.inject({ url: '/api/queries' }), await post(file, 'county_projects', {})]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatch(
        /need Neo4j.*npm run neo4j -- start.*NEO4J_URI=bolt:\/\/127\.0\.0\.1:7687 kg serve/,
      );
    }
  });
});
