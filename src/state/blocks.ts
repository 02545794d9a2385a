// The corpus entity index, merged block by block so that a re-run merges few records. EntityIndex merging is
// associative (ordered unions, the first printed property wins), so merging a block of consecutive units, then the
// blocks in order, gives the index that merging every unit in order gives. Each block's merged entities are kept in the
// state under a key made of its units' hashes: a re-run after one changed page merges that page's block from its units
// and takes every other block as it was kept, ~30× fewer records than all the units' entities. A block ends after a
// unit whose hash says so (content-defined boundaries, as rsync and restic cut chunks), so a page added or removed
// moves the boundaries of its own block only.
import { createHash } from 'node:crypto';
import { EntityIndex } from '../resolve/corpus.ts';
import type { Entity } from '../schema.ts';
import type { StateStore } from './store.ts';

/** A block ends after a unit whose hash's first 32 bits are 0 modulo this: 32 units a block on average… */
const MEAN_BLOCK = 32;
/** …and after this many units in any case, which bounds what a block holds in memory. */
const MAX_BLOCK = 8 * MEAN_BLOCK;

interface Member {
  hash: string;
  /** Whether none of the unit's articles came in an earlier unit (the usual case: page stems differ). */
  newArticles: boolean;
  /** The unit's entities at hand (just extracted), or how to get them should the block be merged (from the state). */
  entities: Entity[] | (() => Promise<Entity[]>);
}

export class BlockedEntityIndex {
  private members: Member[] = [];
  /** Every article of the units so far: whether a unit's articles are new decides how cheaply they are merged. */
  private readonly articles = new Set<string>();
  /** Keys of the blocks so far, in order (the manifest keeps them, and the state keeps their files). */
  readonly keys: string[] = [];

  constructor(
    private readonly state: StateStore,
    private readonly index: EntityIndex,
  ) {}

  async add(hash: string, articleIds: string[], entities: Member['entities']): Promise<void> {
    let newArticles = true;
    for (const id of articleIds) {
      if (this.articles.has(id)) newArticles = false;
      else this.articles.add(id);
    }
    this.members.push({ hash, newArticles, entities });
    if (parseInt(hash.slice(0, 8), 16) % MEAN_BLOCK === 0 || this.members.length >= MAX_BLOCK) await this.flush();
  }

  /** Ends the current block: its merged entities as kept, or merged from its units and kept; then into the index. */
  async flush(): Promise<void> {
    if (this.members.length === 0) return;
    const members = this.members;
    this.members = [];
    const key = createHash('sha256')
      .update(members.map((m) => m.hash).join('\n'))
      .digest('hex')
      .slice(0, 32);
    let merged = this.state.readBlock(key);
    if (!merged) {
      const block = new EntityIndex();
      for (const m of members)
        for (const e of Array.isArray(m.entities) ? m.entities : await m.entities()) block.add(e, m.newArticles);
      merged = block.entities();
      this.state.writeBlock(key, merged);
    }
    const newArticles = members.every((m) => m.newArticles);
    for (const e of merged) this.index.add(e, newArticles);
    this.keys.push(key);
  }
}
