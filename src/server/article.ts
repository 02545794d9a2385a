// GET /api/article/:id: one article to read (headline, date, page file, body) by its bare article id
// (`<page stem>#<n>`, `#` sent as %23), so that the viewer can show the page an evidence sentence came from.
import type { FastifyInstance } from 'fastify';
import { BadRequest, LIMITS } from './app.ts';
import type { GraphBackend } from './backend.ts';

/** An article id as a path parameter: not empty, not too long, without control characters. */
export function checkArticleId(raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '')
    throw new BadRequest('the article id is required: /api/article/<id>');
  if (raw.length > LIMITS.idLength.max)
    throw new BadRequest(`the article id is longer than ${LIMITS.idLength.max} characters`);
  if (/\p{Cc}/u.test(raw)) throw new BadRequest('the article id contains control characters');
  return raw;
}

export function registerArticleRoutes(app: FastifyInstance, backend: GraphBackend): void {
  app.get('/api/article/:id', async (req, reply) => {
    const id = checkArticleId((req.params as { id?: string }).id);
    const article = await backend.article(id);
    return article ?? reply.code(404).send({ error: `no article with id "${id}"` });
  });
}
