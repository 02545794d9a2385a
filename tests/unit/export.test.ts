// `kg export`: neo4j-admin import CSVs, GraphML, GEXF and CSV carry every node and edge of the graph, with headers
// and markup that the tools parse.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import graphology from 'graphology';
import gexf from 'graphology-gexf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExtract } from '../../src/run/extract.ts';
import { readRecordFile, readRecords } from '../../src/ingest/records.ts';
import { runExport } from '../../src/run/export.ts';
import { exportFiles, recordsGraph } from '../../src/graph/export.ts';
import type { KgGraph } from '../../src/graph/build.ts';
import { Article, type Entity } from '../../src/schema.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');

let dir: string;
let out: string;
let graph: KgGraph;

/** RFC 4180: quoted fields may hold commas, doubled quotes and newlines. Returns rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  expect(quoted, 'unterminated quote').toBe(false);
  expect(field === '' && row.length === 0, 'last line ends in a newline').toBe(true);
  return rows;
}

/** Parses XML, failing on any error or warning xmldom reports. */
function parseXml(text: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({
    errorHandler: {
      warning: (m: string) => problems.push(m),
      error: (m: string) => problems.push(m),
      fatalError: (m: string) => problems.push(m),
    },
  }).parseFromString(text, 'application/xml');
  expect(problems).toEqual([]);
  return doc as unknown as Document;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kg-export-'));
  out = join(dir, 'out');
  await runExtract([SEEDS], { out, quiet: true });
  const records = await readRecords(out);
  graph = recordsGraph(records.articles, records.entities, records.relations);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kg export', () => {
  it('neo4j-admin: typed headers the importer reads, every node and relationship once, ends in their ID spaces', async () => {
    const to = join(dir, 'admin');
    await runExport(out, { format: 'neo4j-admin', to });
    const files = readdirSync(to).filter((f) => f.endsWith('.csv'));
    const ids = { Article: new Set<string>(), Entity: new Set<string>() };
    let nodes = 0;
    for (const f of files.filter((n) => n.startsWith('nodes-'))) {
      const [header, ...rows] = parseCsv(readFileSync(join(to, f), 'utf8'));
      const space = f === 'nodes-Article.csv' ? 'Article' : 'Entity';
      expect(header!.slice(0, 2)).toEqual([`id:ID(${space})`, ':LABEL']);
      for (const h of header!.slice(2)) expect(h).toMatch(/^[a-z_]+(:(long|double|boolean|date|string\[\]))?$/);
      for (const r of rows) {
        expect(r).toHaveLength(header!.length);
        expect(r[1]).toBe(f.slice('nodes-'.length, -'.csv'.length));
        ids[space].add(r[0]!);
      }
      nodes += rows.length;
    }
    expect(nodes).toBe(graph.order);
    expect(ids.Article.size + ids.Entity.size).toBe(graph.order);

    const project = parseCsv(readFileSync(join(to, 'nodes-Project.csv'), 'utf8'));
    const col = (name: string) => project[0]!.indexOf(name);
    expect(col('investment_yuan:long')).toBeGreaterThan(1);
    expect(col('aliases:string[]')).toBeGreaterThan(1);
    const withMoney = project.slice(1).find((r) => r[col('investment_yuan:long')] !== '')!;
    expect(Number(withMoney[col('investment_yuan:long')])).toBe(
      graph.getNodeAttribute(withMoney[0]!, 'investment_yuan'),
    );
    const withAliases = project.slice(1).find((r) => r[col('aliases:string[]')] !== '')!;
    expect(withAliases[col('aliases:string[]')]!.split(';')).toEqual(
      graph.getNodeAttribute(withAliases[0]!, 'aliases'),
    );

    const articles = parseCsv(readFileSync(join(to, 'nodes-Article.csv'), 'utf8'));
    const first = articles.find((r) => r[0] === '000_1d8b0c37187465ce#1')!;
    expect(first[articles[0]!.indexOf('body')]).toBe(
      (await readRecordFile(join(out, 'articles.jsonl'), Article))[0]!.body,
    ); // multi-line, quoted

    let rels = 0;
    for (const f of files.filter((n) => n.startsWith('relationships-'))) {
      const [header, ...rows] = parseCsv(readFileSync(join(to, f), 'utf8'));
      const [, type, from, to_] = f.match(/^relationships-([A-Z_]+)-(Article|Entity)-(Article|Entity)\.csv$/)!;
      expect(header!.slice(0, 3)).toEqual([`:START_ID(${from})`, `:END_ID(${to_})`, ':TYPE']);
      expect(header).toContain('start:long');
      for (const r of rows) {
        expect(ids[from as 'Article' | 'Entity'].has(r[0]!)).toBe(true);
        expect(ids[to_ as 'Article' | 'Entity'].has(r[1]!)).toBe(true);
        expect(r[2]).toBe(type);
      }
      rels += rows.length;
    }
    expect(rels).toBe(graph.size);
    const command = readFileSync(join(to, 'neo4j-admin-import.txt'), 'utf8');
    expect(command).toMatch(/^neo4j-admin database import full /);
    for (const f of files) expect(command).toContain(`=${f}`);
    expect(command).toContain("'--array-delimiter=;'");
  });

  it('GraphML is well-formed XML with one node and edge element per node and edge, typed keys', async () => {
    const to = join(dir, 'graphml');
    await runExport(out, { format: 'graphml', to });
    const doc = parseXml(readFileSync(join(to, 'graph.graphml'), 'utf8'));
    expect(doc.getElementsByTagName('node').length).toBe(graph.order);
    expect(doc.getElementsByTagName('edge').length).toBe(graph.size);
    const keys = [...Array.from(doc.getElementsByTagName('key'))].map(
      (k) => `${k.getAttribute('for')} ${k.getAttribute('attr.name')} ${k.getAttribute('attr.type')}`,
    );
    expect(keys).toEqual(
      expect.arrayContaining(['node label string', 'node investment_yuan long', 'edge start long', 'edge type string']),
    );
    const node = Array.from(doc.getElementsByTagName('node')).find(
      (n) => n.getAttribute('id') === 'Agency:聊城市市场监督管理局',
    )!;
    expect(node).toBeDefined();
  });

  it('GEXF re-imports with graphology-gexf into the same nodes, edges and attributes', async () => {
    const to = join(dir, 'gexf');
    await runExport(out, { format: 'gexf', to });
    const back = gexf.parse(graphology.MultiDirectedGraph, readFileSync(join(to, 'graph.gexf'), 'utf8'));
    expect(back.order).toBe(graph.order);
    expect(back.size).toBe(graph.size);
    const id = 'Agency:聊城市市场监督管理局';
    expect(back.getNodeAttribute(id, 'name')).toBe(graph.getNodeAttribute(id, 'name'));
    expect(back.getNodeAttribute(id, 'articles')).toEqual(graph.getNodeAttribute(id, 'articles'));
  });

  it('CSV: nodes.csv and edges.csv with one row per node and edge', async () => {
    const to = join(dir, 'csv');
    const written = await runExport(out, { format: 'csv', to });
    expect(written.map((p) => p.slice(to.length + 1))).toEqual(['nodes.csv', 'edges.csv']);
    const [nh, ...nodes] = parseCsv(readFileSync(join(to, 'nodes.csv'), 'utf8'));
    const [eh, ...edges] = parseCsv(readFileSync(join(to, 'edges.csv'), 'utf8'));
    expect(nh!.slice(0, 4)).toEqual(['id', 'type', 'label', 'name']);
    expect(eh!.slice(0, 5)).toEqual(['id', 'source', 'target', 'type', 'article']);
    expect(nodes).toHaveLength(graph.order);
    expect(edges).toHaveLength(graph.size);
    expect(new Set(nodes.map((r) => r[0]))).toEqual(new Set(graph.nodes()));
  });

  it('CSV: neutralises cells a spreadsheet would run as formulas (OWASP), and leaves the neo4j-admin files literal', () => {
    const article: Article = {
      id: 'p#1',
      file: 'p.txt',
      index: 0,
      title: '=HYPERLINK("http://evil.example","点我")',
      kicker: null,
      subtitle: null,
      date: null,
      reporters: [],
      body: 'x',
    };
    const names = ["=cmd|' /C calc'!A0", '+1+2', '-2+3', '@SUM(1)', '\t=1', '\r=1', '普通公司'];
    const entities: Entity[] = names.map((name) => ({
      id: `Company:${name}`,
      type: 'Company',
      name,
      aliases: ['=别名'],
      articles: ['p#1'],
      props: { investment_yuan: 5 },
    }));
    const g = recordsGraph([article], entities, [
      {
        type: 'MENTIONS',
        from: 'Article:p#1',
        to: entities[0]!.id,
        article: 'p#1',
        evidence: '-证据',
        start: 0,
        end: 1,
        rule: 'r',
        props: {},
      },
    ]);
    const [nodesCsv, edgesCsv] = exportFiles(g, 'csv').map((f) => parseCsv(f.content));
    const [nh, ...nodes] = nodesCsv!;
    const cell = (row: string[], col: string) => row[nh!.indexOf(col)]!;
    const byName = new Map(nodes.map((r) => [cell(r, 'name'), r]));
    for (const name of names.slice(0, -1)) {
      const row = byName.get(`'${name}`);
      expect(row, name).toBeDefined();
      expect(cell(row!, 'id')).toBe(`Company:${name}`); // starts with a letter: nothing to neutralise
      expect(cell(row!, 'aliases')).toBe("'=别名");
      expect(cell(row!, 'investment_yuan')).toBe('5');
    }
    expect(byName.get('普通公司')).toBeDefined();
    expect(cell(nodes.find((r) => cell(r, 'type') === 'Article')!, 'label')).toBe(`'${article.title}`);
    for (const row of [...nodesCsv!, ...edgesCsv!]) for (const c of row) expect(c).not.toMatch(/^[=+\-@\t\r]/);
    // A neutralised field is quoted: the leading quote stays part of the cell for every reader.
    expect(exportFiles(g, 'csv')[0]!.content).toContain(`"'+1+2"`);
    const [eh, edge] = edgesCsv!;
    expect(edge![eh!.indexOf('evidence')]).toBe("'-证据");
    const admin = exportFiles(g, 'neo4j-admin');
    const companies = parseCsv(admin.find((f) => f.name === 'nodes-Company.csv')!.content);
    expect(
      companies
        .slice(1)
        .map((r) => r[companies[0]!.indexOf('name')])
        .sort(),
    ).toEqual([...names].sort());
  });

  it('escapes markup and drops characters XML cannot carry; refuses a list value holding the array delimiter', () => {
    const article: Article = {
      id: 'a<&>#1',
      file: 'a.txt',
      index: 0,
      title: 'T "1" & <2>\u0001',
      kicker: null,
      subtitle: null,
      date: null,
      reporters: [],
      body: 'x\u000cy',
    };
    const entity: Entity = {
      id: 'Company:甲&乙公司',
      type: 'Company',
      name: '甲&乙公司',
      aliases: ['甲;乙'],
      articles: ['a<&>#1'],
      props: {},
    };
    const g = recordsGraph(
      [article],
      [entity],
      [
        {
          type: 'MENTIONS',
          from: 'Article:a<&>#1',
          to: entity.id,
          article: article.id,
          evidence: '<',
          start: 0,
          end: 1,
          rule: 'r',
          props: { count: 1 },
        },
      ],
    );
    const doc = parseXml(exportFiles(g, 'graphml')[0]!.content);
    expect(doc.getElementsByTagName('node').length).toBe(2);
    parseXml(exportFiles(g, 'gexf')[0]!.content);
    expect(() => exportFiles(g, 'neo4j-admin')).toThrow(
      'node Company:甲&乙公司: list value "甲;乙" contains the array delimiter ";"',
    );
  });

  it('names what is wrong: an unknown format, a folder without records, a destination that cannot be written', async () => {
    await expect(runExport(out, { format: 'dot' })).rejects.toThrow(
      '--format dot: expected one of neo4j-admin, graphml, gexf, csv',
    );
    await expect(runExport(join(dir, 'nothing'), { format: 'csv' })).rejects.toThrow(
      /articles\.jsonl does not exist: run kg extract/,
    );
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    await expect(runExport(out, { format: 'csv', to: join(file, 'sub') })).rejects.toThrow(/cannot be written/);
  });
});
