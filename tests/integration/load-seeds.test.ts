// The real extractor output of the two seed pages, loaded into a real Neo4j: the facts the pages state, merging
// across pages, idempotent re-loads, sets that grow with a second corpus, and every named query answering.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isInt } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Neo4jConnection } from '../../src/neo4j/driver.ts';
import { loadRecords } from '../../src/neo4j/load.ts';
import { listQueries, queryParams, readQuery, runQuery } from '../../src/neo4j/query.ts';
import { Relation } from '../../src/schema.ts';
import {
  connectionFlags,
  cypher,
  dumpGraph,
  extractSeeds,
  openTestConnection,
  REPO,
  testSettings,
  wipeDatabase,
  writeRecordsDir,
} from './neo4j-helpers.ts';

let conn: Neo4jConnection;
let seedsDir: string;

beforeAll(async () => {
  conn = await openTestConnection();
  seedsDir = extractSeeds();
  await wipeDatabase(conn);
  // Through the command line, as a user would: kg load DIR --wipe with the test server's flags.
  const s = testSettings();
  execFileSync(
    process.execPath,
    [join(REPO, 'bin/kg.js'), 'load', seedsDir, '--wipe', '--batch', '50', ...connectionFlags(s)],
    { cwd: REPO, stdio: 'pipe' },
  );
});

afterAll(async () => {
  await conn?.driver.close();
});

describe('kg load of the extracted seed pages', () => {
  it('places 海韵能源高端锂电池负极材料项目 in 东阿县 with its investment as an integer', async () => {
    const rows = await cypher(
      conn,
      `MATCH (p:Project {id: 'Project:海韵能源高端锂电池负极材料项目'})-[r:LOCATED_IN]->(c:County {name: '东阿县'})
      RETURN p.investment_yuan AS yuan, r.evidence AS evidence, r.article AS article`,
    );
    expect(rows).toHaveLength(1);
    const yuan = rows[0]?.yuan;
    expect(isInt(yuan)).toBe(true);
    expect(isInt(yuan) && yuan.toNumber()).toBe(2_340_000_000);
    expect(String(rows[0]?.evidence)).toContain('海韵能源');
    expect(rows[0]?.article).toMatch(/^000_1d8b0c37187465ce#\d+$/);
  });

  it("stores every relationship's place on its page as page_line, page_start, page_end", async () => {
    const records = readFileSync(join(seedsDir, 'relations.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => Relation.parse(JSON.parse(l)));
    const rows = await cypher(
      conn,
      // Article nodes are keyed by the bare article id; the records name them `Article:<id>`.
      `MATCH (a)-[r]->(b)
      RETURN type(r) AS type, CASE WHEN a:Article THEN 'Article:' + a.id ELSE a.id END AS from,
        CASE WHEN b:Article THEN 'Article:' + b.id ELSE b.id END AS to, r.article AS article, r.start AS start,
        r.page_line AS line, r.page_start AS pageStart, r.page_end AS pageEnd`,
    );
    const num = (v: unknown) => (isInt(v) ? v.toNumber() : v);
    const stored = new Map(
      rows.map((r) => [
        `${r.type}|${r.from}|${r.to}|${r.article}|${num(r.start)}`,
        { line: num(r.line), start: num(r.pageStart), end: num(r.pageEnd) },
      ]),
    );
    expect(records.length).toBeGreaterThan(100);
    for (const r of records) {
      expect(r.page).toBeDefined();
      expect(stored.get(`${r.type}|${r.from}|${r.to}|${r.article}|${r.start}`), `${r.type} ${r.from}`).toEqual(r.page);
    }
  });

  it('has 宋一丁 as 党组书记、局长 of 聊城市市场监督管理局', async () => {
    const rows = await cypher(
      conn,
      `MATCH (:Person {name: '宋一丁'})-[r:HOLDS_POSITION]->(:Agency {name: '聊城市市场监督管理局'}) RETURN r.title AS title`,
    );
    expect(rows.map((r) => r.title)).toEqual(['党组书记、局长']);
  });

  it('merges 聊城市 of both pages into one node that lists articles of both', async () => {
    const rows = await cypher(conn, `MATCH (c:City {name: '聊城市'}) RETURN c.articles AS articles`);
    expect(rows).toHaveLength(1);
    const articles = rows[0]?.articles as string[];
    expect(articles.some((a) => a.startsWith('000_1d8b0c37187465ce#'))).toBe(true);
    expect(articles.some((a) => a.startsWith('003_ed6e154ad0e1db3a#'))).toBe(true);
    const mentions = await cypher(
      conn,
      `MATCH (a:Article)-[:MENTIONS]->(:City {name: '聊城市'}) RETURN count(DISTINCT a.file) AS files`,
    );
    expect(Number(mentions[0]?.files)).toBe(2);
  });

  it('loads every record of the files: node and relationship counts equal the line counts', async () => {
    const [nodes] = await cypher(conn, 'MATCH (n) RETURN count(n) AS n');
    const [rels] = await cypher(conn, 'MATCH ()-[r]->() RETURN count(r) AS n');
    const lines = (f: string) =>
      Number(
        execFileSync('grep', ['-c', '.', join(seedsDir, f)])
          .toString()
          .trim(),
      );
    expect(Number(nodes?.n)).toBe(lines('articles.jsonl') + lines('entities.jsonl'));
    expect(Number(rels?.n)).toBe(lines('relations.jsonl'));
  });

  it('changes nothing when the same records are loaded again', async () => {
    const before = await dumpGraph(conn);
    await loadRecords(conn, seedsDir, { batchSize: 7 });
    const after = await dumpGraph(conn);
    expect(after.nodes.length).toBe(before.nodes.length);
    expect(after.relationships.length).toBe(before.relationships.length);
    expect(after).toEqual(before);
  });

  it('answers every named query with the facts of the pages', async () => {
    const expected: Record<string, (rows: Record<string, unknown>[]) => void> = {
      county_projects: (rows) =>
        expect(rows).toContainEqual(
          expect.objectContaining({ project: '海韵能源高端锂电池负极材料项目', investment_yuan: 2_340_000_000 }),
        ),
      project_companies: (rows) =>
        expect(rows).toContainEqual(expect.objectContaining({ company: '山东信发瑞捷新材料科技有限公司' })),
      agency_officials: (rows) =>
        expect(rows).toContainEqual(expect.objectContaining({ person: '宋一丁', titles: ['党组书记、局长'] })),
      agency_funding: (rows) =>
        expect(rows).toContainEqual(
          expect.objectContaining({
            agency: '东昌府区财政局',
            recipient: '山东金帝精密机械科技股份有限公司',
            amount_yuan: 1_200_000,
          }),
        ),
      relation_evidence: (rows) =>
        expect(rows).toContainEqual(
          expect.objectContaining({ relation: 'HOLDS_POSITION', source: '宋一丁', article: '000_1d8b0c37187465ce#1' }),
        ),
      co_mentioned: (rows) =>
        expect(rows).toContainEqual(expect.objectContaining({ entity: '莘县', type: 'County', shared_articles: 2 })),
      shortest_path: (rows) =>
        expect(rows[0]).toMatchObject({ hops: 2, nodes: ['时风集团', '高唐县', '齐盛光伏农业综合体项目'] }),
      largest_projects: (rows) =>
        expect(rows[0]).toMatchObject({ project: '鲁开京东预制菜北方生产基地项目', investment_yuan: 5_000_000_000 }),
      entity_timeline: (rows) => {
        const files = new Set(rows.map((r) => String(r.article).split('#')[0]));
        expect(files).toEqual(new Set(['000_1d8b0c37187465ce', '003_ed6e154ad0e1db3a']));
        const dates = rows.map((r) => r.date).filter((d): d is string => typeof d === 'string');
        expect(dates).toEqual([...dates].sort());
      },
      county_investment: (rows) =>
        expect(rows[0]).toMatchObject({ county: '莘县', total_investment_yuan: 5_000_000_000 }),
      search: (rows) => expect(rows[0]).toMatchObject({ type: 'County', name: '东阿县' }),
    };
    const queries = listQueries();
    expect(queries.map((q) => q.name).sort()).toEqual(Object.keys(expected).sort());
    for (const q of queries) {
      const { rows } = await runQuery(conn, q);
      expect(rows.length, `${q.name} with its example parameters`).toBeGreaterThan(0);
      expected[q.name]?.(rows);
    }
  });
});

describe('kg query parameters', () => {
  it("refuses a whole number beyond Neo4j's 64-bit integers, naming the parameter, and keeps big ones exact", () => {
    const largest = readQuery('largest_projects');
    for (const value of ['9223372036854775808', '-9223372036854775809', '123456789012345678901234567890']) {
      expect(() => queryParams(largest, { limit: value }), value).toThrow(
        `parameter limit must be a whole number from -9223372036854775808 to 9223372036854775807 (Neo4j's 64-bit integers), not ${value}`,
      );
    }
    for (const value of ['9007199254740993', '9223372036854775807', '-9223372036854775808']) {
      expect(String(queryParams(largest, { limit: value }).limit), value).toBe(value);
    }
  });

  it('kg query names the parameter out of range and exits non-zero', () => {
    const s = testSettings();
    let stderr = '';
    try {
      execFileSync(
        process.execPath,
        [
          join(REPO, 'bin/kg.js'),
          'query',
          'largest_projects',
          '--param',
          'limit=99999999999999999999',
          ...connectionFlags(s),
        ],
        { cwd: REPO, stdio: 'pipe' },
      );
    } catch (err) {
      stderr = (err as { stderr: Buffer }).stderr.toString();
    }
    expect(stderr).toContain('parameter limit must be a whole number from');
  });
});

describe('a second corpus', () => {
  it('adds its articles and aliases to the sets of the nodes it shares, and re-loading it changes nothing', async () => {
    const article = {
      id: 'extra_page#1',
      file: 'extra_page.txt',
      index: 0,
      title: '聊城新闻',
      kicker: null,
      subtitle: null,
      date: '2024-12-01',
      reporters: [],
      body: '水城聊城今日开工。',
    };
    const city = {
      id: 'City:聊城市',
      type: 'City',
      name: '聊城市',
      aliases: ['水城聊城'],
      articles: ['extra_page#1'],
      props: {},
    };
    const mention = {
      type: 'MENTIONS',
      from: 'Article:extra_page#1',
      to: 'City:聊城市',
      article: 'extra_page#1',
      evidence: '水城聊城今日开工。',
      start: 0,
      end: 9,
      rule: 'test',
      props: { count: 1 },
    };
    const [before] = await cypher(
      conn,
      `MATCH (c:City {id: 'City:聊城市'}) RETURN c.articles AS articles, c.aliases AS aliases`,
    );
    const dir = writeRecordsDir({ articles: [article], entities: [city], relations: [mention] } as never, 'second');
    await loadRecords(conn, dir);
    const [after] = await cypher(
      conn,
      `MATCH (c:City {id: 'City:聊城市'}) RETURN c.articles AS articles, c.aliases AS aliases`,
    );
    expect(after?.articles).toEqual([...((before?.articles ?? []) as string[]), 'extra_page#1']);
    expect(after?.aliases).toEqual([...((before?.aliases ?? []) as string[]), '水城聊城']);
    const dump = await dumpGraph(conn);
    await loadRecords(conn, dir);
    expect(await dumpGraph(conn)).toEqual(dump);
  });
});
