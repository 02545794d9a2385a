// Relations between the mentions of one article: DEVELOPS, LOCATED_IN, FUNDS, and the investment of a project.
import { describe, expect, it } from 'vitest';
import { extractorFor } from './extract-fixture.ts';

const extract = extractorFor('聊城市');

describe('DEVELOPS', () => {
  it('links a company to 公司的…项目', () => {
    const x = extract('山东瑞祥新材料有限公司的高端聚酯薄膜项目预计明年投产。');
    expect(x.edges('DEVELOPS')).toEqual(['Company:山东瑞祥新材料有限公司 → Project:高端聚酯薄膜项目']);
    expect(x.edge('DEVELOPS', 'Company:山东瑞祥新材料有限公司', 'Project:高端聚酯薄膜项目')?.rule).toBe(
      'develops:company-de-project',
    );
  });

  it('links 该公司的…项目 to the company printed before', () => {
    const x = extract('山东瑞祥新材料有限公司落户莘县。该公司的高端聚酯薄膜项目预计明年投产。');
    expect(x.edges('DEVELOPS')).toEqual(['Company:山东瑞祥新材料有限公司 → Project:高端聚酯薄膜项目']);
  });

  it('links the company after 由 with the role its verb gives (投资建设 → 投资, 承建)', () => {
    const built = extract('临清市恒泰轴承产业园项目开工。该项目由山东恒润建设集团有限公司投资建设。');
    expect(built.edge('DEVELOPS', 'Company:山东恒润建设集团有限公司', 'Project:恒泰轴承产业园项目')).toMatchObject({
      rule: 'develops:you-company-verb',
      props: { role: '投资' },
    });
    const contracted = extract('东昌府区润丰光电产业园项目由山东宇泽建设有限公司承建。');
    expect(contracted.edge('DEVELOPS', 'Company:山东宇泽建设有限公司', 'Project:润丰光电产业园项目')?.props.role).toBe(
      '承建',
    );
  });

  it('links the one company and the one project of a sentence', () => {
    const x = extract('绿源储能电站项目并网发电，山东瑞祥新材料有限公司负责日常运维。');
    expect(x.edge('DEVELOPS', 'Company:山东瑞祥新材料有限公司', 'Project:绿源储能电站项目')?.rule).toBe(
      'develops:same-sentence',
    );
  });

  it('links a company, its verb and 的 to the project after them, also past an amount', () => {
    const x = extract(
      '山东瑞祥新材料有限公司投资建设的绿源储能电站项目并网发电，宏达控股香港公司投资3000万美元的智慧冷链物流园项目同时开工。',
    );
    expect(x.edge('DEVELOPS', 'Company:山东瑞祥新材料有限公司', 'Project:绿源储能电站项目')?.rule).toBe(
      'develops:company-verb-de',
    );
    expect(x.edge('DEVELOPS', 'Company:宏达控股香港公司', 'Project:智慧冷链物流园项目')?.props).toEqual({
      role: '投资',
    });
    expect(x.edges('DEVELOPS')).toHaveLength(2);
  });

  it('links no company to a project when the sentence holds two companies', () => {
    const x = extract('山东瑞祥新材料有限公司与山东宇泽生物科技有限公司参观了绿源储能电站项目。');
    expect(x.edges('DEVELOPS')).toEqual([]);
  });

  it('links a company whose official speaks of 项目 in a quote to the project printed before', () => {
    const body =
      '走进高新区嘉瑞智能装备产业园项目，塔吊林立。\n“项目一期已经封顶，明年上半年投产。”山东嘉瑞投资有限公司市场部经理刘海涛说。';
    const x = extract(body);
    expect(x.edge('DEVELOPS', 'Company:山东嘉瑞投资有限公司', 'Project:嘉瑞智能装备产业园项目')?.rule).toBe(
      'develops:official-on-project',
    );
    // Without a quote on 项目, the official's company is not the developer.
    const y = extract(
      '走进高新区嘉瑞智能装备产业园项目，塔吊林立。\n山东嘉瑞投资有限公司市场部经理刘海涛说，企业订单饱满。',
    );
    expect(y.edges('DEVELOPS')).toEqual([]);
  });
});

describe('LOCATED_IN', () => {
  it('places what follows 位于X的 in X', () => {
    const x = extract('位于莘县的山东绿康食品有限公司新上了一条生产线。');
    expect(x.edge('LOCATED_IN', 'Company:山东绿康食品有限公司', 'County:莘县')?.rule).toBe('located:weiyu');
  });

  it('places the names of a sentence opening 在X， in X, zones included', () => {
    const x = extract('在阳谷县，山东祥润化工有限公司的生产车间里一片繁忙。');
    expect(x.edges('LOCATED_IN')).toEqual(['Company:山东祥润化工有限公司 → County:阳谷县']);
    const zone = extract('在开发区，山东瑞祥新材料有限公司新上了一条生产线。');
    expect(zone.edges('LOCATED_IN')).toEqual(['Company:山东瑞祥新材料有限公司 → County:聊城经济技术开发区']);
  });

  it('places the names of a sentence in the one county it names, and in none when it names two', () => {
    const one = extract('阳谷县加快推进工业转型，山东瑞祥新材料有限公司新上了一条生产线。');
    expect(one.edge('LOCATED_IN', 'Company:山东瑞祥新材料有限公司', 'County:阳谷县')?.rule).toBe(
      'located:one-county-in-sentence',
    );
    const two = extract('对接会上，冠县和莘县的企业代表踊跃发言，山东瑞祥新材料有限公司现场签约。');
    expect(two.edges('LOCATED_IN')).toEqual([]);
  });

  it('does not carry a county into the next paragraph', () => {
    expect(
      extract('阳谷县加快推进工业转型，冠县也不甘落后。\n山东瑞祥新材料有限公司新上了一条生产线。').edges('LOCATED_IN'),
    ).toEqual([]);
  });

  it('places the projects of an article about one county there, unless their name places them elsewhere; not its companies', () => {
    const x = extract(
      '全县上下加快推进工业转型。\n瑞祥新材料项目、济南远航物流园项目开工，四川远航机械有限公司前来考察。',
      { kicker: '阳谷' },
    );
    expect(x.edges('LOCATED_IN')).toEqual(['Project:瑞祥新材料项目 → County:阳谷县']);
    expect(x.edge('LOCATED_IN', 'Project:瑞祥新材料项目', 'County:阳谷县')?.rule).toBe('located:article-county');
  });

  it('places a name holding a county and a town in both, and the town in the county', () => {
    const x = extract('记者走进冠县店子镇金穗粮食仓储项目现场。');
    expect(x.edges('LOCATED_IN')).toEqual([
      'Project:金穗粮食仓储项目 → County:冠县',
      'Project:金穗粮食仓储项目 → Town:店子镇',
      'Town:店子镇 → County:冠县',
    ]);
  });

  it('places a name holding only a town also in the town county, from the gazetteer', () => {
    const x = extract('在店子镇，金穗粮食仓储项目主体完工。');
    expect(x.edges('LOCATED_IN')).toEqual([
      'Project:金穗粮食仓储项目 → County:冠县',
      'Project:金穗粮食仓储项目 → Town:店子镇',
    ]);
  });

  it('places a company where the project it develops is', () => {
    const x = extract('临清市恒泰轴承产业园项目开工。该项目由山东恒润建设集团有限公司投资建设。');
    expect(x.edge('LOCATED_IN', 'Company:山东恒润建设集团有限公司', 'County:临清市')?.rule).toBe(
      'located:via-develops',
    );
  });

  // BUG (reported): the paragraph-topic rule takes the first of two counties that open a paragraph.
  it('takes no topic county from a paragraph that opens with two (冠县和莘县…)', () => {
    const x = extract('冠县和莘县的企业代表参加了对接会，山东瑞祥新材料有限公司现场签约。');
    expect(x.edges('LOCATED_IN')).toEqual([]);
  });

  // BUG (reported): a place reached only as a relation's target is created without its division_code.
  it('gives a county reached only through a town its division code', () => {
    const x = extract('在店子镇，金穗粮食仓储项目主体完工。');
    expect(x.entity('County:冠县')?.props.division_code).toBe('371525');
  });
});

describe('FUNDS', () => {
  it('links an agency to the company after its funding verb, with the amount', () => {
    const x = extract('市工业和信息化局拨付山东润丰精工科技有限公司技术改造奖励资金85万元。');
    expect(x.edges('FUNDS')).toEqual(['Agency:聊城市工业和信息化局 → Company:山东润丰精工科技有限公司']);
    expect(x.edge('FUNDS', 'Agency:聊城市工业和信息化局', 'Company:山东润丰精工科技有限公司')?.props.amount_yuan).toBe(
      850_000,
    );
  });

  it('links an agency to a project funded', () => {
    const x = extract('市工业和信息化局拨付绿源储能电站项目补助资金300万元。');
    expect(x.edge('FUNDS', 'Agency:聊城市工业和信息化局', 'Project:绿源储能电站项目')?.props.amount_yuan).toBe(
      3_000_000,
    );
  });

  it('makes no FUNDS without an amount', () => {
    expect(extract('东阿县财政局拨付山东宇泽生物科技有限公司奖励资金。').edges('FUNDS')).toEqual([]);
  });
});

describe('investment of a project', () => {
  const investment = (x: ReturnType<typeof extract>, name: string) => x.entity(`Project:${name}`)?.props;

  it('reads 总投资X亿元 after the name, exactly in yuan, with the printed text', () => {
    const x = extract('山东瑞祥新材料有限公司的高端聚酯薄膜项目总投资8.9亿元，预计明年投产。');
    expect(investment(x, '高端聚酯薄膜项目')).toMatchObject({
      investment_yuan: 890_000_000,
      investment_text: '总投资8.9亿元',
    });
  });

  it('reads 总投资X亿元的 before the name, and gives each project of a sentence its own amount', () => {
    const x = extract('总投资12亿元的绿源储能电站项目开工，金穗粮食仓储项目计划投资3亿元。');
    expect(investment(x, '绿源储能电站项目')?.investment_yuan).toBe(1_200_000_000);
    expect(investment(x, '金穗粮食仓储项目')?.investment_yuan).toBe(300_000_000);
  });

  it('reads 该项目总投资 in the next sentence', () => {
    const x = extract('绿源储能电站项目开工。该项目总投资6.5亿元，占地300亩。');
    expect(investment(x, '绿源储能电站项目')).toMatchObject({
      investment_yuan: 650_000_000,
      investment_text: '总投资6.5亿元',
    });
  });

  it('reads no investment from another amount (产值, 税收)', () => {
    const x = extract('绿源储能电站项目建成后年产值可达5亿元，年纳税2000万元。');
    expect(investment(x, '绿源储能电站项目')?.investment_yuan).toBeUndefined();
  });
});
