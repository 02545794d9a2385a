// One article in, its entities and relations out: mentions of every kind, then relations between them, then
// canonical names, each relation with its evidence sentence, offsets and rule.
import {
  articleNodeId,
  entityId,
  type Article,
  type ArticleGraph,
  type Entity,
  type Mention,
  type Relation,
} from '../schema.ts';
import { pageSpan, type PagePlace } from '../page/place.ts';
import { OffsetIndex, paragraphs, sentences, spanAt } from '../nlp/sentences.ts';
import { resolveNames } from '../resolve/article.ts';
import { findAgencies, type PlaceContext } from './agency.ts';
import { findCompanies } from './company.ts';
import type { ExtractContext } from './context.ts';
import { nerMentions, startedByModel, type ArticleLayer, unitsOf } from './ner.ts';
import { findOrganizations } from './organization.ts';
import { findPositions } from './person.ts';
import { articleCounty, findOwnCounty, findPlaces, isEntityPlace } from './place.ts';
import { findProjects, type ProjectMention } from './project.ts';
import {
  attachInvestments,
  developsRelations,
  fundsRelations,
  locatedRelations,
  positionsToRelations,
  townRelations,
  type ArticleMentions,
  type MentionRelation,
} from './relations.ts';

export { createContext, type ExtractContext } from './context.ts';

const BYLINE = 'person:byline';
const HEADLINE = 'headline';
const REFERENCE = /(该|这家|此)(公司|企业|集团|项目|产业园|园区|基地|工程)/g;

/** `place` traces the article's body back to its page (absent for an article that came without a page). */
export function extractArticle(
  article: Article,
  ctx: ExtractContext,
  layer?: ArticleLayer,
  place?: PagePlace,
): ArticleGraph {
  const text = article.body;
  const headline = [article.kicker, article.title, article.subtitle].filter(Boolean).join('\n');
  const headPlaces = findPlaces(headline, ctx);
  const bodyPlaces = findPlaces(text, ctx);
  const about = articleCounty(article, headPlaces, bodyPlaces, ctx);
  const { county } = about;
  // A bare 市 is the home city, unless the article is about a county-level city and never names its home city.
  const namesHome = [...headPlaces, ...bodyPlaces].some((p) => p.place.code === ctx.gazetteer.home.code);
  const city =
    county && county.type === 'County' && county.name.endsWith('市') && !namesHome ? county : ctx.gazetteer.home;
  const bodyAll = [...bodyPlaces, ...findOwnCounty(text, county)];
  const bodyWhere = { places: bodyAll, county, city };
  const body = findMentions(text, ctx, bodyWhere, layer?.ner);
  // The headline, kicker and subtitle name entities of the article like its body; relations are read from the body,
  // whose sentences are the evidence.
  const head = findMentions(headline, ctx, { places: headPlaces, county, city });
  const mentions = body.mentions;
  attachInvestments(mentions);
  const develops = developsRelations(mentions);
  const relations = [
    ...positionsToRelations(mentions),
    ...develops,
    ...fundsRelations(mentions),
    ...locatedRelations(mentions, ctx, develops, about),
    ...townRelations(mentions, ctx),
  ];
  const reporters: Mention[] = article.reporters.map((r) => ({
    type: 'Person',
    name: r.name,
    surface: r.name,
    start: 0,
    end: 0,
    rule: BYLINE,
    props: {},
  }));
  // A headline's phrases run together once its spaces are gone (人勤春来早 项目开工忙): only a quoted project counts.
  const headEntities = head.all
    .filter((m) => m.type !== 'Project' || m.rule === 'project:quoted')
    .map((m) => ({ ...m, start: 0, end: 0, rule: HEADLINE }));
  return toGraph(article, [...body.all, ...reporters, ...headEntities], relations, mentions, ctx, place);
}

/** Every mention of one text (a body or a headline), and the mentions the relation rules read. */
function findMentions(
  text: string,
  ctx: ExtractContext,
  where: PlaceContext,
  ner: ArticleLayer['ner'] = [],
): { mentions: ArticleMentions; all: Mention[] } {
  const companies = dropNested(startedByModel(findCompanies(text, ctx), ner, ctx));
  const projects = findProjects(text, ctx, companies, where.places);
  const agencies = findAgencies(text, ctx, where);
  // An agency the recogniser's span carries on into one of its units (国家体育总局体育彩票管理中心) is that unit.
  const units = unitsOf(text, ner, agencies);
  const named = dropNested(
    [...agencies.map((m) => units.get(m) ?? m), ...companies, ...findOrganizations(text, ctx), ...projects],
    companies,
  );
  // The recogniser's bodies join the rules' before the relation rules read them (a brand found by the model develops
  // its project like one the rules found); its persons come after the rules' own, which title chains decide.
  const candidates = (type: 'ORG' | 'PER', found: readonly Mention[]): Mention[] =>
    nerMentions(
      text,
      ner.filter((s) => s.type === type),
      ctx,
      where,
      [...where.places, ...found],
    );
  const allNamed = [...named, ...candidates('ORG', named)];
  const keptAgencies = allNamed.filter((m) => m.type === 'Agency');
  const organizations = allNamed.filter((m) => m.type === 'Organization');
  const keptCompanies = allNamed.filter((m) => m.type === 'Company');
  const keptProjects = named.filter((m): m is ProjectMention => m.type === 'Project');

  const references: ArticleMentions['references'] = [];
  const referable = { Company: new OffsetIndex(keptCompanies), Project: new OffsetIndex(keptProjects) };
  for (const r of text.matchAll(REFERENCE)) {
    const type = /公司|企业|集团/.test(r[2]!) ? 'Company' : 'Project';
    const target = referable[type].lastEndingBy(r.index);
    if (target) references.push({ start: r.index, end: r.index + r[0].length, target });
  }
  const bodies = [
    ...keptAgencies,
    ...keptCompanies,
    ...organizations,
    ...references.filter((r) => r.target.type === 'Company').map((r) => ({ ...r.target, start: r.start, end: r.end })),
  ];
  const { persons, positions } = findPositions(text, ctx, bodies, where);
  // A place inside a person's name (长春 in 吴长春) is no place.
  const personsAt = new OffsetIndex(persons);
  const places = where.places.filter((p) => personsAt.containing(p).length === 0);
  const mentions: ArticleMentions = {
    text,
    sentences: sentences(text),
    paragraphs: paragraphs(text),
    places,
    agencies: keptAgencies,
    companies: keptCompanies,
    organizations,
    projects: keptProjects,
    positions,
    references,
  };
  // Bodies known only from a title (市长 → 德州市人民政府) are entities of the article too.
  const fromTitles = positions.map((p) => p.org).filter((o) => o.rule === 'agency:from-title');
  const found = [...places.filter(isEntityPlace), ...allNamed, ...persons, ...fromTitles];
  return { mentions, all: [...found, ...candidates('PER', found)] };
}

/** Drop a name printed inside a longer name (凤凰工业园 inside 聊城市凤凰工业园投资开发有限公司), keeping owners inside project names. */
function dropNested<M extends Mention>(ms: M[], keep: Mention[] = []): M[] {
  const kept = new Set<Mention>(keep);
  const byOffset = new OffsetIndex(ms);
  return ms.filter(
    (m) => kept.has(m) || !byOffset.containing(m).some((o) => o !== m && o.end - o.start > m.end - m.start),
  );
}

function toGraph(
  article: Article,
  mentions: Mention[],
  relations: MentionRelation[],
  a: ArticleMentions,
  ctx: ExtractContext,
  place: PagePlace | undefined,
): ArticleGraph {
  const canonical = resolveNames(mentions, (name) => {
    const m = ctx.places.longestAt(name, 0);
    const place = m ? ctx.gazetteer.forms.get(m.key)?.place : undefined;
    return m && place ? { length: m.end, code: place.code, type: place.type } : null;
  });
  const entities = new Map<string, Entity>();
  const counts = new Map<string, number>();
  const idOf = (m: Pick<Mention, 'type' | 'name'>) => entityId(m.type, canonical(m));
  for (const m of mentions) {
    const id = idOf(m);
    const e = entities.get(id) ?? {
      id,
      type: m.type,
      name: canonical(m),
      aliases: [],
      articles: [article.id],
      props: {},
    };
    if (m.surface !== e.name && !e.aliases.includes(m.surface)) e.aliases.push(m.surface);
    if (m.name !== e.name && !e.aliases.includes(m.name)) e.aliases.push(m.name);
    for (const [k, v] of Object.entries(m.props)) if (v !== undefined && e.props[k] === undefined) e.props[k] = v;
    entities.set(id, e);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const sentenceOf = (at: number) =>
    spanAt(a.sentences, at) ?? { text: article.body.slice(0, 200), start: 0, end: Math.min(200, article.body.length) };
  const onPage = (start: number, end: number) => (place ? { page: pageSpan(place, start, end) } : {});
  const out: Relation[] = [];
  const seen = new Set<string>();
  for (const r of relations) {
    for (const m of [r.from, r.to])
      if (!entities.has(idOf(m)))
        entities.set(idOf(m), {
          id: idOf(m),
          type: m.type,
          name: canonical(m),
          aliases: [],
          articles: [article.id],
          props: { ...m.props },
        });
    const from = idOf(r.from);
    const to = idOf(r.to);
    const key = `${r.type}|${from}|${to}`;
    if (from === to || seen.has(key)) continue;
    seen.add(key);
    const s = sentenceOf(r.at);
    out.push({
      type: r.type,
      from,
      to,
      article: article.id,
      evidence: s.text,
      start: s.start,
      end: s.end,
      rule: r.rule,
      props: r.props,
      ...onPage(s.start, s.end),
    });
  }
  const articleId = articleNodeId(article.id);
  const firstPrinted = new Map<string, Mention>();
  for (const m of mentions)
    if (m.rule !== BYLINE && m.rule !== HEADLINE && !firstPrinted.has(idOf(m))) firstPrinted.set(idOf(m), m);
  for (const [id, count] of counts) {
    // The first sentence the entity is printed in; a person named only in the byline has none.
    const printed = firstPrinted.get(id);
    const s = printed ? sentenceOf(printed.start) : { text: '', start: 0, end: 0 };
    out.push({
      type: 'MENTIONS',
      from: articleId,
      to: id,
      article: article.id,
      evidence: s.text,
      start: s.start,
      end: s.end,
      rule: 'mentions',
      props: { count },
      ...onPage(s.start, s.end),
    });
  }
  for (const r of article.reporters) {
    out.push({
      type: 'REPORTED',
      from: entityId('Person', r.name),
      to: articleId,
      article: article.id,
      evidence: '',
      start: 0,
      end: 0,
      rule: 'byline',
      props: { role: r.role },
      ...onPage(0, 0),
    });
  }
  return { article, entities: [...entities.values()], relations: out };
}
