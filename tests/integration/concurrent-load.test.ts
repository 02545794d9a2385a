// Two `kg load` processes started together on the same folder: the database ends with exactly the graph of one clean
// load (no relationship written twice), and the one that had to wait says for whom (pid, host, start time).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticGraph } from '../../bench/load.ts';
import type { Neo4jConnection } from '../../src/neo4j/driver.ts';
import { loadRecords } from '../../src/neo4j/load.ts';
import {
  dumpGraph,
  openTestConnection,
  REPO,
  testSettings,
  wipeDatabase,
  writeRecordsDir,
  connectionFlags,
} from './neo4j-helpers.ts';

let conn: Neo4jConnection;
let dir: string;
let clean: Awaited<ReturnType<typeof dumpGraph>>;

beforeAll(async () => {
  conn = await openTestConnection();
  dir = writeRecordsDir(syntheticGraph(20_000, 11), 'concurrent');
  await wipeDatabase(conn);
  await loadRecords(conn, dir);
  clean = await dumpGraph(conn);
});

afterAll(async () => {
  await conn?.driver.close();
});

/** `kg load DIR --batch 500 …` against the test server; resolves with its exit code and stderr. */
function kgLoad(extra: string[] = []): Promise<{ code: number | null; stderr: string }> {
  const s = testSettings();
  const child = spawn(
    process.execPath,
    [join(REPO, 'bin/kg.js'), 'load', dir, '--batch', '500', ...connectionFlags(s), ...extra],
    { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('two kg load at once', () => {
  it('end with the graph of one clean load, the second waiting for the first and naming it', async () => {
    await wipeDatabase(conn);
    const [a, b] = await Promise.all([kgLoad(), kgLoad()]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const after = await dumpGraph(conn);
    expect(after.relationships.length).toBe(clean.relationships.length);
    expect(after).toEqual(clean);
    const waited = [a, b].map((r) => r.stderr).find((s) => s.includes('waiting for'));
    expect(waited, `${a.stderr}\n${b.stderr}`).toMatch(
      /waiting for the kg load of pid \d+ on host \S+, started \d{4}-\d\d-\d\dT/,
    );
  }, 240_000);

  it('with --wipe, each wipes and loads in turn: the graph of one clean load', async () => {
    const [a, b] = await Promise.all([kgLoad(['--wipe']), kgLoad(['--wipe'])]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(await dumpGraph(conn)).toEqual(clean);
  }, 240_000);
});
