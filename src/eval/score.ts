// Scoring against gold files, as SCHEMA.md "Gold files and scoring" says: per type P/R/F1 over
// (article, type, canonical name) and (article, type, from, to), micro-F1 headlines, reporters, investments.
import type { EntityName } from '../names.ts';
import {
  SCORED_ENTITY_TYPES,
  SCORED_RELATION_TYPES,
  type Article,
  type Entity,
  type GoldArticle,
  type GoldPage,
  type Relation,
} from '../schema.ts';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalReport {
  articles: { gold: number; found: number; missing: string[] };
  entities: Record<string, Prf>;
  relations: Record<string, Prf>;
  entityMicro: Prf;
  relationMicro: Prf;
  reporters: Prf;
  investments: { gold: number; carried: number; share: number };
  misses: string[];
  extras: string[];
}

export interface Extracted {
  articles: Article[];
  entities: Entity[];
  relations: Relation[];
}

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');
const PLACES: ReadonlySet<string> = new Set<EntityName>(['County', 'Town', 'City']);

export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { ...c, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** The extracted article a gold article stands for: same headline, or (captions) same first words. */
export function matchArticle(gold: GoldArticle, candidates: Article[]): Article | undefined {
  if (gold.headline) return candidates.find((a) => squash(a.title) === squash(gold.headline));
  return candidates.find((a) => !a.title && squash(a.body).startsWith(squash(gold.first_words)));
}

/** LOCATED_IN between places is gazetteer knowledge, and LOCATED_IN a City too coarse to judge: neither is scored. */
export function isScoredRelation(type: string, from: string, to: string): boolean {
  if (!(SCORED_RELATION_TYPES as readonly string[]).includes(type) && type !== 'FUNDS') return false;
  if (type !== 'LOCATED_IN') return true;
  return !PLACES.has(from.split(':')[0]!) && to.split(':')[0] !== 'City';
}

export function score(goldPages: Array<{ stem: string; page: GoldPage }>, x: Extracted): EvalReport {
  const counts = new Map<string, Counts>();
  const bump = (key: string, field: keyof Counts) => {
    const c = counts.get(key) ?? { tp: 0, fp: 0, fn: 0 };
    c[field]++;
    counts.set(key, c);
  };
  const report: EvalReport = {
    articles: { gold: 0, found: 0, missing: [] },
    entities: {},
    relations: {},
    entityMicro: prf({ tp: 0, fp: 0, fn: 0 }),
    relationMicro: prf({ tp: 0, fp: 0, fn: 0 }),
    reporters: prf({ tp: 0, fp: 0, fn: 0 }),
    investments: { gold: 0, carried: 0, share: 1 },
    misses: [],
    extras: [],
  };
  const reporters: Counts = { tp: 0, fp: 0, fn: 0 };
  const entitiesByArticle = new Map<string, Entity[]>();
  for (const e of x.entities)
    for (const a of e.articles) entitiesByArticle.set(a, [...(entitiesByArticle.get(a) ?? []), e]);

  for (const { stem, page } of goldPages) {
    const candidates = x.articles.filter((a) => a.id.startsWith(`${stem}#`));
    for (const g of page.articles) {
      report.articles.gold++;
      const label = g.headline ?? g.first_words;
      const article = matchArticle(g, candidates);
      if (!article) {
        report.articles.missing.push(`${stem}: ${label}`);
        for (const e of g.entities) {
          bump(`E:${e.type}`, 'fn');
          report.misses.push(`${label}: ${e.type}:${e.name}`);
        }
        for (const r of g.relations)
          if (isScoredRelation(r.type, r.from, r.to)) {
            bump(`R:${r.type}`, 'fn');
            report.misses.push(`${label}: ${r.type} ${r.from} → ${r.to}`);
          }
        reporters.fn += g.reporters.length;
        continue;
      }
      report.articles.found++;

      // Entities: an extracted name matches a gold name or alias; the gold canonical id stands for both.
      const goldIdOf = new Map<string, string>();
      for (const e of g.entities)
        for (const n of [e.name, ...e.aliases]) goldIdOf.set(`${e.type}:${squash(n)}`, `${e.type}:${e.name}`);
      const extracted = entitiesByArticle.get(article.id) ?? [];
      const canonicalOf = (id: string) => {
        const [type, ...rest] = id.split(':');
        return goldIdOf.get(`${type}:${squash(rest.join(':'))}`) ?? id;
      };
      const foundEntities = new Set(extracted.map((e) => canonicalOf(e.id)));
      const goldEntities = new Set(g.entities.map((e) => `${e.type}:${e.name}`));
      for (const id of foundEntities) {
        const t = id.split(':')[0]!;
        if (goldEntities.has(id)) bump(`E:${t}`, 'tp');
        else {
          bump(`E:${t}`, 'fp');
          report.extras.push(`${label}: ${id}`);
        }
      }
      for (const id of goldEntities)
        if (!foundEntities.has(id)) {
          bump(`E:${id.split(':')[0]}`, 'fn');
          report.misses.push(`${label}: ${id}`);
        }

      const relKey = (type: string, from: string, to: string) => `${type}|${from}|${to}`;
      const foundRelations = new Set(
        x.relations
          .filter((r) => r.article === article.id && isScoredRelation(r.type, r.from, r.to))
          .map((r) => relKey(r.type, canonicalOf(r.from), canonicalOf(r.to))),
      );
      const goldRelations = new Set(
        g.relations.filter((r) => isScoredRelation(r.type, r.from, r.to)).map((r) => relKey(r.type, r.from, r.to)),
      );
      for (const k of foundRelations) {
        const t = k.split('|')[0]!;
        if (goldRelations.has(k)) bump(`R:${t}`, 'tp');
        else {
          bump(`R:${t}`, 'fp');
          report.extras.push(`${label}: ${k.replace(/\|/g, ' ')}`);
        }
      }
      for (const k of goldRelations)
        if (!foundRelations.has(k)) {
          bump(`R:${k.split('|')[0]}`, 'fn');
          report.misses.push(`${label}: ${k.replace(/\|/g, ' ')}`);
        }

      const rep = (r: { name: string; role: string }) => `${r.name}/${r.role}`;
      const foundRep = new Set(article.reporters.map(rep));
      const goldRep = new Set(g.reporters.map(rep));
      for (const r of foundRep)
        if (goldRep.has(r)) reporters.tp++;
        else {
          reporters.fp++;
          report.extras.push(`${label}: reporter ${r}`);
        }
      for (const r of goldRep)
        if (!foundRep.has(r)) {
          reporters.fn++;
          report.misses.push(`${label}: reporter ${r}`);
        }

      for (const e of g.entities) {
        const want = e.props?.investment_yuan;
        if (typeof want !== 'number') continue;
        report.investments.gold++;
        const carrier = extracted.find(
          (x2) => canonicalOf(x2.id) === `${e.type}:${e.name}` && x2.props.investment_yuan === want,
        );
        if (carrier) report.investments.carried++;
        else report.misses.push(`${label}: investment ${e.name} = ${want}`);
      }
    }
  }
  const micro = (keys: string[]) =>
    prf(
      keys.reduce(
        (acc, k) => {
          const c = counts.get(k);
          return c ? { tp: acc.tp + c.tp, fp: acc.fp + c.fp, fn: acc.fn + c.fn } : acc;
        },
        { tp: 0, fp: 0, fn: 0 },
      ),
    );
  for (const [k, c] of counts) (k.startsWith('E:') ? report.entities : report.relations)[k.slice(2)] = prf(c);
  report.entityMicro = micro(SCORED_ENTITY_TYPES.map((t) => `E:${t}`));
  report.relationMicro = micro(SCORED_RELATION_TYPES.map((t) => `R:${t}`));
  report.reporters = prf(reporters);
  report.investments.share = report.investments.gold ? report.investments.carried / report.investments.gold : 1;
  return report;
}
