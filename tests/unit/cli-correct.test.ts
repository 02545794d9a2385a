// kg correct and kg extract on the seeds, through the command line: a merge and a rename reach entities.jsonl,
// relations.jsonl and graph.json without extracting a page again, a re-run is stable, a full rebuild equals it.
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGraph } from '../../src/graph/build.ts';
import { Entity, Relation } from '../../src/schema.ts';
import { correctedSeeds, jsonl, kg, kgOk, ROOT, type CorrectedSeeds } from '../fixtures/corrected-seeds.ts';

const OUTPUTS = ['articles.jsonl', 'entities.jsonl', 'relations.jsonl', 'graph.json'];
let s: CorrectedSeeds;
let entities: Map<string, Entity>;
let relations: Relation[];
const rebuilt: string[] = [];

beforeAll(() => {
  s = correctedSeeds();
  entities = new Map(jsonl(s.out, 'entities.jsonl', Entity).map((e) => [e.id, e]));
  relations = jsonl(s.out, 'relations.jsonl', Relation);
});

afterAll(() => {
  for (const d of [s.out, ...rebuilt]) rmSync(d, { recursive: true, force: true });
});

const renamedId = () => `Project:${s.newName}`;
/** A relation's identity with one end replaced: where a relation of the uncorrected outputs must be now. */
const keyWith = (r: Relation, from: string, to: string) => `${r.type}|${from}|${to}|${r.article}|${r.start}`;

describe('kg correct, then kg extract again', () => {
  it('appended two lines to DIR/corrections.jsonl, with their time', () => {
    const lines = readFileSync(join(s.out, 'corrections.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.op)).toEqual(['merge', 'rename']);
    expect(lines[0]).toMatchObject({ ids: [s.away.id], into: s.into.id, by: 'test', note: 'one company' });
    expect(Date.parse(String(lines[1]!.at))).not.toBeNaN();
  });

  it('merged the company: no entity and no relation end is the merged-away id; into carries its name and articles', () => {
    expect(entities.has(s.away.id)).toBe(false);
    const into = entities.get(s.into.id)!;
    expect(into.aliases).toEqual(expect.arrayContaining([s.away.name, ...s.away.aliases]));
    expect(into.articles).toEqual(expect.arrayContaining([...s.into.articles, ...s.away.articles]));
    expect(into.props.corrected).toBe(`merged ${s.away.id}`);
    expect(relations.filter((r) => r.from === s.away.id || r.to === s.away.id)).toEqual([]);
  });

  it('moved every relation of the merged-away company to into, but self-loops', () => {
    const now = new Set(relations.map((r) => keyWith(r, r.from, r.to)));
    const moved = s.before.relations.filter((r) => r.from === s.away.id || r.to === s.away.id);
    expect(moved.length).toBeGreaterThan(0);
    for (const r of moved) {
      const [from, to] = [r.from === s.away.id ? s.into.id : r.from, r.to === s.away.id ? s.into.id : r.to];
      if (from !== to) expect(now, keyWith(r, from, to)).toContain(keyWith(r, from, to));
    }
  });

  it('renamed the project: a new id, the old name an alias, its relations follow', () => {
    expect(entities.has(s.renamed.id)).toBe(false);
    const e = entities.get(renamedId())!;
    expect(e).toMatchObject({ name: s.newName, type: 'Project', articles: s.renamed.articles });
    expect(e.aliases).toContain(s.renamed.name);
    expect(e.props.corrected).toBe(`renamed from ${s.renamed.id}`);
    const before = s.before.relations.filter((r) => r.to === s.renamed.id || r.from === s.renamed.id).length;
    expect(relations.filter((r) => r.to === renamedId() || r.from === renamedId())).toHaveLength(before);
  });

  it('graph.json holds the corrected nodes, with corrected, and none of the old ids', () => {
    const graph = importGraph(JSON.parse(readFileSync(join(s.out, 'graph.json'), 'utf8')));
    expect(graph.getNodeAttribute(s.into.id, 'corrected')).toBe(`merged ${s.away.id}`);
    expect(graph.hasNode(s.away.id)).toBe(false);
    expect(graph.hasNode(s.renamed.id)).toBe(false);
    expect(graph.hasNode(renamedId())).toBe(true);
  });

  it('took every page from the state, and a second re-run writes the same bytes', () => {
    const lastRun = JSON.parse(readFileSync(join(s.out, '.state/last-run.json'), 'utf8')) as {
      pages: { unchanged: number; changed: string[] };
    };
    expect(lastRun.pages).toMatchObject({ unchanged: 2, changed: [] });
    const first = OUTPUTS.map((f) => readFileSync(join(s.out, f)));
    const summary = kgOk('extract', join(ROOT, 'seeds'), '--out', s.out);
    expect(summary).toContain('pages: 0 extracted');
    expect(summary).toContain(`corrections: 2 applied, 0 skipped (${join(s.out, 'corrections.jsonl')})`);
    for (const [i, f] of OUTPUTS.entries()) expect(readFileSync(join(s.out, f)).equals(first[i]!), f).toBe(true);
  });

  it('equals a full rebuild with the same file given by --corrections', () => {
    const fresh = join(s.out, '..', `${s.out.split('/').pop()}-full`);
    rebuilt.push(fresh);
    kgOk(
      'extract',
      join(ROOT, 'seeds'),
      '--out',
      fresh,
      '--corrections',
      join(s.out, 'corrections.jsonl'),
      '--full',
      '--quiet',
    );
    for (const f of OUTPUTS) expect(readFileSync(join(fresh, f)).equals(readFileSync(join(s.out, f))), f).toBe(true);
  });

  it('reports a correction whose id is gone, and applies the rest', () => {
    const other = join(s.out, '..', `${s.out.split('/').pop()}-stale`);
    rebuilt.push(other);
    kgOk('extract', join(ROOT, 'seeds', '000_1d8b0c37187465ce.txt'), '--out', other, '--quiet');
    const known = new Set(jsonl(other, 'entities.jsonl', Entity).map((e) => e.id));
    copyFileSync(join(s.out, 'corrections.jsonl'), join(other, 'corrections.jsonl'));
    const summary = kgOk('extract', join(ROOT, 'seeds', '000_1d8b0c37187465ce.txt'), '--out', other);
    // What the one page lacks of what each correction names, as its uncorrected outputs tell.
    const lacks = [[s.away.id, s.into.id], [s.renamed.id]].map((ids) => ids.filter((id) => !known.has(id)));
    expect(lacks.flat().length).toBeGreaterThan(0); // else this test tests nothing
    const skipped = summary.split('\n').filter((l) => /^ {2}corrections\.jsonl:\d+: /.test(l));
    expect(skipped).toEqual(
      lacks.flatMap((ids, i) =>
        ids.length
          ? [expect.stringMatching(new RegExp(`^  corrections\\.jsonl:${i + 1}: .*: no entity ${ids.join(', ')}$`))]
          : [],
      ),
    );
    expect(summary).toContain(
      `corrections: ${lacks.filter((ids) => !ids.length).length} applied, ${skipped.length} skipped`,
    );
  });
});

describe('kg correct refuses', () => {
  it('an id the folder does not have, naming it and the file, and appends nothing', () => {
    const before = readFileSync(join(s.out, 'corrections.jsonl'), 'utf8');
    const r = kg('correct', s.out, 'alias', s.away.id, 'x');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`no entity ${s.away.id} in ${join(s.out, 'entities.jsonl')}`);
    expect(readFileSync(join(s.out, 'corrections.jsonl'), 'utf8')).toBe(before);
  });

  it('a malformed line of the corrections file stops kg extract before any output is written', () => {
    const bad = join(s.out, '..', `${s.out.split('/').pop()}-bad.jsonl`);
    rebuilt.push(bad);
    copyFileSync(join(s.out, 'corrections.jsonl'), bad);
    const text = `${readFileSync(bad, 'utf8')}{"op":"retype","id":"${s.into.id}","type":"Firm","at":"2026-12-02T10:00:00Z"}\n`;
    writeFileSync(bad, text);
    const entitiesBefore = readFileSync(join(s.out, 'entities.jsonl'));
    const r = kg('extract', join(ROOT, 'seeds'), '--out', s.out, '--corrections', bad);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`${bad}:3: type:`);
    expect(readFileSync(join(s.out, 'entities.jsonl')).equals(entitiesBefore)).toBe(true);
  });
});
