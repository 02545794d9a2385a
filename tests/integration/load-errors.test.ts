// How loading fails: one clear line naming what is wrong, and nothing half-written.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Neo4jConnection } from '../../src/neo4j/driver.ts';
import { loadRecords } from '../../src/neo4j/load.ts';
import { goldRecords } from '../fixtures/gold-records.ts';
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

  it('names a database the server does not have, in one line', () => {
    const { status, stderr } = kgLoad([goldDir, ...connectionFlags(), '--database', 'nosuchdb']);
    expect(status).not.toBe(0);
    expect(stderr.trim()).toBe(
      `kg: Neo4j at ${testSettings().uri} has no database "nosuchdb" (set --database or NEO4J_DATABASE).`,
    );
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
  it('refuses relations naming a node neither in the files nor in the database, before writing anything', async () => {
    const gold = goldRecords();
    const base = gold.relations.find((r) => r.type === 'HOLDS_POSITION' && r.from === 'Person:宋一丁');
    if (!base) throw new Error('gold has no HOLDS_POSITION of 宋一丁');
    // Three new HOLDS_POSITION rows of one batch; the second names a person nobody loaded.
    const rows = [
      { ...base, start: 1001, end: 1010, props: { title: '甲' } },
      { ...base, start: 1002, end: 1010, from: 'Person:不存在的人', props: { title: '乙' } },
      { ...base, start: 1003, end: 1010, props: { title: '丙' } },
    ];
    const dir = writeRecordsDir({ articles: [], entities: [], relations: rows }, 'bad-batch');
    const before = await dumpGraph(conn);
    await expect(loadRecords(conn, dir, { batchSize: 10 })).rejects.toThrow(
      'nothing was written: relations.jsonl:2 names Person:不存在的人, which is neither in the files nor in the database',
    );
    expect(await dumpGraph(conn)).toEqual(before);
  });

  it('with --wipe, refuses a relation naming a node the files lack before wiping (the database stays as it was)', async () => {
    const gold = goldRecords();
    const dangling = { ...gold.relations[0]!, to: 'Company:不在文件里的公司' };
    const dir = writeRecordsDir({ ...gold, relations: [...gold.relations, dangling] }, 'wipe-dangling');
    const before = await dumpGraph(conn);
    expect(before.nodes.length).toBeGreaterThan(0);
    const { status, stderr } = kgLoad([dir, '--wipe', ...connectionFlags()]);
    expect(status).not.toBe(0);
    expect(stderr).toContain(
      `relations.jsonl:${gold.relations.length + 1} names Company:不在文件里的公司, which is not in the files`,
    );
    expect(await dumpGraph(conn)).toEqual(before);
  });

  it.each([['id'], ['aliases'], ['articles'], ['name'], ['type']])(
    'refuses an entity whose props carry "%s", before wiping',
    async (key) => {
      const gold = goldRecords();
      const [first, ...rest] = gold.entities;
      const dir = writeRecordsDir(
        { ...gold, entities: [...rest, { ...first!, props: { ...first!.props, [key]: 'x' } }] },
        'reserved',
      );
      const before = await dumpGraph(conn);
      await expect(loadRecords(conn, dir, { wipe: true })).rejects.toThrow(
        `entities.jsonl:${gold.entities.length}: props ${key} would overwrite the node's own field(s) of that name`,
      );
      expect(await dumpGraph(conn)).toEqual(before);
    },
  );

  it('refuses a relation whose props carry its provenance fields', async () => {
    const gold = goldRecords();
    const dir = writeRecordsDir(
      { ...gold, relations: [{ ...gold.relations[0]!, props: { article: 'x', start: 3, page_line: 1 } }] },
      'reserved-rel',
    );
    const before = await dumpGraph(conn);
    await expect(loadRecords(conn, dir, { wipe: true })).rejects.toThrow(
      'relations.jsonl:1: props article, start, page_line would overwrite',
    );
    expect(await dumpGraph(conn)).toEqual(before);
  });

  it('failing midway after --wipe says so and how to restore, and running it again restores the graph', async () => {
    await loadRecords(conn, goldDir, { wipe: true });
    const clean = await dumpGraph(conn);
    // The loader's process fails after its first committed batches (a crash of the caller's callback stands for it).
    const failure = loadRecords(conn, goldDir, {
      wipe: true,
      batchSize: 5,
      onProgress: (done) => {
        if (done >= 10) throw new Error('simulated failure');
      },
    });
    await expect(failure).rejects.toThrow(
      /simulated failure\. The database was wiped before this failure and holds part of the records: run the same kg load again to restore it/,
    );
    expect((await dumpGraph(conn)).nodes.length).toBeLessThan(clean.nodes.length);
    await loadRecords(conn, goldDir, { wipe: true, batchSize: 5 });
    expect(await dumpGraph(conn)).toEqual(clean);
  });

  it('refuses a file with an invalid line before writing anything, naming file and line', async () => {
    const dir = writeRecordsDir(
      { articles: goldRecords().articles.slice(0, 2), entities: [], relations: [] },
      'bad-line',
    );
    writeFileSync(
      join(dir, 'entities.jsonl'),
      `${JSON.stringify({ id: 'Company:新公司', type: 'Company', name: '新公司', aliases: [], articles: ['x#1'], props: {} })}\n{"id":"Robot:x"}\n`,
    );
    await wipeDatabase(conn);
    await expect(loadRecords(conn, dir)).rejects.toThrow(`${join(dir, 'entities.jsonl')}:2:`);
    expect((await dumpGraph(conn)).nodes).toEqual([]);
  });

  it('accepts record files starting with a UTF-8 byte order mark', async () => {
    const dir = writeRecordsDir(goldRecords(), 'bom');
    for (const name of ['articles.jsonl', 'entities.jsonl', 'relations.jsonl']) {
      writeFileSync(join(dir, name), `\uFEFF${readFileSync(join(dir, name), 'utf8')}`);
    }
    await loadRecords(conn, goldDir, { wipe: true });
    const clean = await dumpGraph(conn);
    await wipeDatabase(conn);
    await loadRecords(conn, dir);
    expect(await dumpGraph(conn)).toEqual(clean);
  });
});
