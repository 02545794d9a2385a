// One `kg load` at a time per database, enforced by the database itself. The lock is an open transaction that has
// MERGEd the node (:_KgLoadLock {id: 1}) under a uniqueness constraint and never commits: a second loader's MERGE of
// the same node blocks until the first transaction ends, so the node is never visible in the data, and a loader that
// dies (killed, lost connection) loses its transaction and with it the lock, with no stale lock to clean up.
// The holder is named by the metadata of its transaction (SHOW TRANSACTIONS), which the waiting loader prints.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Session, Transaction } from 'neo4j-driver';
import type { Neo4jConnection } from './driver.ts';

export const LOCK_CONSTRAINT =
  'CREATE CONSTRAINT kg_load_lock IF NOT EXISTS FOR (n:_KgLoadLock) REQUIRE n.id IS UNIQUE';
const TAKE = 'MERGE (l:_KgLoadLock {id: 1}) RETURN 1';
/** How long a lock is tried for before the loader says whom it waits for (then it keeps waiting). */
const SAY_AFTER_MS = 1000;

/** Who holds the lock: carried as transaction metadata. */
export interface LockOwner {
  token: string;
  pid: number;
  host: string;
  started: string;
  dir: string;
}

export const describeOwner = (o: Partial<LockOwner>): string =>
  `the kg load of pid ${o.pid ?? '?'} on host ${o.host ?? '?'}, `
  + `started ${o.started ?? '?'}${o.dir ? ` (loading ${o.dir})` : ''}`;

export interface LoadLock {
  /** Takes the lock again when it was lost with its connection (a server restart); concurrent calls share one try. */
  ensure(): Promise<void>;
  release(): Promise<void>;
}

/** Creates the lock's constraint. Two loads creating it at once can make one fail; its second try finds it there. */
export async function ensureLockConstraint(conn: Neo4jConnection): Promise<void> {
  const run = () => conn.driver.executeQuery(LOCK_CONSTRAINT, {}, { database: conn.settings.database });
  await run().catch(run);
}

/** Other loads of our database holding or waiting for its lock, from the metadata of their transactions. */
async function otherLoads(conn: Neo4jConnection, token: string): Promise<Partial<LockOwner>[]> {
  const { records } = await conn.driver.executeQuery(
    `SHOW TRANSACTIONS YIELD metaData, status, database WHERE metaData.kgLoad IS NOT NULL
     RETURN metaData.kgLoad AS owner, status, database`,
    {},
    { database: conn.settings.database },
  );
  const loads = records.map((r) => ({
    owner: r.get('owner') as Partial<LockOwner>,
    status: String(r.get('status')),
    database: String(r.get('database')),
  }));
  // The list spans every database; ours is the one our own waiting transaction is in.
  const ours = loads.find((r) => r.owner.token === token)?.database;
  return (
    loads
      .filter((r) => r.owner.token !== token && r.database === ours)
      // The holder runs (or idles) in its transaction; the others wait behind it like us.
      .sort((a, b) => Number(a.status.startsWith('Blocked')) - Number(b.status.startsWith('Blocked')))
      .map((r) => r.owner)
  );
}

/**
 * Takes the load lock of the connection's database, waiting while another load holds it; `onWait` is told once whom
 * it waits for. The lock's constraint must exist (LOCK_CONSTRAINT) before.
 */
export async function acquireLoadLock(
  conn: Neo4jConnection,
  dir: string,
  onWait: (message: string) => void = () => {},
): Promise<LoadLock> {
  const started = new Date().toISOString();
  const owner: LockOwner = { token: randomUUID(), pid: process.pid, host: hostname(), started, dir };
  let session: Session;
  let tx: Transaction;
  const take = async (): Promise<void> => {
    session = conn.driver.session({ database: conn.settings.database });
    tx = session.beginTransaction({ metadata: { kgLoad: owner } });
    const taken = tx.run(TAKE).then(() => true);
    if (await Promise.race([taken, sleep(SAY_AFTER_MS, false)])) return;
    const holders = await otherLoads(conn, owner.token).catch(() => []);
    const holder = holders[0] ? describeOwner(holders[0]) : 'another kg load';
    onWait(`waiting for ${holder} to finish (it holds this database)`);
    await taken;
  };
  const release = async (): Promise<void> => {
    await tx.rollback().catch(() => undefined);
    await session.close().catch(() => undefined);
  };
  try {
    await take();
  } catch (err) {
    await release();
    throw err;
  }
  let ensuring: Promise<void> | null = null;
  const ensure = async (): Promise<void> => {
    try {
      await tx.run('RETURN 1');
    } catch {
      await release();
      await take();
    }
  };
  return {
    ensure: () => (ensuring ??= ensure().finally(() => (ensuring = null))),
    release,
  };
}
