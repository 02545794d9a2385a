// Dates as Neo4j dates and ad-hoc Cypher, against the real server: kg load stores Article.date as a `date` and gives
// every relationship its article's date; `kg query --cypher` / `-f` runs read-only Cypher with typed parameters
// (`since:date=…`) and prints JSON or CSV; a write is refused in one line and writes nothing.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDate } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Neo4jConnection } from '../../src/neo4j/driver.ts';
import { loadRecords } from '../../src/neo4j/load.ts';
import { browserUrlFor } from '../../src/neo4j/local.ts';
import { runQuery, readQuery } from '../../src/neo4j/query.ts';
import type { Article, Entity, Relation } from '../../src/schema.ts';
import type { Records } from '../fixtures/gold-records.ts';
import {
  connectionFlags,
  cypher,
  dumpGraph,
  openTestConnection,
  REPO,
  tempDir,
  testSettings,
  wipeDatabase,
  writeRecordsDir,
} from './neo4j-helpers.ts';

const article = (id: string, date: string | null): Article => ({
  id,
  file: `${id.split('#')[0]}.txt`,
  index: 0,
  title: `标题${id}`,
  kicker: null,
  subtitle: null,
  date,
  reporters: [],
  body: '东阿县甲公司建设乙项目。',
});
const entity = (type: Entity['type'], name: string, articles: string[]): Entity => ({
  id: `${type}:${name}`,
  type,
  name,
  aliases: [],
  articles,
  props: {},
});
const relation = (type: Relation['type'], from: string, to: string, art: string): Relation => ({
  type,
  from,
  to,
  article: art,
  evidence: '东阿县甲公司建设乙项目。',
  start: 0,
  end: 12,
  rule: 'test',
  props: {},
});

/** Three articles: one of 2023, one of 2024, one undated; each states that 甲公司 develops 乙项目 and mentions both. */
function records(dates: Record<string, string | null>): Records {
  const ids = Object.keys(dates);
  return {
    articles: ids.map((id) => article(id, dates[id] ?? null)),
    entities: [entity('Company', '甲公司', ids), entity('Project', '乙项目', ids), entity('County', '东阿县', ids)],
    relations: ids.flatMap((id) => [
      relation('DEVELOPS', 'Company:甲公司', 'Project:乙项目', id),
      relation('LOCATED_IN', 'Project:乙项目', 'County:东阿县', id),
      relation('MENTIONS', `Article:${id}`, 'Company:甲公司', id),
    ]),
  };
}
const DATES = { 'old#1': '2023-12-31', 'new#1': '2024-03-01', 'undated#1': null };

let conn: Neo4jConnection;

/** `kg query …` with the test server's flags: exit status, stdout, stderr. */
function kgQuery(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const s = testSettings();
  const flags = [...connectionFlags(s)];
  const r = spawnSync(process.execPath, [join(REPO, 'bin/kg.js'), 'query', ...args, ...flags], {
    cwd: REPO,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  conn = await openTestConnection();
  await wipeDatabase(conn);
  await loadRecords(conn, writeRecordsDir(records(DATES), 'dates'));
});

afterAll(async () => {
  await conn?.driver.close();
});

describe('kg load: dates as Neo4j dates', () => {
  it('stores Article.date as a date, and none for an undated article', async () => {
    const rows = await cypher(conn, 'MATCH (a:Article) RETURN a.id AS id, a.date AS date ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(Object.keys(DATES).sort());
    for (const r of rows) {
      const expected = DATES[r.id as keyof typeof DATES];
      if (expected === null) expect(r.date).toBeNull();
      else {
        expect(isDate(r.date), String(r.id)).toBe(true);
        expect(String(r.date)).toBe(expected);
      }
    }
  });

  it("gives every relationship its article's date, so that WHERE r.date >= date(…) selects by day", async () => {
    const all = await cypher(
      conn,
      `MATCH ()-[r]->() MATCH (art:Article {id: r.article})
      RETURN count(r) AS n, sum(CASE WHEN r.date = art.date OR (r.date IS NULL AND art.date IS NULL) THEN 1 ELSE 0 END) AS same`,
    );
    expect(Number(all[0]?.n)).toBe(9);
    expect(Number(all[0]?.same)).toBe(9);
    const since = await cypher(
      conn,
      "MATCH ()-[r]->() WHERE r.date >= date('2024-01-01') RETURN DISTINCT r.article AS article",
    );
    expect(since.map((r) => r.article)).toEqual(['new#1']);
  });

  it('loads the same records again without a change, and a changed article date moves its relationships along', async () => {
    const dir = writeRecordsDir(records(DATES), 'dates-again');
    const before = await dumpGraph(conn);
    await loadRecords(conn, dir);
    expect(await dumpGraph(conn)).toEqual(before);
    await loadRecords(conn, writeRecordsDir(records({ ...DATES, 'old#1': '2024-06-30' }), 'dates-moved'));
    const since = await cypher(
      conn,
      "MATCH ()-[r:DEVELOPS]->() WHERE r.date >= date('2024-01-01') RETURN r.article AS article ORDER BY article",
    );
    expect(since.map((r) => r.article)).toEqual(['new#1', 'old#1']);
    await loadRecords(conn, dir);
    expect(await dumpGraph(conn)).toEqual(before);
  });

  it('refuses an article date that is no calendar day, naming its line, and writes nothing', async () => {
    const before = await dumpGraph(conn);
    const bad = records({ 'a#1': '2024-01-01', 'b#1': '2023-02-30' });
    await expect(loadRecords(conn, writeRecordsDir(bad, 'bad-date'))).rejects.toThrow(
      /articles\.jsonl:2: date: expected an ISO date YYYY-MM-DD, a day of the calendar/,
    );
    expect(await dumpGraph(conn)).toEqual(before);
  });

  it('the timeline query keeps to its date range', async () => {
    const timeline = readQuery('entity_timeline');
    const { rows } = await runQuery(conn, timeline, { name: '甲公司', since: '2024-01-01' });
    // Undated articles sort last (Cypher orders null after every date).
    expect(rows.map((r) => r.article)).toEqual(['new#1', 'undated#1']);
    expect(rows[0]?.date).toBe('2024-03-01');
    const all = await runQuery(conn, timeline, { name: '甲公司' });
    expect(all.rows.map((r) => r.article)).toEqual(['old#1', 'new#1', 'undated#1']);
  });
});

describe('kg query --cypher / -f', () => {
  const SINCE = 'MATCH (a:Article) WHERE a.date >= $since RETURN a.id AS id, a.date AS date ORDER BY id';

  it('runs Cypher with a date parameter and prints JSON', () => {
    const r = kgQuery('--cypher', SINCE, '--param', 'since:date=2024-01-01', '--json');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([{ id: 'new#1', date: '2024-03-01' }]);
  });

  it('runs the Cypher of a file the same way', () => {
    const file = join(tempDir('cypher'), 'since.cypher');
    writeFileSync(file, `// articles since a day\n${SINCE}\n`);
    const r = kgQuery('-f', file, '--param', 'since:date=2023-01-01', '--json');
    expect(JSON.parse(r.stdout).map((row: { id: string }) => row.id)).toEqual(['new#1', 'old#1']);
  });

  it('refuses a write in one line and writes nothing', async () => {
    const r = kgQuery('--cypher', "CREATE (n:Scratch {name: 'x'}) RETURN n");
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^kg: query --cypher \(command line\) failed: it writes to the database .*kg query only reads/,
    );
    expect(await cypher(conn, 'MATCH (n:Scratch) RETURN n')).toEqual([]);
  });

  it('prints CSV: BOM, header, CRLF, quoted fields, lists and maps as JSON, nulls empty', () => {
    const r = kgQuery(
      '--cypher',
      "RETURN 'a,b \"c\"' AS text, ['东阿县', 2] AS list, {k: date('2024-01-02')} AS map, null AS none, 3 AS n",
      '--csv',
    );
    expect(r.stdout).toBe('\uFEFFtext,list,map,none,n\r\n"a,b ""c""","[""东阿县"",2]","{""k"":""2024-01-02""}",,3\r\n');
  });

  it('names a bad date parameter, an unknown type and a flag type a named query does not declare', () => {
    expect(kgQuery('--cypher', SINCE, '--param', 'since:date=2024-02-30').stderr).toMatch(
      /parameter since must be a calendar date YYYY-MM-DD, not "2024-02-30"/,
    );
    expect(kgQuery('--cypher', SINCE, '--param', 'since:day=2024-02-01').stderr).toMatch(
      /--param since:day: unknown type "day"/,
    );
    expect(kgQuery('entity_timeline', '--param', 'since:int=3').stderr).toMatch(
      /parameter since of query entity_timeline is a calendar date/,
    );
    expect(kgQuery('-f', join(tempDir('none'), 'missing.cypher')).stderr).toMatch(
      /-f .*missing\.cypher: cannot read it \(ENOENT\)/,
    );
  });

  it('a named query takes a typed flag that agrees with its header', () => {
    const r = kgQuery('entity_timeline', '--param', 'name=甲公司', '--param', 'since:date=2024-03-01', '--json');
    expect(JSON.parse(r.stdout).map((row: { article: string }) => row.article)).toEqual(['new#1', 'undated#1']);
  });
});

describe('kg load', () => {
  it('says where Neo4j Browser is when it loaded the local server, and only then', () => {
    const s = testSettings();
    const r = spawnSync(
      process.execPath,
      [join(REPO, 'bin/kg.js'), 'load', writeRecordsDir(records(DATES), 'cli'), ...connectionFlags(s)],
      { cwd: REPO, encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    const browser = browserUrlFor(s.uri);
    if (browser) expect(r.stderr).toContain(`Neo4j Browser at ${browser}`);
    else expect(r.stderr).not.toContain('Neo4j Browser');
  });
});
