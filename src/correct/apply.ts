// Corrections applied to merged records: pure, records and corrections in, corrected records and a report out.
// Corrections apply in order, each to the records as the ones before it left them; one naming an entity (or a
// relation) that is not there is reported and skipped. Relations are indexed by their ends, so a correction costs the
// relations of the entities it names, not a pass over the corpus.
import { edgeKey } from '../graph/build.ts';
import { byTypeAndName } from '../resolve/corpus.ts';
import { entityId, type Correction, type Entity, type Relation } from '../schema.ts';

/** A correction with where it was read (`corrections.jsonl:3`), for the report. */
export interface LocatedCorrection {
  where: string;
  correction: Correction;
}

export interface Corrected {
  entities: Entity[];
  relations: Relation[];
  /** The input index of each of `relations`. */
  sources: number[];
  /** Which relations (by input index) are not as they came in: moved, removed or collapsed. */
  changedRelations: Set<number>;
  /** Articles with a relation that changed: a database loaded from the uncorrected records reloads them. */
  articles: string[];
  applied: number;
  /** `corrections.jsonl:3: rename Company:X: no entity Company:X`, one per skipped correction. */
  skipped: string[];
}

/** What `props.corrected` lists, joined by this: a string, as Neo4j and graph.json properties are scalars. */
const NOTE_SEPARATOR = '; ';

export function applyCorrections(
  entities: readonly Entity[],
  relations: readonly Relation[],
  corrections: readonly LocatedCorrection[],
): Corrected {
  const byId = new Map(entities.map((e) => [e.id, copyEntity(e)]));
  const notes = new Map<string, string[]>();
  for (const e of entities) {
    const earlier = e.props.corrected;
    if (typeof earlier === 'string' && earlier) notes.set(e.id, earlier.split(NOTE_SEPARATOR));
  }
  // The relations the corrections edit, by index (null: removed); the others are left as they are, not copied.
  const edited = new Map<number, Relation | null>();
  const current = (i: number): Relation | null => (edited.has(i) ? edited.get(i)! : relations[i]!);
  // Relations by end, for the ids the corrections name only: one a correction moves elsewhere is linked there then.
  const mentioned = new Set(corrections.flatMap(({ correction }) => mentionedIds(correction)));
  const ends = new Map<string, Set<number>>();
  const link = (id: string, i: number) => (ends.get(id) ?? ends.set(id, new Set()).get(id)!).add(i);
  for (const [i, r] of relations.entries()) {
    if (mentioned.has(r.from)) link(r.from, i);
    if (mentioned.has(r.to)) link(r.to, i);
  }
  const note = (id: string, text: string) => (notes.get(id) ?? notes.set(id, []).get(id)!).push(text);

  /** Takes `id` out and puts `target` in its place, absorbed by the entity of target's id when there is one. */
  const replace = (id: string, target: Entity, why: string): void => {
    byId.delete(id);
    const there = byId.get(target.id);
    if (there) absorb(there, target);
    else byId.set(target.id, target);
    const carried = notes.get(id) ?? [];
    notes.delete(id);
    for (const n of [...carried, why]) note(target.id, n);
    for (const i of ends.get(id) ?? []) {
      const was = current(i);
      if (!was) continue;
      const r = { ...was, from: was.from === id ? target.id : was.from, to: was.to === id ? target.id : was.to };
      edited.set(i, r);
      link(target.id, i);
    }
    ends.delete(id);
  };
  const missing = (ids: string[]): string[] => ids.filter((id) => !byId.has(id));

  let applied = 0;
  const skipped: string[] = [];
  for (const { where, correction: c } of corrections) {
    const skip = (why: string) => skipped.push(`${where}: ${describe(c)}: ${why}`);
    const absent = missing(namedIds(c));
    if (absent.length) {
      skip(`no entity ${absent.join(', ')}`);
      continue;
    }
    switch (c.op) {
      case 'merge':
        // Each under the id of `into`, which is there: absorbed by it.
        for (const id of new Set(c.ids)) replace(id, { ...byId.get(id)!, id: c.into }, `merged ${id}`);
        break;
      case 'rename':
      case 'retype': {
        const e = byId.get(c.id)!;
        const name = c.op === 'rename' ? c.name : e.name;
        const type = c.op === 'retype' ? c.type : e.type;
        const id = entityId(type, name);
        if (id === c.id) {
          skip(`already ${c.op === 'rename' ? 'named so' : 'of that type'}`);
          continue;
        }
        const aliases = name === e.name ? e.aliases : addTo(e.aliases, e.name, name);
        replace(
          c.id,
          { ...e, id, type, name, aliases: aliases.filter((a) => a !== name) },
          c.op === 'rename' ? `renamed from ${c.id}` : `retyped from ${c.id}`,
        );
        break;
      }
      case 'alias': {
        const e = byId.get(c.id)!;
        if (c.alias === e.name || e.aliases.includes(c.alias)) {
          skip('already a name or alias of it');
          continue;
        }
        e.aliases.push(c.alias);
        note(c.id, `alias ${c.alias}`);
        break;
      }
      case 'delete':
        byId.delete(c.id);
        notes.delete(c.id);
        for (const i of ends.get(c.id) ?? []) edited.set(i, null);
        ends.delete(c.id);
        break;
      case 'delete-relation': {
        const hits = [...(ends.get(c.from) ?? [])].filter((i) => {
          const r = current(i);
          return (
            r
            && r.type === c.type
            && r.from === c.from
            && r.to === c.to
            && (c.article === undefined || r.article === c.article)
          );
        });
        if (!hits.length) {
          skip('no such relation');
          continue;
        }
        for (const i of hits) edited.set(i, null);
        break;
      }
    }
    applied++;
  }

  const out = [...byId.values()].map((e) => {
    const n = notes.get(e.id);
    return n?.length ? { ...e, props: { ...e.props, corrected: n.join(NOTE_SEPARATOR) } } : e;
  });
  return { entities: out.sort(byTypeAndName), ...settleRelations(relations, edited), applied, skipped };
}

/**
 * The relations in their order without the removed ones; a changed relation that became a self-loop, or now has the
 * key (type, ends, article, start) of one before it, collapses. Unchanged relations stay as they were.
 */
function settleRelations(
  original: readonly Relation[],
  edited: ReadonlyMap<number, Relation | null>,
): Pick<Corrected, 'relations' | 'sources' | 'changedRelations' | 'articles'> {
  // Only a relation from where an edited one now starts can have its key.
  const starts = new Set([...edited.values()].flatMap((r) => (r ? [r.from] : [])));
  const keys = new Set<string>();
  for (const [i, r] of original.entries()) if (starts.has(r.from) && !edited.has(i)) keys.add(edgeKey(r));
  const relations: Relation[] = [];
  const sources: number[] = [];
  const articles = new Set<string>();
  for (const [i, was] of original.entries()) {
    const r = edited.has(i) ? edited.get(i)! : was;
    if (edited.has(i)) {
      // A removed or collapsed relation is as much a change of its article as a moved one.
      articles.add(was.article);
      if (!r || r.from === r.to || keys.has(edgeKey(r))) continue;
      keys.add(edgeKey(r));
    }
    relations.push(r!);
    sources.push(i);
  }
  return { relations, sources, changedRelations: new Set(edited.keys()), articles: [...articles].sort() };
}

const copyEntity = (e: Entity): Entity => ({
  ...e,
  aliases: [...e.aliases],
  articles: [...e.articles],
  props: { ...e.props },
});

/** `list` with `more` appended where not there yet and not `except`. */
const addTo = (list: readonly string[], more: string, except: string): string[] =>
  more === except || list.includes(more) ? [...list] : [...list, more];

/** `from` merged into `into`: names become aliases, articles and aliases unions, `into`'s properties first. */
function absorb(into: Entity, from: Entity): void {
  for (const a of [from.name, ...from.aliases]) if (a !== into.name && !into.aliases.includes(a)) into.aliases.push(a);
  for (const a of from.articles) if (!into.articles.includes(a)) into.articles.push(a);
  for (const [k, v] of Object.entries(from.props))
    if (into.props[k] === undefined && k !== 'corrected') into.props[k] = v;
}

/**
 * The entities a correction needs. A delete-relation needs only its relation (whose ends may be articles, as those of
 * MENTIONS are): it is reported when there is none.
 */
export const namedIds = (c: Correction): string[] => (c.op === 'delete-relation' ? [] : mentionedIds(c));

/** Every id a correction names. */
const mentionedIds = (c: Correction): string[] =>
  c.op === 'merge' ? [...c.ids, c.into] : c.op === 'delete-relation' ? [c.from, c.to] : [c.id];

/** A correction in a few words, for the report. */
export function describe(c: Correction): string {
  switch (c.op) {
    case 'merge':
      return `merge ${c.ids.join(', ')} into ${c.into}`;
    case 'rename':
      return `rename ${c.id} to ${c.name}`;
    case 'alias':
      return `alias ${c.id} as ${c.alias}`;
    case 'retype':
      return `retype ${c.id} as ${c.type}`;
    case 'delete':
      return `delete ${c.id}`;
    case 'delete-relation':
      return `delete-relation ${c.type} ${c.from} → ${c.to}${c.article ? ` in ${c.article}` : ''}`;
  }
}
