// Across articles, one entity per canonical id: aliases and articles are unions, properties the first printed.
import type { Entity } from '../schema.ts';

interface Merged {
  entity: Entity;
  // Sets beside the lists: a city named in every article would otherwise cost a list scan per article.
  aliases: Set<string>;
  /** null while every article added was known to be new: then the list is the set, and the Set is made when needed. */
  articles: Set<string> | null;
}

export class EntityIndex {
  private readonly byId = new Map<string, Merged>();

  /**
   * `newArticles`: the caller knows that none of e's articles is in the index yet (they come from pages whose
   * articles no earlier page had), so they are appended without a look-up: merging a large corpus's blocks spends
   * most of its time on those look-ups otherwise.
   */
  add(e: Entity, newArticles = false): void {
    const seen = this.byId.get(e.id);
    if (!seen) {
      const entity = { ...e, aliases: [...e.aliases], articles: [...e.articles], props: { ...e.props } };
      this.byId.set(e.id, {
        entity,
        aliases: new Set(entity.aliases),
        articles: newArticles ? null : new Set(entity.articles),
      });
      return;
    }
    union(seen.entity.aliases, seen.aliases, e.aliases);
    if (newArticles) {
      for (const a of e.articles) seen.entity.articles.push(a);
      seen.articles = null;
    } else {
      union(seen.entity.articles, (seen.articles ??= new Set(seen.entity.articles)), e.articles);
    }
    const props = seen.entity.props;
    for (const [k, v] of Object.entries(e.props)) if (props[k] === undefined && v !== undefined) props[k] = v;
  }

  get size(): number {
    return this.byId.size;
  }

  /** Entities in a stable order: by type, then name. */
  entities(): Entity[] {
    return [...this.byId.values()].map((m) => m.entity).sort(byTypeAndName);
  }
}

/** The order of entities.jsonl: by type, then name. */
export const byTypeAndName = (a: Entity, b: Entity): number =>
  a.type.localeCompare(b.type) || a.name.localeCompare(b.name);

function union(list: string[], seen: Set<string>, more: string[]): void {
  for (const x of more) {
    if (seen.has(x)) continue;
    seen.add(x);
    list.push(x);
  }
}
