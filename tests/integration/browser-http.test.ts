// Neo4j Browser and the HTTP API of the local server (src/neo4j/local.ts, what `npm run neo4j -- start` runs):
// /browser/ serves the Browser's page and POST /db/neo4j/tx/commit runs Cypher with basic auth. Only when the tests run
// on a local server of their own; a NEO4J_URI or testcontainers server has its HTTP port elsewhere.
import { describe, expect, it } from 'vitest';
import { browserUrlFor } from '../../src/neo4j/local.ts';
import { testLocalNeo4j, testSettings } from './neo4j-helpers.ts';

const settings = testSettings();
const local = testLocalNeo4j();
const browser = local ? browserUrlFor(settings.uri, local) : undefined;
const origin = browser ? new URL(browser).origin : '';
const auth = `Basic ${Buffer.from(`${settings.user}:${settings.password}`).toString('base64')}`;

describe.skipIf(!browser)('Neo4j Browser on the local server', () => {
  it(`serves the Browser's page at ${browser}`, async () => {
    const res = await fetch(`${origin}/browser/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('<title>Neo4j Browser</title>');
  });

  it('answers / with the Bolt address the Browser connects to', async () => {
    const res = await fetch(`${origin}/`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { bolt_direct?: string };
    expect(body.bolt_direct).toBe(settings.uri);
  });

  it('runs RETURN 1 through POST /db/neo4j/tx/commit with basic auth, and refuses a wrong password', async () => {
    const post = (authorization: string) =>
      fetch(`${origin}/db/neo4j/tx/commit`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ statements: [{ statement: 'RETURN 1 AS one' }] }),
      });
    const res = await post(auth);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      results: { columns: string[]; data: { row: unknown[] }[] }[];
      errors: unknown[];
    };
    expect(body.errors).toEqual([]);
    expect(body.results[0]?.columns).toEqual(['one']);
    expect(body.results[0]?.data.map((d) => d.row)).toEqual([[1]]);
    const wrong = await post(`Basic ${Buffer.from(`${settings.user}:not-the-password`).toString('base64')}`);
    expect(wrong.status).toBe(401);
  });
});
