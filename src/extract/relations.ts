// Relations between the mentions of one article. Each rule names itself in `rule` and cites its sentence.
import type { Place } from '../lexicon/divisions.ts';
import type { Mention, RelationRule } from '../schema.ts';
import { OffsetIndex, spanAt, type Span } from '../nlp/sentences.ts';
import { AMOUNT_SOURCE, findAmounts } from './amount.ts';
import type { ExtractContext } from './context.ts';
import type { ArticlePlace, PlaceMention } from './place.ts';
import type { Position } from './person.ts';
import type { ProjectMention } from './project.ts';

/** A relation between two mentions, before mentions become entity ids. */
export interface MentionRelation {
  type: 'DEVELOPS' | 'LOCATED_IN' | 'HOLDS_POSITION' | 'FUNDS';
  from: Mention;
  to: Mention;
  /** Offset the evidence sentence is found at. */
  at: number;
  /** The rule that made it (src/names.ts RELATION_RULES; meanings in src/extract/README.md). */
  rule: RelationRule;
  props: Record<string, string | number>;
}

export interface ArticleMentions {
  text: string;
  sentences: Span[];
  paragraphs: Span[];
  places: PlaceMention[];
  agencies: Mention[];
  companies: Mention[];
  organizations: Mention[];
  projects: ProjectMention[];
  positions: Position[];
  /** 该公司, 该项目 and the like, with the mention each stands for. */
  references: Array<{ start: number; end: number; target: Mention }>;
}

const DESTINATION = /[来赴到往抵临]$/;
/** A company's verb and 的 right before a project: the verb, then at most an amount, then 的, then the project. */
const COMPANY_VERB_DE = /(投资|建设|投建|兴建|打造|实施|开发|生产|承建|运营)(?:[^，。；的]{0,24})的$/;
const within = (inner: { start: number; end: number }, outer: { start: number; end: number }) =>
  inner.start >= outer.start && inner.end <= outer.end;
const sentenceAt = (spans: Span[], at: number) => spanAt(spans, at) ?? spans[spans.length - 1]!;

export function positionsToRelations(a: ArticleMentions): MentionRelation[] {
  return a.positions.map((p) => ({
    type: 'HOLDS_POSITION',
    from: p.person,
    to: p.org,
    at: p.person.start,
    rule: 'position:title-chain',
    props: { title: p.title },
  }));
}

/** DEVELOPS: an owner printed in the project's name, `公司的…项目`, one company and one project in a sentence, or a company's official speaking of the project. */
export function developsRelations(a: ArticleMentions): MentionRelation[] {
  const out: MentionRelation[] = [];
  // Indexed by offset: a long body has many sentences and many names, and a scan of all names per sentence is quadratic.
  const companies = new OffsetIndex(a.companies);
  const projects = new OffsetIndex(a.projects);
  const companyRefs = [
    ...a.companies,
    ...a.references
      .filter((r) => r.target.type === 'Company')
      .map((r) => ({ ...r.target, start: r.start, end: r.end })),
  ];
  const refs = new OffsetIndex(companyRefs);
  for (const p of a.projects) {
    if (p.owner)
      out.push({
        type: 'DEVELOPS',
        from: p.owner,
        to: p,
        at: p.start,
        rule: 'develops:owner-in-name',
        props: { role: '建设' },
      });
    const before = refs.endingAt(p.start - 1).find((c) => a.text[c.end] === '的');
    if (before)
      out.push({
        type: 'DEVELOPS',
        from: before,
        to: p,
        at: p.start,
        rule: 'develops:company-de-project',
        props: { role: '建设' },
      });
    // 中化集团投资的己内酰胺项目, 该公司生产的…项目, 华新控股香港公司投资9500万美元的…项目: a company, its verb, 的.
    const s = sentenceAt(a.sentences, p.start);
    const lead = a.text.slice(s.start, p.start);
    const verb = COMPANY_VERB_DE.exec(lead);
    const owner = verb && refs.endingAt(s.start + verb.index).find((c) => within(c, s));
    if (!before && owner)
      out.push({
        type: 'DEVELOPS',
        from: owner,
        to: p,
        at: p.start,
        rule: 'develops:company-verb-de',
        props: { role: verb[1]! },
      });
  }
  // 该项目由X公司投资建设 / 项目由X承建: the company after 由, the role its verb.
  for (const c of a.companies) {
    const verb = /^(?:负责|共同|联合|筹划|规划|组织)?(投资|建设|承建|运营|实施|开发|打造)/.exec(
      a.text.slice(c.end, c.end + 6),
    );
    if (a.text[c.start - 1] !== '由' || !verb) continue;
    const s = sentenceAt(a.sentences, c.start);
    const project =
      projects
        .within(s)
        .filter((p) => p.end <= c.start)
        .sort((x, y) => y.end - x.end)[0]
      ?? a.references.find((r) => r.target.type === 'Project' && within(r, s) && r.end <= c.start)?.target;
    if (project)
      out.push({
        type: 'DEVELOPS',
        from: c,
        to: project,
        at: c.start,
        rule: 'develops:you-company-verb',
        props: { role: verb[1]! },
      });
  }
  const developed = new Set(out.map((r) => r.to));
  for (const s of a.sentences) {
    const cs = companies.within(s);
    const ps = projects.within(s).filter((p) => p.surface.endsWith('项目'));
    if (cs.length === 1 && ps.length === 1 && !developed.has(ps[0]!)) {
      developed.add(ps[0]!);
      out.push({
        type: 'DEVELOPS',
        from: cs[0]!,
        to: ps[0]!,
        at: s.start,
        rule: 'develops:same-sentence',
        props: { role: '建设' },
      });
    }
  }
  // Whether a quote of the paragraph speaks of a project: once per paragraph, however many officials it names.
  const quoted = new Map<Span, boolean>();
  const quotesProject = (para: Span) =>
    quoted.get(para)
    ?? quoted
      .set(
        para,
        (para.text.match(/“[^”]*”/g) ?? []).some((q) => q.includes('项目')),
      )
      .get(para)!;
  for (const pos of a.positions) {
    if (pos.org.type !== 'Company') continue;
    const para = sentenceAt(a.paragraphs, pos.person.start);
    if (!quotesProject(para)) continue;
    const project = projects.lastStartingBefore(para.start);
    if (project)
      out.push({
        type: 'DEVELOPS',
        from: pos.org,
        to: project,
        at: pos.person.start,
        rule: 'develops:official-on-project',
        props: { role: '建设' },
      });
  }
  return out;
}

/** FUNDS: an agency, then a funding verb, then the company or project funded, then the amount. */
export function fundsRelations(a: ArticleMentions): MentionRelation[] {
  const out: MentionRelation[] = [];
  const VERB = /拨付|奖励|补助|补贴|资助|扶持资金|下达/;
  const agencies = new OffsetIndex(a.agencies);
  const targets = new OffsetIndex([...a.companies, ...a.projects]);
  for (const s of a.sentences) {
    const agency = agencies.within(s)[0];
    const verb = VERB.exec(s.text);
    if (!agency || !verb) continue;
    const verbAt = s.start + verb.index;
    if (verbAt < agency.end) continue;
    // 拨付X公司…, or 向X公司拨付…
    const inSentence = targets.within(s);
    const target =
      inSentence.filter((m) => m.start >= verbAt).sort((x, y) => x.start - y.start)[0]
      ?? inSentence.find(
        (m) => m.start > agency.end && m.end <= verbAt && /[向为给对]/.test(a.text[m.start - 1] ?? ''),
      );
    if (!target) continue;
    const amount = findAmounts(a.text.slice(Math.max(target.end, verbAt), s.end))[0];
    if (!amount) continue;
    out.push({
      type: 'FUNDS',
      from: agency,
      to: target,
      at: s.start,
      rule: 'funds:agency-verb-amount',
      props: { amount_yuan: amount.yuan },
    });
  }
  return out;
}

/**
 * Investment printed with a project (sets `props.investment_yuan` on the project mention, which the entity carries):
 * 总投资2.5亿元 after the project in its sentence, 投资50亿元的…项目 before it, 该项目总投资…, or a clause that opens
 * 项目总投资… after the project was named. Money spent so far (完成投资, 累计投资) and sums over several projects
 * (27个项目总投资…) are no project's investment (SCHEMA.md, "Investments").
 */
export function attachInvestments(a: ArticleMentions): void {
  const projects = new OffsetIndex(a.projects);
  for (const s of a.sentences) {
    for (const m of s.text.matchAll(INVEST)) {
      const lead = s.text.slice(0, m.index);
      if (SPENT.test(lead) || SUM.test(lead)) continue;
      const amount = findAmounts(m[2]!)[0]!;
      const at = s.start + m.index;
      const amountEnd = at + m[0].length;
      const inSentence = projects.within(s);
      const after = inSentence.find((p) => p.start === amountEnd + 1 && a.text[amountEnd] === '的');
      // A bare 投资 states a project's investment only right before it (投资50亿元的太阳能发电玻璃项目).
      const project =
        m[1] === '投资'
          ? after
          : (after
            ?? a.references.find((r) => r.target.type === 'Project' && (r.end === at || r.start === s.start))?.target
            ?? inSentence.filter((p) => p.end <= at).sort((x, y) => y.end - x.end)[0]
            ?? (CLAUSE_PROJECT.test(lead) ? projects.lastEndingBy(at) : undefined));
      if (!project || project.props.investment_yuan !== undefined) continue;
      project.props.investment_yuan = amount.yuan;
      project.props.investment_text = m[0];
    }
  }
}

const INVEST = new RegExp(`(总投资|计划投资|投资总额|总投资额|项目投资|投资)(?:约|达|超|近)?(${AMOUNT_SOURCE})`, 'g');
/** 完成投资, 累计投资, 一季度投资: money spent so far. */
const SPENT = /(完成|累计|已|实际|当年|年度|季度|月份|上半年|前三季度)$/;
/** 27个项目总投资, 共签约项目…总投资: a sum over several projects. */
const SUM = /(\d+|[一二两三四五六七八九十百]+)[个项][^，。；]{0,12}$/;
/** 项目总投资20亿元 opening a clause: the project named last. */
const CLAUSE_PROJECT = /(?:^|[，。；：“])(?:该|这个|此|本|整个)?项目$/;

/**
 * LOCATED_IN for companies, projects and organisations: a county or town printed in the name, `位于X的`, a
 * sentence that opens `在X，`, the one county a sentence names, or the county a paragraph opens with.
 */
export function locatedRelations(
  a: ArticleMentions,
  ctx: ExtractContext,
  develops: MentionRelation[],
  about: ArticlePlace,
): MentionRelation[] {
  const out: MentionRelation[] = [];
  const located = new Map<Mention, Place[]>();
  const add = (m: Mention, place: Place, rule: RelationRule, at: number, surface: string) => {
    const list = located.get(m) ?? [];
    if (list.some((p) => p.code === place.code)) return;
    list.push(place);
    located.set(m, list);
    out.push({ type: 'LOCATED_IN', from: m, to: placeTarget(place, surface, at), at, rule, props: {} });
    const county = place.type === 'Town' ? ctx.gazetteer.countyOf(place) : null;
    if (county) add(m, county, rule, at, county.name);
    // In an article about a zone (kicker 高唐开发区), what stands in its county stands in the zone.
    if (about.zone && place.code === about.county?.code) add(m, about.zone, rule, at, about.zone.name);
  };
  const localPlace = (p: Place) => p.type === 'County' || p.type === 'Town';
  const holders = [...a.companies, ...a.projects, ...a.organizations];
  // Indexed by offset: a long body has many sentences and many names, and a scan of all names per sentence is quadratic.
  const others = new OffsetIndex([...a.agencies, ...holders]);
  const standalone = a.places.filter((p) => localPlace(p.place) && others.containing(p).length === 0);
  // 来莘县考察, 赴冠县调研: a destination is where a visitor goes, not where what the sentence names stands.
  const settled = new OffsetIndex(
    standalone.filter((p) => !DESTINATION.test(a.text.slice(Math.max(0, p.start - 2), p.start))),
  );
  const places = new OffsetIndex(a.places);
  const holdersAt = new OffsetIndex(holders);
  const standaloneAt = new OffsetIndex(standalone);
  const firstByStart = <M extends Mention>(ms: M[], keep: (m: M) => boolean = () => true) => {
    const first = new Map<number, M>();
    for (const m of ms) if (keep(m) && !first.has(m.start)) first.set(m.start, m);
    return first;
  };
  const standaloneByStart = firstByStart(standalone);
  const countyByStart = firstByStart(standalone, (p) => p.place.type === 'County');
  const projectByStart = firstByStart(a.projects);
  const fallback = (m: Mention, place: Place, articleWide = false) =>
    !located.has(m) && !namedElsewhere(m, places, place, articleWide);

  for (const m of holders) {
    for (const p of places.within(m))
      if (localPlace(p.place)) add(m, p.place, 'located:place-in-name', m.start, p.surface);
    const before = /位于([^，。；的]{2,12})的$/.exec(a.text.slice(Math.max(0, m.start - 16), m.start));
    const place = before
      ? ctx.places
          .scan(before[1]!)
          .map((f) => ctx.gazetteer.forms.get(f.key)!.place)
          .find(localPlace)
      : undefined;
    if (place) add(m, place, 'located:weiyu', m.start, place.name);
  }
  for (const s of a.sentences) {
    const inside = holdersAt.within(s).filter((m) => !located.has(m));
    if (inside.length === 0) continue;
    const opener = /^在([^，。；]{2,30}?)(?:，|的|现场|内)/.exec(s.text);
    if (opener) {
      const at = s.start + 1;
      const place = standaloneByStart.get(at)?.place ?? placesOf(projectByStart.get(at), located)[0];
      if (place) for (const m of inside) add(m, place, 'located:sentence-opener', s.start, place.name);
    }
    const counties = unique(
      settled
        .within(s)
        .filter((p) => p.place.type === 'County')
        .map((p) => p.place),
    );
    if (counties.length === 1)
      for (const m of inside.filter((x) => fallback(x, counties[0]!)))
        add(m, counties[0]!, 'located:one-county-in-sentence', s.start, counties[0]!.name);
  }
  for (const para of a.paragraphs) {
    const topic = countyByStart.get(para.start);
    // The topic is the one county the paragraph's first clause names (not 冠县和莘县的企业…).
    const firstClause = {
      start: para.start,
      end: para.start + (/[，。；]/.exec(para.text)?.index ?? para.text.length),
    };
    if (
      !topic
      || unique(
        standaloneAt
          .within(firstClause)
          .filter((p) => p.place.type === 'County')
          .map((p) => p.place),
      ).length !== 1
    )
      continue;
    // The topic holds until a sentence widens the view to the whole city (全市还引进了…).
    const cityWide = a.places.find(
      (p) => p.start > firstClause.end && p.end <= para.end && p.place.code === ctx.gazetteer.home.code,
    );
    const until = cityWide ? sentenceAt(a.sentences, cityWide.start).start : para.end;
    for (const m of holdersAt.within(para).filter((x) => x.start < until && fallback(x, topic.place)))
      add(m, topic.place, 'located:paragraph-topic', para.start, topic.surface);
  }
  // A company and the project it develops stand in the same place, where the text says where one of them is (this
  // runs before the article-wide rule, which places projects only).
  const holdersNamed = new Map<string, Mention[]>();
  for (const h of holders) {
    const key = `${h.type}:${h.name}`;
    const list = holdersNamed.get(key) ?? holdersNamed.set(key, []).get(key)!;
    list.push(h);
  }
  const named = (m: Mention) => holdersNamed.get(`${m.type}:${m.name}`) ?? [];
  for (const d of develops) {
    for (const [from, to] of [
      [d.from, d.to],
      [d.to, d.from],
    ] as const) {
      const target = named(to)[0];
      if (!target || located.has(target)) continue;
      const source = named(from).find((h) => located.has(h));
      for (const place of source ? located.get(source)! : [])
        add(target, place, 'located:via-develops', d.at, place.name);
    }
  }
  // The article's other projects stand in the county (and zone) it is about, unless their name places them elsewhere.
  // Companies do not: an article about a county names visitors, partners and parent firms as often as local ones.
  if (about.county && about.sure)
    for (const m of a.projects.filter((x) => fallback(x, about.county!, true)))
      add(m, about.county, 'located:article-county', m.start, about.county.name);
  return out;
}

/**
 * Whether a name holds a place that puts it outside `place`: another province, city or county (四川中科电梯公司, 哈尔滨
 * 轴承集团有限公司). The county's own province never does (山东X有限公司: the legal form's region); its own city does
 * only for the article-wide rule (聊城激光智造产业园项目 is the city's, 华为（聊城）创新中心 introduced by a county is there).
 */
function namedElsewhere(m: Mention, places: OffsetIndex<PlaceMention>, place: Place, ownCityCounts: boolean): boolean {
  return places.within(m).some((p) => {
    if (p.place.type === 'Province') return p.place.code !== place.code.slice(0, 2);
    if (p.place.code === place.code || p.place.parent === place.code) return false;
    return ownCityCounts || p.place.code !== place.parent;
  });
}

/** Town → County for every town of the article whose county the article also names. */
export function townRelations(a: ArticleMentions, ctx: ExtractContext): MentionRelation[] {
  const counties = new Set(a.places.filter((p) => p.place.type === 'County').map((p) => p.place.code));
  const out: MentionRelation[] = [];
  for (const t of unique(a.places.filter((p) => p.place.type === 'Town').map((p) => p.place))) {
    const county = ctx.gazetteer.countyOf(t);
    const mention = a.places.find((p) => p.place === t)!;
    if (county && counties.has(county.code))
      out.push({
        type: 'LOCATED_IN',
        from: mention,
        to: placeTarget(county, county.name, mention.start),
        at: mention.start,
        rule: 'located:gazetteer',
        props: {},
      });
  }
  return out;
}

function placesOf(m: Mention | undefined, located: Map<Mention, Place[]>): Place[] {
  return m ? (located.get(m) ?? []) : [];
}

function unique(places: Place[]): Place[] {
  return [...new Map(places.map((p) => [p.code, p])).values()];
}

function placeTarget(place: Place, surface: string, at: number): Mention {
  return {
    type: place.type === 'Town' ? 'Town' : place.type === 'City' ? 'City' : 'County',
    name: place.name,
    surface,
    start: at,
    end: at,
    rule: 'place',
    props: { division_code: place.code },
  };
}
