// src/correct/: corrections applied to records built here, the file's checks, and kg correct's words.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyCorrections, type LocatedCorrection } from '../../src/correct/apply.ts';
import { correctionFromWords, unknownIds } from '../../src/correct/command.ts';
import { appendCorrection, readCorrections } from '../../src/correct/file.ts';
import { Correction, Entity, entityId, Relation, type EntityType } from '../../src/schema.ts';

const AT = '2026-12-02T10:00:00Z';

const entity = (type: EntityType, name: string, articles: string[], extra: Partial<Entity> = {}): Entity =>
  Entity.parse({ id: entityId(type, name), type, name, aliases: [], articles, props: {}, ...extra });

const relation = (type: Relation['type'], from: string, to: string, article: string, start: number): Relation =>
  Relation.parse({ type, from, to, article, evidence: '…', start, end: start + 5, rule: 'test', props: {} });

const located = (...cs: object[]): LocatedCorrection[] =>
  cs.map((c, i) => ({ where: `corrections.jsonl:${i + 1}`, correction: Correction.parse({ at: AT, ...c }) }));

const SHORT = entity('Company', '哈轴集团', ['a#1'], { aliases: ['哈轴'], props: { founded: 1950 } });
const LONG = entity('Company', '哈尔滨轴承集团有限公司', ['a#2'], { props: { founded: 1949 } });
const PROJECT = entity('Project', '轴承产业园项目', ['a#1', 'a#2']);
const COUNTY = entity('County', '东阿县', ['a#1']);
const RECORDS = {
  entities: [SHORT, LONG, PROJECT, COUNTY],
  relations: [
    relation('DEVELOPS', SHORT.id, PROJECT.id, 'a#1', 10),
    relation('DEVELOPS', LONG.id, PROJECT.id, 'a#2', 20),
    relation('DEVELOPS', LONG.id, PROJECT.id, 'a#1', 10), // the same sentence as the first: a duplicate once merged
    relation('LOCATED_IN', SHORT.id, LONG.id, 'a#1', 30), // a self-loop once merged
    relation('LOCATED_IN', PROJECT.id, COUNTY.id, 'a#1', 40),
  ],
};
const apply = (...cs: object[]) => applyCorrections(RECORDS.entities, RECORDS.relations, located(...cs));
const byId = (es: Entity[]) => new Map(es.map((e) => [e.id, e]));

describe('applyCorrections', () => {
  it('merges: names, aliases, articles and missing props move to into; its own props win; corrected says what', () => {
    const r = apply({ op: 'merge', ids: [SHORT.id], into: LONG.id });
    const merged = byId(r.entities).get(LONG.id)!;
    expect(byId(r.entities).has(SHORT.id)).toBe(false);
    expect(merged.aliases).toEqual(['哈轴集团', '哈轴']);
    expect(merged.articles).toEqual(['a#2', 'a#1']);
    expect(merged.props).toEqual({ founded: 1949, corrected: `merged ${SHORT.id}` });
    expect(r.applied).toBe(1);
    expect(r.skipped).toEqual([]);
  });

  it('moves every relation end to into; duplicates and self-loops collapse; the rest stay as they were', () => {
    const r = apply({ op: 'merge', ids: [SHORT.id], into: LONG.id });
    expect(r.relations.map((x) => [x.type, x.from, x.to, x.article, x.start])).toEqual([
      ['DEVELOPS', LONG.id, PROJECT.id, 'a#2', 20],
      ['DEVELOPS', LONG.id, PROJECT.id, 'a#1', 10], // the unchanged one of the two duplicates is kept
      ['LOCATED_IN', PROJECT.id, COUNTY.id, 'a#1', 40],
    ]);
    expect(r.sources).toEqual([1, 2, 4]);
    expect(r.relations[2]).toEqual(RECORDS.relations[4]);
    expect(r.articles).toEqual(['a#1']);
    expect(Entity.array().parse(r.entities)).toHaveLength(3);
  });

  it('renames: a new id, the old name an alias, relations follow, corrected names the old id', () => {
    const r = apply({ op: 'rename', id: SHORT.id, name: '哈轴股份' });
    const renamed = byId(r.entities).get('Company:哈轴股份')!;
    expect(renamed.aliases).toEqual(['哈轴', '哈轴集团']);
    expect(renamed.props.corrected).toBe(`renamed from ${SHORT.id}`);
    expect(byId(r.entities).has(SHORT.id)).toBe(false);
    expect(r.relations.filter((x) => x.from === 'Company:哈轴股份').map((x) => x.to)).toEqual([PROJECT.id, LONG.id]);
    expect(() => Entity.array().parse(r.entities)).not.toThrow();
  });

  it('a rename onto an existing name merges into it', () => {
    const r = apply({ op: 'rename', id: SHORT.id, name: LONG.name });
    expect(r.entities.map((e) => e.id)).toEqual([LONG.id, COUNTY.id, PROJECT.id]);
    expect(byId(r.entities).get(LONG.id)!.props.corrected).toBe(`renamed from ${SHORT.id}`);
  });

  it('retypes: the id changes with the type, relations follow', () => {
    const r = apply({ op: 'retype', id: SHORT.id, type: 'Organization' });
    const e = byId(r.entities).get('Organization:哈轴集团')!;
    expect(e.type).toBe('Organization');
    expect(e.props.corrected).toBe(`retyped from ${SHORT.id}`);
    expect(r.relations[0]!.from).toBe('Organization:哈轴集团');
  });

  it('adds an alias once', () => {
    const r = apply({ op: 'alias', id: LONG.id, alias: '哈轴' }, { op: 'alias', id: LONG.id, alias: '哈轴' });
    expect(byId(r.entities).get(LONG.id)!.aliases).toEqual(['哈轴']);
    expect(r.applied).toBe(1);
    expect(r.skipped).toEqual([`corrections.jsonl:2: alias ${LONG.id} as 哈轴: already a name or alias of it`]);
  });

  it('deletes an entity with its relations', () => {
    const r = apply({ op: 'delete', id: PROJECT.id });
    expect(byId(r.entities).has(PROJECT.id)).toBe(false);
    expect(r.relations.map((x) => x.type)).toEqual(['LOCATED_IN']);
    expect(r.articles).toEqual(['a#1', 'a#2']);
  });

  it('deletes a relation, of one article or of all', () => {
    const one = apply({ op: 'delete-relation', type: 'DEVELOPS', from: LONG.id, to: PROJECT.id, article: 'a#2' });
    expect(one.relations).toHaveLength(4);
    expect(one.articles).toEqual(['a#2']);
    const all = apply({ op: 'delete-relation', type: 'DEVELOPS', from: LONG.id, to: PROJECT.id });
    expect(all.relations).toHaveLength(3);
  });

  it('deletes a relation whose end is an article (MENTIONS)', () => {
    const mention = relation('MENTIONS', 'Article:a#1', COUNTY.id, 'a#1', 3);
    const r = applyCorrections(
      RECORDS.entities,
      [...RECORDS.relations, mention],
      located({ op: 'delete-relation', type: 'MENTIONS', from: 'Article:a#1', to: COUNTY.id }),
    );
    expect(r.relations).toEqual(RECORDS.relations);
    expect(r.skipped).toEqual([]);
  });

  it('applies in file order: a correction sees what the earlier ones did', () => {
    const r = apply(
      { op: 'rename', id: SHORT.id, name: '哈轴股份' },
      { op: 'merge', ids: ['Company:哈轴股份'], into: LONG.id },
      { op: 'alias', id: SHORT.id, alias: 'x' }, // gone by now
    );
    const merged = byId(r.entities).get(LONG.id)!;
    expect(merged.props.corrected).toBe(`renamed from ${SHORT.id}; merged Company:哈轴股份`);
    expect(merged.aliases).toEqual(expect.arrayContaining(['哈轴集团', '哈轴股份', '哈轴']));
    expect(r.skipped).toEqual([`corrections.jsonl:3: alias ${SHORT.id} as x: no entity ${SHORT.id}`]);
  });

  it('reports and skips a correction naming an id that is not there, and goes on', () => {
    const r = apply(
      { op: 'merge', ids: ['Company:没有'], into: LONG.id },
      { op: 'delete-relation', type: 'FUNDS', from: LONG.id, to: PROJECT.id },
      { op: 'delete', id: COUNTY.id },
    );
    expect(r.skipped).toEqual([
      `corrections.jsonl:1: merge Company:没有 into ${LONG.id}: no entity Company:没有`,
      `corrections.jsonl:2: delete-relation FUNDS ${LONG.id} → ${PROJECT.id}: no such relation`,
    ]);
    expect(r.applied).toBe(1);
    expect(byId(r.entities).has(COUNTY.id)).toBe(false);
  });

  it('changes nothing without corrections', () => {
    const r = apply();
    expect(r.entities).toEqual(
      RECORDS.entities.toSorted((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name)),
    );
    expect(r.relations).toEqual(RECORDS.relations);
    expect(r.changedRelations.size).toBe(0);
  });
});

describe('the corrections file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kg-correct-unit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is optional at DIR/corrections.jsonl, required when given', async () => {
    expect((await readCorrections({ out: dir })).corrections).toEqual([]);
    await expect(readCorrections({ out: dir, corrections: join(dir, 'none.jsonl') })).rejects.toThrow(
      /--corrections .*none\.jsonl: no such file/,
    );
  });

  it('names file and line of a malformed line', async () => {
    const path = join(dir, 'bad.jsonl');
    writeFileSync(
      path,
      `${JSON.stringify({ op: 'delete', id: 'Company:x', at: AT })}\n{"op":"rename","id":"Company:x","at":"${AT}"}\n`,
    );
    await expect(readCorrections({ out: dir, corrections: path })).rejects.toThrow(`${path}:2: name:`);
    writeFileSync(path, '{"op":"merge"\n');
    await expect(readCorrections({ out: dir, corrections: path })).rejects.toThrow(`${path}:1: not JSON`);
    writeFileSync(path, `{"op":"merge","ids":["Company:a"],"into":"Company:a","at":"${AT}"}\n`);
    await expect(readCorrections({ out: dir, corrections: path })).rejects.toThrow('into must not be among ids');
    writeFileSync(path, '{"op":"delete","id":"Company:a","at":"yesterday"}\n');
    await expect(readCorrections({ out: dir, corrections: path })).rejects.toThrow(
      `${path}:1: at: expected an ISO time`,
    );
  });

  it('appends a line after a last line without newline, and reads back in order with where each came from', async () => {
    const path = join(dir, 'corrections.jsonl');
    writeFileSync(path, JSON.stringify({ op: 'delete', id: 'Company:a', at: AT }));
    appendCorrection(path, Correction.parse({ op: 'alias', id: 'Company:b', alias: 'B', at: AT }));
    const file = await readCorrections({ out: dir });
    expect(file.corrections.map((c) => [c.where, c.correction.op])).toEqual([
      ['corrections.jsonl:1', 'delete'],
      ['corrections.jsonl:2', 'alias'],
    ]);
    expect(file.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("kg correct's words", () => {
  it('make each kind of correction', () => {
    const w = (op: string, args: string[], into?: string) => correctionFromWords({ op, args, into, at: AT });
    expect(w('merge', ['Company:哈轴集团'], 'Company:哈尔滨轴承集团有限公司')).toEqual({
      op: 'merge',
      ids: ['Company:哈轴集团'],
      into: 'Company:哈尔滨轴承集团有限公司',
      at: AT,
    });
    expect(w('rename', ['Company:a', 'b'])).toEqual({ op: 'rename', id: 'Company:a', name: 'b', at: AT });
    expect(w('alias', ['Company:a', 'b'])).toEqual({ op: 'alias', id: 'Company:a', alias: 'b', at: AT });
    expect(w('retype', ['Company:a', 'Organization'])).toEqual({
      op: 'retype',
      id: 'Company:a',
      type: 'Organization',
      at: AT,
    });
    expect(w('delete', ['Company:a'])).toEqual({ op: 'delete', id: 'Company:a', at: AT });
  });

  it('refuse what is wrong, saying the usage', () => {
    const w = (op: string, args: string[], into?: string) => () => correctionFromWords({ op, args, into, at: AT });
    expect(w('merge', ['Company:a'])).toThrow('--into ID is required (usage: kg correct DIR merge ID… --into ID)');
    expect(w('rename', ['Company:a'])).toThrow('expected ID NAME');
    expect(w('retype', ['Company:a', 'Firm'])).toThrow(/type: .*Organization/);
    expect(w('delete', ['哈轴集团'])).toThrow('expected an entity id <type>:<name>');
    expect(w('split', [])).toThrow('unknown operation split');
  });

  it('check ids against the entities as the earlier corrections leave them', () => {
    const earlier = located({ op: 'rename', id: SHORT.id, name: '哈轴股份' });
    const c = Correction.parse({ op: 'merge', ids: ['Company:哈轴股份', 'Company:没有'], into: LONG.id, at: AT });
    expect(unknownIds(c, RECORDS.entities, earlier)).toEqual(['Company:没有']);
    expect(unknownIds(c, RECORDS.entities, [])).toEqual(['Company:哈轴股份', 'Company:没有']);
  });
});
