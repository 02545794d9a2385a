// Across articles, one entity per canonical id: aliases and articles are unions, properties the first printed.
import type { Entity } from '../schema.ts';

export class EntityIndex {
  private readonly byId = new Map<string, Entity>();

  add(e: Entity): void {
    const seen = this.byId.get(e.id);
    if (!seen) {
      this.byId.set(e.id, { ...e, aliases: [...e.aliases], articles: [...e.articles], props: { ...e.props } });
      return;
    }
    for (const a of e.aliases) if (!seen.aliases.includes(a)) seen.aliases.push(a);
    for (const a of e.articles) if (!seen.articles.includes(a)) seen.articles.push(a);
    for (const [k, v] of Object.entries(e.props)) if (seen.props[k] === undefined && v !== undefined) seen.props[k] = v;
  }

  get size(): number {
    return this.byId.size;
  }

  /** Entities in a stable order: by type, then name. */
  entities(): Entity[] {
    return [...this.byId.values()].sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
  }
}
