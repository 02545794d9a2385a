// GET /api/relations?id=…&id=…: the outgoing relations of the given nodes with article, evidence and rule: what the
// viewer's relation table shows and exports (it asks for the sources in batches, as a URL holds only so many ids, and
// keeps the rows whose target it shows). Built on the backend's node details, so both stores answer alike.
import type { FastifyInstance } from 'fastify';
import { BadRequest, checkId, LIMITS } from './app.ts';
import type { ArticleRef, GraphBackend, NodeSummary } from './backend.ts';

export interface RelationRow {
  id: string;
  type: string;
  source: NodeSummary;
  target: NodeSummary;
  article: ArticleRef | null;
  evidence: string;
  rule: string | null;
  props: Record<string, unknown>;
}

/** Each relation leaving one of `ids` (at most LIMITS.relations.max per node), in the backend's order. */
export async function outgoingRelations(backend: GraphBackend, ids: readonly string[]): Promise<RelationRow[]> {
  const rows: RelationRow[] = [];
  for (const id of new Set(ids)) {
    const details = await backend.node(id, { relationLimit: LIMITS.relations.max });
    if (!details) continue;
    const source: NodeSummary = {
      id: details.id,
      type: details.type,
      label: details.label,
      name: details.name,
      aliases: details.aliases,
    };
    for (const r of details.relations) {
      if (r.direction !== 'out') continue;
      const { id: relId, type, other, article, evidence, rule, props } = r;
      rows.push({ id: relId, type, source, target: other, article, evidence, rule, props });
    }
  }
  return rows;
}

export function registerRelationRoutes(app: FastifyInstance, backend: GraphBackend): void {
  app.get('/api/relations', async (req) => {
    const raw = (req.query as Record<string, string | string[] | undefined>).id;
    if (raw === undefined) throw new BadRequest('parameter "id" is required (once per node)');
    const ids = (Array.isArray(raw) ? raw : [raw]).map((v) => checkId(v));
    if (ids.length > LIMITS.subgraphIds.max) throw new BadRequest(`at most ${LIMITS.subgraphIds.max} "id" parameters`);
    return outgoingRelations(backend, ids);
  });
}
