// Places: cities, counties, zones and towns in an article body, resolved to official names through the gazetteer.
import { describe, expect, it } from 'vitest';
import { extractorFor } from './extract-fixture.ts';

const extract = extractorFor('聊城市');
const mentions = (x: ReturnType<typeof extract>, id: string) =>
  x.graph.relations.find((r) => r.type === 'MENTIONS' && r.to === id)?.props.count;

describe('places in an article of the 聊城 paper', () => {
  it('resolves 我市, 全市 and 本市 to the home city', () => {
    const x = extract('我市今年新开工项目32个，全市固定资产投资增长8%。本市将继续优化营商环境。');
    expect(x.names('City')).toEqual(['聊城市']);
    expect(x.entity('City:聊城市')?.aliases.sort()).toEqual(['全市', '我市', '本市']);
    expect(mentions(x, 'City:聊城市')).toBe(3);
  });

  it('resolves the short form of a county to its official name', () => {
    const x = extract('记者来到茌平，看到东阿的企业正在加紧生产。');
    expect(x.names('County')).toEqual(['东阿县', '茌平区']);
    expect(x.entity('County:茌平区')?.aliases).toContain('茌平');
    expect(x.entity('County:东阿县')?.props.division_code).toBe('371524');
  });

  it('finds a town of the home city, and a bare zone name as the city zone', () => {
    const x = extract('姜店镇的蔬菜大棚里一片繁忙。开发区新落户企业12家。');
    expect(x.names('Town')).toEqual(['姜店镇']);
    expect(x.names('County')).toEqual(['聊城经济技术开发区']);
  });

  it('does not take 各开发区 or 省级高新区 for the city zones', () => {
    const x = extract('各开发区要加强安全管理，争创省级高新区。');
    expect(x.names('County')).toEqual([]);
  });

  it('counts a place printed inside another name (东昌府区行政审批服务局 mentions 东昌府区)', () => {
    const x = extract('东昌府区行政审批服务局推出“一窗受理”服务。');
    expect(x.names('County')).toEqual(['东昌府区']);
    expect(x.names('Agency')).toEqual(['东昌府区行政审批服务局']);
  });

  it('takes a county of another city only where the text also names its city or province', () => {
    // 示范县 holds 范县 (a county of 濮阳市) and 城区 is a district name in several cities: neither is a place here.
    expect(extract('示范县建设稳步推进，全省共有示范县20个，城区道路全部硬化。').names('County')).toEqual([]);
    expect(extract('涿州市遭遇强降雨。').names('County')).toEqual([]);
    expect(extract('河北省涿州市遭遇强降雨。').names('County')).toEqual(['涿州市']);
    const withCity = extract('保定市涿州市遭遇强降雨。');
    expect(withCity.names('County')).toEqual(['涿州市']);
    expect(withCity.names('City')).toEqual(['保定市']);
  });

  it('never makes a province an entity', () => {
    const x = extract('山东省和河北省的企业参加了展会。');
    expect(x.graph.entities.map((e) => e.type)).not.toContain('Province');
    expect(x.graph.entities.filter((e) => /省$/.test(e.name))).toEqual([]);
  });

  it('resolves 全县 to the county the article is about', () => {
    const x = extract('冠县召开秋粮收储工作会议。全县今年新建粮仓12座。');
    expect(x.names('County')).toEqual(['冠县']);
    expect(x.entity('County:冠县')?.aliases).toContain('全县');
    expect(mentions(x, 'County:冠县')).toBe(2);
  });

  it('reads the article county from the kicker too', () => {
    const x = extract('全区今年新建粮仓12座。', { kicker: '东昌府区', title: '秋粮颗粒归仓' });
    expect(x.names('County')).toEqual(['东昌府区']);
  });

  it('leaves 全县 alone when no county is named', () => {
    expect(extract('全县今年新建粮仓12座。').names('County')).toEqual([]);
  });
});

describe('places in an article of another paper (--city 保定市)', () => {
  const baoding = extractorFor('保定市');

  it('resolves 我市 and the short county names of that city', () => {
    const x = baoding('我市涿州遭遇强降雨，市应急局派出救援队。');
    expect(x.names('City')).toEqual(['保定市']);
    expect(x.names('County')).toEqual(['涿州市']);
    expect(x.names('Agency')).toEqual(['保定市应急管理局']);
  });

  it('no longer knows the towns and zones of 聊城市', () => {
    const x = baoding('姜店镇的大棚、开发区的企业。');
    expect(x.names('Town')).toEqual([]);
    expect(x.names('County')).toEqual([]);
  });
});
