// Faults during `kg load`: the loader killed mid-run (SIGKILL), then run again, ends with the graph of a clean load;
// a Neo4j restart during a load is retried (or the load fails with one line naming the batch), and a re-run again
// ends with the clean-load graph. Runs the real command on a synthetic extract folder big enough to take seconds.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticGraph } from '../../bench/load.ts';
import { startLocalNeo4j, stopLocalNeo4j } from '../../src/neo4j/local.ts';
import type { Neo4jConnection } from '../../src/neo4j/driver.ts';
import { loadRecords } from '../../src/neo4j/load.ts';
import {
  connectionFlags,
  cypher,
  dumpGraph,
  openTestConnection,
  REPO,
  testLocalNeo4j,
  testSettings,
  wipeDatabase,
  writeRecordsDir,
} from './neo4j-helpers.ts';

/** Small batches, so that the load spans many transactions and a fault lands in the middle of it. */
const BATCH = '500';

let conn: Neo4jConnection;
let dir: string;
let clean: Awaited<ReturnType<typeof dumpGraph>>;

beforeAll(async () => {
  conn = await openTestConnection();
  dir = writeRecordsDir(syntheticGraph(30_000, 7), 'faults');
  await wipeDatabase(conn);
  await loadRecords(conn, dir);
  clean = await dumpGraph(conn);
});

afterAll(async () => {
  await conn?.driver.close();
});

interface Run {
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  kill: () => void;
}

/** `kg load DIR --batch 500` against the test server, in the background. */
function kgLoad(): Run {
  const s = testSettings();
  const child = spawn(
    process.execPath,
    [join(REPO, 'bin/kg.js'), 'load', dir, '--batch', BATCH, ...connectionFlags(s)],
    { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
  return { exited, kill: () => child.kill('SIGKILL') };
}

const relationshipCount = async (): Promise<number> =>
  Number((await cypher(conn, 'MATCH ()-[r]->() RETURN count(r) AS n'))[0]?.n);

/** Waits until the running load has committed some relationships, but not all: the middle of the run. */
async function midRun(run: Run): Promise<void> {
  let finished = false;
  void run.exited.then(() => (finished = true));
  for (;;) {
    if (finished)
      throw new Error('the load finished before it could be interrupted (make the synthetic folder bigger)');
    const n = await relationshipCount().catch(() => 0);
    if (n > 0) {
      expect(n).toBeLessThan(clean.relationships.length);
      return;
    }
    await sleep(100);
  }
}

describe('kg load under faults', () => {
  it('killed mid-run (SIGKILL) and run again, ends with the graph of a clean load', async () => {
    await wipeDatabase(conn);
    const run = kgLoad();
    await midRun(run);
    run.kill();
    expect((await run.exited).signal).toBe('SIGKILL');
    const partial = await dumpGraph(conn);
    expect(partial.relationships.length).toBeLessThan(clean.relationships.length);

    const again = await kgLoad().exited;
    expect(again.code, again.stderr).toBe(0);
    const after = await dumpGraph(conn);
    expect(after.nodes.length).toBe(clean.nodes.length);
    expect(after.relationships.length).toBe(clean.relationships.length);
    expect(after).toEqual(clean);
  }, 180_000);

  const local = testLocalNeo4j();
  it.skipIf(!local)(
    'survives a Neo4j restart during a load (retried, or one line naming the batch), and a re-run gives the clean-load graph',
    async () => {
      await wipeDatabase(conn);
      const run = kgLoad();
      await midRun(run);
      if (!local) return;
      await stopLocalNeo4j(local);
      await startLocalNeo4j(local);
      const { code, stderr } = await run.exited;
      // Which way it went, for the reader of the test log (both are correct outcomes).
      console.error(`load across a Neo4j restart: exit ${code}; its stderr:\n${stderr.replace(/\r[^\n]*/g, '')}`);
      const lines = stderr
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      if (code === 0) {
        // The server was down for longer than the driver's own silent retries: the loader's retries said so.
        expect(stderr).toMatch(/batch \d+ \(.+\): .+; retry 1\/\d+ in 1 s/);
        expect(await dumpGraph(conn)).toEqual(clean);
      } else {
        // Retries (if any) say so one line each; the failure itself is one line that names the batch.
        const failure = lines.filter((l) => !/retry \d+\/\d+ in/.test(l) && !l.startsWith('loading ['));
        expect(failure, stderr).toHaveLength(1);
        expect(failure[0]).toMatch(/batch \d+ \(.+, \d+ rows: .+\) failed/);
      }
      const again = await kgLoad().exited;
      expect(again.code, again.stderr).toBe(0);
      expect(await dumpGraph(conn)).toEqual(clean);
    },
    300_000,
  );
  if (!local)
    console.warn(
      `skipped the Neo4j restart test: the tests use ${testSettings().uri}, not a local server of their own that they can stop and start`,
    );
});
