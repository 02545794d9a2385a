// How loading fails: one clear line naming what is wrong, and nothing half-written.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Neo4jConnection } from '../../src/neo4j/driver.ts';
import { loadRecords } from '../../src/neo4j/load.ts';
import { goldRecords } from '../fixtures/gold-records.ts';
import { dumpGraph, openTestConnection, REPO, testSettings, wipeDatabase, writeRecordsDir } from './neo4j-helpers.ts';

let conn: Neo4jConnection;
let goldDir: string;

beforeAll(async () => {
  conn = await openTestConnection();
  await wipeDatabase(conn);
  goldDir = writeRecordsDir(goldRecords(), 'gold');
  await loadRecords(conn, goldDir);
});

afterAll(async () => {
  await conn?.driver.close();
});

/** `kg load` as a user runs it; returns exit status and stderr. */
function kgLoad(args: string[]): { status: number; stderr: string } {
  try {
    execFileSync(process.execPath, [join(REPO, 'bin/kg.js'), 'load', ...args], { cwd: REPO, stdio: 'pipe' });
    return { status: 0, stderr: '' };
  } catch (err) {
    const e = err as { status: number; stderr: Buffer };
    return { status: e.status, stderr: e.stderr.toString() };
  }
}

describe('connection errors', () => {
  it('says the password is wrong, in one line, with a non-zero exit', () => {
    const s = testSettings();
    const { status, stderr } = kgLoad([goldDir, '--uri', s.uri, '--user', s.user, '--password', `${s.password}-wrong`]);
    expect(status).not.toBe(0);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`refused user "${s.user}": wrong user name or password`);
  });

  it('names an unreachable URI and how to start a server', async () => {
    const uri = 'bolt://127.0.0.1:1';
    await expect(connect({ ...testSettings(), uri })).rejects.toThrow(`cannot reach Neo4j at ${uri}`);
    const { status, stderr } = kgLoad([goldDir, '--uri', uri]);
    expect(status).not.toBe(0);
    expect(stderr).toContain(`cannot reach Neo4j at ${uri}`);
    expect(stderr).toContain('npm run neo4j -- start');
  });
});

describe('bad records', () => {
  it('rolls back a whole batch when one of its relations names a missing node, and says which batch and row', async () => {
    const gold = goldRecords();
    const base = gold.relations.find((r) => r.type === 'HOLDS_POSITION' && r.from === 'Person:宋一丁');
    if (!base) throw new Error('gold has no HOLDS_POSITION of 宋一丁');
    // Three new HOLDS_POSITION rows of one batch (same type and labels); the second names a person nobody loaded.
    const rows = [
      { ...base, start: 1001, end: 1010, props: { title: '甲' } },
      { ...base, start: 1002, end: 1010, from: 'Person:不存在的人', props: { title: '乙' } },
      { ...base, start: 1003, end: 1010, props: { title: '丙' } },
    ];
    const dir = writeRecordsDir({ articles: [], entities: [], relations: rows }, 'bad-batch');
    const before = await dumpGraph(conn);
    const failure = loadRecords(conn, dir, { batchSize: 10 });
    await expect(failure).rejects.toThrow(/batch 1 \(HOLDS_POSITION Person→Agency relations, 3 rows: relations\.jsonl:1 … relations\.jsonl:3\) failed and was rolled back/);
    await expect(loadRecords(conn, dir, { batchSize: 10 })).rejects.toThrow('relations.jsonl:2 names Person:不存在的人, which is not in the database');
    expect(await dumpGraph(conn)).toEqual(before);
  });

  it('refuses a file with an invalid line before writing anything, naming file and line', async () => {
    const dir = writeRecordsDir({ articles: goldRecords().articles.slice(0, 2), entities: [], relations: [] }, 'bad-line');
    writeFileSync(join(dir, 'entities.jsonl'), `${JSON.stringify({ id: 'Company:新公司', type: 'Company', name: '新公司', aliases: [], articles: ['x#1'], props: {} })}\n{"id":"Robot:x"}\n`);
    await wipeDatabase(conn);
    await expect(loadRecords(conn, dir)).rejects.toThrow(`${join(dir, 'entities.jsonl')}:2:`);
    expect((await dumpGraph(conn)).nodes).toEqual([]);
  });
});
