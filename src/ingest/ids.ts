// Article ids must be unique across a run: graph.json, Neo4j and evidence offsets all key on them. Page ids come from
// the page's name under its input root and .jsonl ids from the lines, so two roots each holding `01.txt`, or two
// .jsonl lines (in one file or two) giving the same id, would silently overwrite each other. The run asks here before
// writing a unit, and a unit giving an id already written is reported with both sources and not written.

/** Which source (a page path, `file:line` of a .jsonl line) first gave each article id in this run. */
export class ArticleIds {
  private readonly owners = new Map<string, string>();

  /**
   * Claim `ids` for `source`: null when none was given before (then they are `source`'s), else the error naming the
   * first clashing id and both sources (then nothing is claimed).
   */
  claim(ids: readonly string[], source: string): string | null {
    for (const id of ids) {
      const owner = this.owners.get(id);
      if (owner !== undefined)
        return `article id ${id} is given by ${owner} too; not written (rename one of them, or give their common parent folder)`;
    }
    for (const id of ids) this.owners.set(id, source);
    return null;
  }
}
