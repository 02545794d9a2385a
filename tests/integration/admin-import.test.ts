// `kg export --format neo4j-admin` through the real `neo4j-admin database import full` (the AdminTool and import tool
// jars that src/neo4j/local.ts installs), then the imported store opened by a second local server: it holds the same
// graph as `kg load` of the same records writes into the test server.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminImport, type ScratchNeo4j, startScratchNeo4j } from '../../src/neo4j/local.ts';
import { runExport } from '../../src/run/export.ts';
import { connect, type Neo4jConnection } from '../../src/neo4j/driver.ts';
import { loadRecords } from '../../src/neo4j/load.ts';
import { cypher, dumpGraph, extractSeeds, openTestConnection, tempDir } from './neo4j-helpers.ts';

let seedsDir: string;
let exportDir: string;
let imported: ScratchNeo4j;
let importOutput: string;

/** Names a spreadsheet would run as formulas: the neo4j-admin files carry them literally (only nodes.csv escapes them). */
const FORMULA_NAMES = ['-负号开头公司', '=HYPERLINK("http://evil.example")公司', '+加号开头公司', '@艾特开头公司'];

/** The seeds' records plus entities (and relations to them) whose name, alias and evidence start like a formula. */
function addFormulaLikeRecords(dir: string): void {
  const article = (JSON.parse(readFileSync(join(dir, 'articles.jsonl'), 'utf8').split('\n')[0]!) as { id: string }).id;
  const entities = FORMULA_NAMES.map((name) => ({
    id: `Company:${name}`,
    type: 'Company',
    name,
    aliases: [`=${name}`],
    articles: [article],
    props: {},
  }));
  const relations = entities.map((e, i) => ({
    type: 'MENTIONS',
    from: `Article:${article}`,
    to: e.id,
    article,
    evidence: `-${e.name}`,
    start: 100_000 + i,
    end: 100_001 + i,
    rule: 'test',
    props: {},
  }));
  appendFileSync(join(dir, 'entities.jsonl'), entities.map((e) => `${JSON.stringify(e)}\n`).join(''));
  appendFileSync(join(dir, 'relations.jsonl'), relations.map((r) => `${JSON.stringify(r)}\n`).join(''));
}

beforeAll(async () => {
  seedsDir = extractSeeds();
  addFormulaLikeRecords(seedsDir);
  exportDir = join(tempDir('admin-export'), 'neo4j-admin');
  await runExport(seedsDir, { format: 'neo4j-admin', to: exportDir });

  // A second Neo4j home on ports of its own, beside the tests' server: the import writes its data/, its server reads it.
  imported = await startScratchNeo4j((home) => {
    importOutput = runAdminImport(home, exportDir);
  });
}, 300_000);

afterAll(async () => {
  await imported?.stop();
}, 120_000);

/** Properties that are empty lists: the import cannot write one (an empty field is no property), `kg load` does. */
function withoutEmptyLists(dump: { nodes: string[]; relationships: string[] }): {
  nodes: string[];
  relationships: string[];
} {
  const strip = (row: string) =>
    JSON.stringify(
      JSON.parse(row, (_k, v: unknown) =>
        v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v).filter(([, x]) => !(Array.isArray(x) && x.length === 0)))
          : v,
      ),
    );
  return { nodes: dump.nodes.map(strip).sort(), relationships: dump.relationships.map(strip).sort() };
}

describe('neo4j-admin import of kg export', () => {
  it('is accepted by neo4j-admin database import full', () => {
    expect(importOutput).toMatch(/IMPORT DONE/);
    expect(importOutput).toMatch(/\d+ nodes/);
  });

  it('gives the same nodes, relationships and properties as kg load of the same records', async () => {
    let loaded: Neo4jConnection | null = null;
    let admin: Neo4jConnection | null = null;
    try {
      loaded = await openTestConnection();
      await loadRecords(loaded, seedsDir, { wipe: true });
      admin = await connect(imported.settings);
      const want = withoutEmptyLists(await dumpGraph(loaded));
      const got = withoutEmptyLists(await dumpGraph(admin));
      expect(got.nodes.length).toBeGreaterThan(100);
      expect(got.nodes).toEqual(want.nodes);
      expect(got.relationships).toEqual(want.relationships);
      const formulaLike = await cypher(
        admin,
        'MATCH (n:Company) WHERE n.name IN $names RETURN n.name AS name, n.aliases AS aliases',
        { names: FORMULA_NAMES },
      );
      expect(formulaLike.map((r) => r.name).sort()).toEqual([...FORMULA_NAMES].sort());
      for (const r of formulaLike) expect(r.aliases).toEqual([`=${String(r.name)}`]);
    } finally {
      await loaded?.driver.close();
      await admin?.driver.close();
    }
  });
});
