// `kg up` (what `npm start` runs) and the local server it loads, here a local server set up as a user's would be
// (KG_NEO4J_HOME and ports through the environment, no NEO4J_URI): the first run starts it and loads the seeds, the
// next one finds it running and loads again without a change. The integration tests run on a server of their own,
// so that a user's loaded graph survives `npm test`: checked at the end against this one.
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Neo4jConnection } from '../../src/neo4j/driver.ts';
import {
  freePort,
  type LocalNeo4j,
  localNeo4j,
  localNeo4jStatus,
  makeNeo4jHome,
  stopLocalNeo4j,
} from '../../src/neo4j/local.ts';
import { cypher, dumpGraph, REPO, tempDir, testLocalNeo4j, testSettings } from './neo4j-helpers.ts';

let user: LocalNeo4j;
let env: NodeJS.ProcessEnv;
let out: string;

beforeAll(async () => {
  const home = tempDir('user-home');
  makeNeo4jHome(home);
  const ports = { NEO4J_BOLT_PORT: String(await freePort()), NEO4J_HTTP_PORT: String(await freePort()) };
  env = { ...process.env, KG_NEO4J_HOME: home, ...ports };
  delete env.NEO4J_URI;
  user = localNeo4j(env);
  out = tempDir('up-out');
});

afterAll(async () => {
  if (!user) return;
  await stopLocalNeo4j(user);
  rmSync(user.home, { recursive: true, force: true });
}, 120_000);

const kgUp = async () =>
  promisify(execFile)(process.execPath, [join(REPO, 'bin/kg.js'), 'up', 'seeds', '--out', out, '--no-serve'], {
    cwd: REPO,
    env,
  });

async function withUserServer<T>(use: (conn: Neo4jConnection) => Promise<T>): Promise<T> {
  const conn = await connect({ uri: user.uri, user: user.user, password: user.password });
  try {
    return await use(conn);
  } finally {
    await conn.driver.close();
  }
}

const lines = (file: string) => readFileSync(join(out, file), 'utf8').split('\n').filter(Boolean).length;

describe('kg up on the local server', () => {
  it('starts the local server when none answers, loads the seeds into it, and leaves it running', async () => {
    expect(localNeo4jStatus(user).running).toBe(false);
    const { stderr } = await kgUp();
    expect(stderr).toContain('neo4j: started the local server; it keeps running');
    expect(stderr).toContain(`into ${user.uri}`);
    expect(localNeo4jStatus(user).running).toBe(true);
    const [count] = await withUserServer((conn) => cypher(conn, 'MATCH (a:Article) RETURN count(a) AS n'));
    expect(Number(count?.n)).toBe(lines('articles.jsonl'));
  }, 300_000);

  it('uses the running server the next time and loads the same graph again without a change', async () => {
    const before = await withUserServer(dumpGraph);
    const { stderr } = await kgUp();
    expect(stderr).not.toContain('started the local server');
    expect(stderr).toContain(`into ${user.uri}`);
    expect(await withUserServer(dumpGraph)).toEqual(before);
  }, 300_000);

  // The hazard this guards: the tests used to fall back on the local server at the default home and port, which is
  // where `npm start` loads the user's graph, and wiped it.
  it.skipIf(!testLocalNeo4j())(
    'is not the server the integration tests wipe: theirs has a home and ports of its own',
    () => {
      const tests = testLocalNeo4j();
      const defaults = localNeo4j({ ...process.env, KG_NEO4J_HOME: '', NEO4J_BOLT_PORT: '', NEO4J_HTTP_PORT: '' });
      expect(testSettings().uri).toBe(tests?.uri);
      for (const server of [defaults, user]) {
        expect(tests?.home).not.toBe(server.home);
        expect(tests?.port).not.toBe(server.port);
        expect(tests?.httpPort).not.toBe(server.httpPort);
      }
    },
  );
});
