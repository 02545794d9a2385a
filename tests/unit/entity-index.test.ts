// The corpus entity index: merging entities unit by unit, in blocks kept in the state (blocks.ts), or with articles
// known to be new, gives the same entities as merging every record in order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EntityIndex } from '../../src/resolve/corpus.ts';
import type { Entity } from '../../src/schema.ts';
import { BlockedEntityIndex } from '../../src/state/blocks.ts';
import { StateStore } from '../../src/state/store.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const city = (articles: string[], aliases: string[] = [], props: Entity['props'] = {}): Entity => ({
  id: 'City:聊城市',
  type: 'City',
  name: '聊城市',
  aliases,
  articles,
  props,
});
const project = (articles: string[], investment?: number): Entity => ({
  id: 'Project:海韵项目',
  type: 'Project',
  name: '海韵项目',
  aliases: [],
  articles,
  props: investment === undefined ? {} : { investment_yuan: investment },
});

/** Units as a corpus would give them: each with its article ids and its entities. */
const units: { hash: string; articleIds: string[]; entities: Entity[] }[] = Array.from({ length: 90 }, (_, n) => {
  const ids = [`p${n}#1`, `p${n}#2`];
  return {
    // Hashes whose first 32 bits are 0 mod 32 end a block: units 10 and 50 do.
    hash: `${n === 10 || n === 50 ? '00000000' : '0000000f'}${String(n).padStart(24, '0')}`,
    articleIds: ids,
    entities: [
      city(ids, n % 3 === 0 ? ['我市'] : [`市${n % 5}`]),
      ...(n % 4 === 0 ? [project([ids[0]!], n % 8 === 0 ? n * 1000 : undefined)] : []),
    ],
  };
});

function plain(all: typeof units): Entity[] {
  const index = new EntityIndex();
  for (const u of all) for (const e of u.entities) index.add(e);
  return index.entities();
}

async function blocked(all: typeof units, store: StateStore): Promise<Entity[]> {
  const index = new EntityIndex();
  const blocks = new BlockedEntityIndex(store, index);
  for (const u of all) await blocks.add(u.hash, u.articleIds, u.entities);
  await blocks.flush();
  return index.entities();
}

describe('EntityIndex', () => {
  it('appends articles known to be new, and still drops one that comes again later', () => {
    const index = new EntityIndex();
    index.add(city(['a#1', 'a#2'], ['我市']), true);
    index.add(city(['b#1'], ['本市'], { division_code: '371500' }), true);
    index.add(city(['b#1', 'c#1'], ['我市']));
    expect(index.entities()).toEqual([
      city(['a#1', 'a#2', 'b#1', 'c#1'], ['我市', '本市'], { division_code: '371500' }),
    ]);
  });
});

describe('BlockedEntityIndex', () => {
  it('merges in blocks, kept and read back, to the entities of merging every unit in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-blocks-'));
    dirs.push(dir);
    const store = new StateStore(dir);
    const want = plain(units);
    expect(want.find((e) => e.type === 'City')!.articles).toHaveLength(180);
    expect(await blocked(units, store)).toEqual(want);
    // A second pass reads the blocks it kept; a changed unit's block is merged again from its units.
    expect(await blocked(units, store)).toEqual(want);
    const changed = units.map((u, n) =>
      n === 30 ? { ...u, hash: `0000000f${'9'.repeat(24)}`, entities: [city(u.articleIds, ['市府'])] } : u,
    );
    expect(await blocked(changed, store)).toEqual(plain(changed));
  });

  it('gives the same entities when two units share article ids (two pages of the same name)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-blocks-'));
    dirs.push(dir);
    const twice = [...units.slice(0, 40), { ...units[5]!, hash: `0000000f${'8'.repeat(24)}` }, ...units.slice(40)];
    const got = await blocked(twice, new StateStore(dir));
    expect(got).toEqual(plain(twice));
    expect(new Set(got.find((e) => e.type === 'City')!.articles).size).toBe(180);
  });
});
