// Agencies: [jurisdiction][department] printed, jurisdiction's full name + official department name canonical.
import { describe, expect, it } from 'vitest';
import { extractorFor } from './extract-fixture.ts';

const extract = extractorFor('聊城市');

describe('agencies', () => {
  it('expands 市 to the home city and an abbreviated department to its official name', () => {
    const x = extract('市市场监管局联合市发改委开展价格检查，市防指部署防汛工作。');
    expect(x.names('Agency')).toEqual(['聊城市发展和改革委员会', '聊城市市场监督管理局', '聊城市防汛抗旱指挥部']);
    expect(x.entity('Agency:聊城市市场监督管理局')?.aliases).toEqual(['市市场监管局']);
  });

  it('keeps a printed county and expands its department (东昌府区工信局)', () => {
    expect(extract('东昌府区工信局组织企业参加培训。').names('Agency')).toEqual(['东昌府区工业和信息化局']);
  });

  it('expands 区 to the county the article is about, from the body or the kicker', () => {
    expect(extract('东昌府区召开安全生产会议。区应急局将开展隐患排查。').names('Agency')).toEqual([
      '东昌府区应急管理局',
    ]);
    expect(extract('区应急局将开展隐患排查。', { kicker: '东昌府区' }).names('Agency')).toEqual(['东昌府区应急管理局']);
  });

  it('leaves 区应急局 unresolved without a county, or when the county is a 县', () => {
    expect(extract('区应急局将开展隐患排查。').names('Agency')).toEqual([]);
    expect(extract('冠县召开安全生产会议。区应急局将开展隐患排查。').names('Agency')).toEqual([]);
  });

  it('does not read 各市 as the home city', () => {
    expect(extract('各市市场监管局要加强食品安全抽检。').names('Agency')).toEqual([]);
  });

  it('names party bodies 中共…: 市委党校, 市委组织部, 聊城市委, a one-character county doubling its level (冠县县委)', () => {
    const x = extract('市委党校举办培训班，市委组织部、聊城市委、冠县县委、东阿县委有关负责同志参加。');
    expect(x.names('Agency')).toEqual([
      '中共东阿县委',
      '中共冠县县委',
      '中共聊城市委',
      '中共聊城市委党校',
      '中共聊城市委组织部',
    ]);
    expect(x.entity('Agency:中共冠县县委')?.aliases).toEqual(['冠县县委']);
  });

  it('does not take 委员 or 委托 for a party committee', () => {
    expect(extract('他当选为市委员会委员。').names('Agency')).toEqual([]);
    expect(extract('受县委托，企业代为管理。').names('Agency')).toEqual([]);
  });

  it('names national bodies without jurisdiction, expanding abbreviations', () => {
    const x = extract('应急管理部派出工作组，国家发改委下达中央预算内投资。');
    expect(x.names('Agency')).toEqual(['国家发展和改革委员会', '应急管理部']);
  });

  it('keeps vertical bodies as printed (聊城黄河河务局), but not with a one-character jurisdiction', () => {
    const x = extract('山东黄河河务局、聊城黄河河务局、市河务局开展联合巡查。');
    expect(x.names('Agency')).toEqual(['山东黄河河务局', '聊城黄河河务局']);
  });

  it('expands the county government and zone committee (开发区管委会)', () => {
    const x = extract('阳谷县人民政府与开发区管委会签订协议。');
    expect(x.names('Agency')).toEqual(['聊城经济技术开发区管理委员会', '阳谷县人民政府']);
  });

  it('merges an agency printed twice into one entity with the count of its mentions', () => {
    const x = extract('市财政局下达资金。市财政局要求专款专用。');
    expect(x.names('Agency')).toEqual(['聊城市财政局']);
    expect(x.graph.relations.find((r) => r.type === 'MENTIONS' && r.to === 'Agency:聊城市财政局')?.props.count).toBe(2);
  });

  it('names a national body’s local branch as printed, and 人行 only before a branch', () => {
    expect(extract('中国人民银行聊城市中心支行、人行冠县支行参加会议。').names('Agency')).toEqual([
      '中国人民银行冠县支行',
      '中国人民银行聊城市中心支行',
    ]);
    expect(extract('市民沿人行道步行前往。').names('Agency')).toEqual([]);
  });

  it('names a foreign state’s bodies as printed, not as the national bodies their words are', () => {
    const x = extract('美国国防部称，美军已撤出。俄罗斯海军和日本政府发表声明，国防部发言人回应。');
    expect(x.names('Agency')).toEqual(['俄罗斯海军', '国防部', '日本政府', '美军', '美国国防部']);
    // 精英军团 and 中美军事 hold the characters of 英军 and 美军, not the armies.
    expect(extract('精英军团参与中美军事交流。').names('Agency')).toEqual([]);
  });

  it('names a state’s bodies after its one-character short form where jieba reads it so (俄国防部, 美政府)', () => {
    const x = extract('俄国防部长表示，美政府回应，英外交部发表声明。');
    expect(x.names('Agency')).toEqual(['俄国防部', '美政府', '英外交部']);
    // 法国会议 holds 法国会, 中美国防部长 holds 美国防部: neither is one.
    expect(extract('法国会议中心举行中美国防部长会谈。').names('Agency')).not.toContain('美国防部');
    expect(extract('法国会议中心举行活动。').names('Agency')).toEqual([]);
  });

  it('names foreign bodies known by their own names, also after their state (白宫, 美联储, 美国中央情报局)', () => {
    const x = extract('白宫发言人表示，美联储将加息，美国中央情报局拒绝置评。');
    expect(x.names('Agency')).toEqual(['白宫', '美国中央情报局', '美联储']);
    expect(x.names('Company')).toEqual([]);
  });

  it('keeps 中国 before a national body’s short form in its printed name (中国银监会)', () => {
    const x = extract('中国银监会和银监会系统，中国人民银行。');
    expect(x.entity('Agency:中国银行业监督管理委员会')?.aliases.sort()).toEqual(['中国银监会', '银监会']);
    expect(x.names('Agency')).toEqual(['中国人民银行', '中国银行业监督管理委员会']);
  });

  it('reads no home-city body where a place of another city ends before the level (曲阜市委 in an article that does not place it)', () => {
    expect(extract('曲阜市委召开会议。').names('Agency')).toEqual([]);
    expect(extract('济宁市曲阜市委召开会议。').names('Agency')).toEqual(['中共曲阜市委']);
  });

  it('keeps the province or city printed before the jurisdiction in the printed form, not in the name', () => {
    const x = extract('山西省长子县公安局通报，聊城市东昌府区工信局回应。');
    expect(x.entity('Agency:长子县公安局')?.aliases).toEqual(['山西省长子县公安局']);
    expect(x.entity('Agency:东昌府区工业和信息化局')?.aliases).toEqual(['聊城市东昌府区工信局']);
  });

  it('reads a bare level right after another body as that body’s jurisdiction (德州市委市政府, 曲阜市委市政府)', () => {
    expect(extract('德州市委市政府召开会议。').names('Agency')).toEqual(['中共德州市委', '德州市人民政府']);
    expect(extract('德州市委、市政府召开会议。').names('Agency')).toEqual(['中共德州市委', '德州市人民政府']);
    expect(extract('曲阜市委市政府高度重视。').names('Agency')).toEqual([]);
    expect(extract('市委市政府高度重视。').names('Agency')).toEqual(['中共聊城市委', '聊城市人民政府']);
  });

  it('names the armed forces as national bodies (解放军 → 中国人民解放军)', () => {
    expect(extract('解放军官兵和武警部队参加抢险。').names('Agency')).toEqual([
      '中国人民武装警察部队',
      '中国人民解放军',
    ]);
  });
});
