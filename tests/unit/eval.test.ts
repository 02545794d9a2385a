// score(): per-type P/R/F1 over (article, type, name) and (article, type, from, to), as SCHEMA.md "Gold files and
// scoring" says, on small gold pages and extracted records written here.
import { describe, expect, it } from 'vitest';
import { prf, score, type Extracted } from '../../src/eval/score.ts';
import { GoldPage, articleNodeId, type Article, type Entity, type Relation, type Reporter } from '../../src/schema.ts';

const STEM = '001_test';

const article = (n: number, title: string | null, body: string, reporters: Reporter[] = []): Article => ({
  id: `${STEM}#${n}`,
  file: `${STEM}.txt`,
  index: n - 1,
  title,
  kicker: null,
  subtitle: null,
  date: null,
  reporters,
  body,
});
const entity = (id: string, articles: string[], props: Entity['props'] = {}): Entity => {
  const [type, name] = id.split(':') as [Entity['type'], string];
  return { id, type, name, aliases: [], articles, props };
};
const relation = (type: Relation['type'], from: string, to: string, articleId: string): Relation => ({
  type,
  from,
  to,
  article: articleId,
  evidence: '',
  start: 0,
  end: 0,
  rule: 'test',
  props: {},
});

const gold = GoldPage.parse({
  file: `${STEM}.txt`,
  city: '聊城市',
  articles: [
    {
      headline: '粮仓拔地起',
      first_words: '8月5日，记者走进',
      reporters: [
        { name: '王晓明', role: 'reporter' },
        { name: '李华', role: 'correspondent' },
      ],
      entities: [
        { type: 'Agency', name: '聊城市市场监督管理局', aliases: ['市市场监管局'] },
        { type: 'Company', name: '山东金穗粮油有限公司', aliases: ['金穗粮油有限公司'] },
        { type: 'Project', name: '金穗粮食仓储项目', props: { investment_yuan: 360000000 } },
        { type: 'Project', name: '绿源储能电站项目', props: { investment_yuan: 890000000 } },
        { type: 'County', name: '冠县' },
        { type: 'Town', name: '店子镇' },
        { type: 'Person', name: '何建军' },
        { type: 'Person', name: '赵振华' },
      ],
      relations: [
        {
          type: 'DEVELOPS',
          from: 'Company:山东金穗粮油有限公司',
          to: 'Project:金穗粮食仓储项目',
          props: { role: '建设' },
        },
        { type: 'LOCATED_IN', from: 'Project:金穗粮食仓储项目', to: 'County:冠县' },
        { type: 'LOCATED_IN', from: 'Company:山东金穗粮油有限公司', to: 'City:聊城市' },
        { type: 'LOCATED_IN', from: 'Town:店子镇', to: 'County:冠县' },
        {
          type: 'HOLDS_POSITION',
          from: 'Person:何建军',
          to: 'Company:山东金穗粮油有限公司',
          props: { title: '总经理' },
        },
        { type: 'FUNDS', from: 'Agency:聊城市市场监督管理局', to: 'Company:山东金穗粮油有限公司' },
      ],
    },
    {
      headline: null,
      first_words: '8月6日，东阿县',
      reporters: [],
      entities: [{ type: 'County', name: '东阿县', aliases: ['东阿'] }],
      relations: [],
    },
    {
      headline: '未被切出的文章',
      first_words: '本报讯',
      reporters: [{ name: '张三', role: 'reporter' }],
      entities: [
        { type: 'Person', name: '张三' },
        { type: 'Company', name: '山东宇泽生物科技有限公司' },
      ],
      relations: [{ type: 'HOLDS_POSITION', from: 'Person:张三', to: 'Company:山东宇泽生物科技有限公司' }],
    },
  ],
});

const A1 = `${STEM}#1`;
const A2 = `${STEM}#2`;

/** What an extractor that gets article 1 mostly right, the caption right, and misses article 3 would write. */
function extracted(): Extracted {
  return {
    articles: [
      article(1, '粮仓 拔地起', '8月5日，记者走进冠县……', [
        { name: '王晓明', role: 'reporter' },
        { name: '李华', role: 'reporter' },
      ]),
      article(2, null, '8月6日， 东阿县的田野里……'),
      // Same title on another page: must not stand in for article 3 of this page.
      { ...article(3, '未被切出的文章', '本报讯'), id: '999_other#1' },
    ],
    entities: [
      entity('Agency:市市场监管局', [A1]), // an alias of the gold name
      entity('Agency:聊城市市场监督管理局', [A1]), // and the name itself: one entity, counted once
      entity('Company:山东 金穗粮油有限公司', [A1]), // whitespace does not matter
      entity('Project:金穗粮食仓储项目', [A1], { investment_yuan: 360000000 }),
      entity('Project:绿源储能电站项目', [A1], { investment_yuan: 890000001 }), // not the gold value
      entity('County:冠县', [A1]),
      entity('Town:店子镇', [A1]),
      entity('City:聊城市', [A1]), // not in gold, and City is not a scored type
      entity('Person:何建军', [A1]),
      entity('Person:何建', [A1]), // a wrong person
      entity('County:东阿县', [A2]),
    ],
    relations: [
      relation('DEVELOPS', 'Company:金穗粮油有限公司', 'Project:金穗粮食仓储项目', A1), // alias endpoint
      relation('LOCATED_IN', 'Project:金穗粮食仓储项目', 'County:冠县', A1),
      relation('LOCATED_IN', 'Project:金穗粮食仓储项目', 'Town:店子镇', A1), // wrong: not in gold
      relation('LOCATED_IN', 'Project:金穗粮食仓储项目', 'City:聊城市', A1), // to a City: not scored
      relation('LOCATED_IN', 'County:冠县', 'City:聊城市', A1), // between places: not scored
      relation('FUNDS', 'Agency:市市场监管局', 'Company:山东金穗粮油有限公司', A1),
      relation('MENTIONS', articleNodeId(A1), 'County:冠县', A1), // not scored
    ],
  };
}

describe('prf', () => {
  it('computes precision, recall and F1, and counts nothing found and nothing expected as perfect', () => {
    expect(prf({ tp: 3, fp: 1, fn: 2 })).toMatchObject({ precision: 0.75, recall: 0.6, f1: (2 * 0.75 * 0.6) / 1.35 });
    expect(prf({ tp: 0, fp: 0, fn: 0 })).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(prf({ tp: 0, fp: 2, fn: 2 })).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('score', () => {
  const r = score([{ stem: STEM, page: gold }], extracted());

  it('matches articles by headline without whitespace, captions by first words, only within their page', () => {
    expect(r.articles).toEqual({ gold: 3, found: 2, missing: [`${STEM}: 未被切出的文章`] });
  });

  it('matches names through aliases and whitespace, counting a gold entity once', () => {
    expect(r.entities.Agency).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(r.entities.Company).toMatchObject({ tp: 1, fp: 0, fn: 1 }); // 山东宇泽… of the missing article
    expect(r.entities.County).toMatchObject({ tp: 2, fp: 0, fn: 0 });
  });

  it('counts wrong and missed names per type', () => {
    expect(r.entities.Person).toMatchObject({ tp: 1, fp: 1, fn: 2, precision: 0.5 });
    expect(r.extras).toContain('粮仓拔地起: Person:何建');
    expect(r.misses).toContain('粮仓拔地起: Person:赵振华');
  });

  it('takes the headline micro-F1 over the five scored types only (City and Town aside)', () => {
    expect(r.entities.City).toMatchObject({ tp: 0, fp: 1, fn: 0 });
    expect(r.entities.Town).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    // Agency 1/0/0, Company 1/0/1, County 2/0/0, Person 1/1/2, Project 2/0/0.
    expect(r.entityMicro).toMatchObject({ tp: 7, fp: 1, fn: 3 });
    expect(r.entityMicro.f1).toBeCloseTo((2 * 7) / (2 * 7 + 1 + 3), 12);
  });

  it('matches relations through alias endpoints; LOCATED_IN between places or to a City is not scored', () => {
    expect(r.relations.DEVELOPS).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    // Gold Company → City and Town → County are dropped, as are extracted Project → City and County → City.
    expect(r.relations.LOCATED_IN).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(r.relations.HOLDS_POSITION).toMatchObject({ tp: 0, fp: 0, fn: 2 });
    expect(r.relations.MENTIONS).toBeUndefined();
    expect(r.extras).toContain('粮仓拔地起: LOCATED_IN Project:金穗粮食仓储项目 Town:店子镇');
  });

  it('reports FUNDS but leaves it out of the relation micro-F1', () => {
    expect(r.relations.FUNDS).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    // DEVELOPS 1/0/0, LOCATED_IN 1/1/0, HOLDS_POSITION 0/0/2.
    expect(r.relationMicro).toMatchObject({ tp: 2, fp: 1, fn: 2 });
  });

  it('scores reporters by name and role, a missing article counting as missed', () => {
    // 王晓明/reporter right; 李华 printed as reporter, gold correspondent; 张三 of the missing article.
    expect(r.reporters).toMatchObject({ tp: 1, fp: 1, fn: 2 });
    expect(r.misses).toContain('粮仓拔地起: reporter 李华/correspondent');
  });

  it('gives the share of gold investments the matching project carries exactly', () => {
    expect(r.investments).toEqual({ gold: 2, carried: 1, share: 0.5 });
    expect(r.misses).toContain('粮仓拔地起: investment 绿源储能电站项目 = 890000000');
  });

  it('counts everything of a missing article as missed', () => {
    expect(r.misses.filter((m) => m.startsWith('未被切出的文章:'))).toEqual([
      '未被切出的文章: Person:张三',
      '未被切出的文章: Company:山东宇泽生物科技有限公司',
      '未被切出的文章: HOLDS_POSITION Person:张三 → Company:山东宇泽生物科技有限公司',
    ]);
  });

  it('scores a perfect extraction 1 everywhere, and an empty one 0 recall', () => {
    const page = GoldPage.parse({ file: 'p.txt', city: '聊城市', articles: [gold.articles[1]] });
    const perfect = score([{ stem: STEM, page }], {
      articles: [article(2, null, '8月6日，东阿县')],
      entities: [entity('County:东阿县', [A2])],
      relations: [],
    });
    expect(perfect.entityMicro).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    const empty = score([{ stem: STEM, page }], {
      articles: [article(2, null, '8月6日，东阿县')],
      entities: [],
      relations: [],
    });
    expect(empty.entityMicro).toMatchObject({ tp: 0, fn: 1, recall: 0, f1: 0 });
    expect(empty.investments.share).toBe(1); // no gold investment: nothing to carry
  });
});
