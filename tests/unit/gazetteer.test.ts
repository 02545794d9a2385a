import { describe, expect, it } from 'vitest';
import { buildGazetteer, shortForm } from '../../src/lexicon/divisions.ts';
import { isPlaceWord } from '../../src/nlp/jieba.ts';

const liaocheng = buildGazetteer('聊城市', isPlaceWord);
const place = (g: typeof liaocheng, form: string) => g.forms.get(form)?.place;

describe('shortForm', () => {
  it('drops the level suffix, but never to fewer than two characters', () => {
    expect(shortForm('东阿县')).toBe('东阿');
    expect(shortForm('茌平区')).toBe('茌平');
    expect(shortForm('临清市')).toBe('临清');
    expect(shortForm('冠县')).toBeNull();
    expect(shortForm('莘县')).toBeNull();
  });
});

describe('buildGazetteer for the home city 聊城市', () => {
  it('knows the home city and its province', () => {
    expect(liaocheng.home).toMatchObject({ type: 'City', name: '聊城市' });
    expect(liaocheng.province).toMatchObject({ type: 'Province', name: '山东省' });
    expect(place(liaocheng, '聊城')).toBe(liaocheng.home);
  });

  it('maps the counties of the home city, full and short forms, to their official names', () => {
    expect(place(liaocheng, '东阿')).toMatchObject({ type: 'County', name: '东阿县', parent: liaocheng.home.code });
    expect(place(liaocheng, '茌平')).toMatchObject({ type: 'County', name: '茌平区' });
    expect(place(liaocheng, '临清')).toMatchObject({ type: 'County', name: '临清市' });
    expect(place(liaocheng, '东阿县')).toBe(place(liaocheng, '东阿'));
    expect(liaocheng.forms.get('东阿')?.short).toBe(true);
    expect(liaocheng.forms.get('东阿县')?.short).toBe(false);
    // One-character stems keep their suffix: 冠县 has no short form.
    expect(place(liaocheng, '冠县')).toMatchObject({ name: '冠县' });
    expect(liaocheng.forms.has('冠')).toBe(false);
  });

  it('holds the towns and street offices of the home city, each under its county', () => {
    const town = place(liaocheng, '姜店镇');
    expect(town).toMatchObject({ type: 'Town', name: '姜店镇' });
    expect(liaocheng.countyOf(town!)).toMatchObject({ type: 'County', name: '高唐县' });
    expect(liaocheng.isHome(town!)).toBe(true);
    // Towns have no short form: 姜店 alone is not a place.
    expect(liaocheng.forms.has('姜店')).toBe(false);
  });

  it('resolves the functional zones, which the national list lacks, as county-level places of the city', () => {
    for (const [form, name] of [
      ['开发区', '聊城经济技术开发区'],
      ['经开区', '聊城经济技术开发区'],
      ['高新区', '聊城高新技术产业开发区'],
      ['度假区', '江北水城旅游度假区'],
    ]) {
      const zone = place(liaocheng, form!);
      expect(zone, form).toMatchObject({ type: 'County', name, parent: liaocheng.home.code });
      expect(liaocheng.isHome(zone!)).toBe(true);
    }
  });

  it('holds the counties of other cities by full name, by short name only where jieba knows it as a place', () => {
    const zhuozhou = place(liaocheng, '涿州市');
    expect(zhuozhou).toMatchObject({ type: 'County', name: '涿州市' });
    expect(liaocheng.byCode.get(zhuozhou!.parent!)).toMatchObject({ type: 'City', name: '保定市' });
    expect(liaocheng.isHome(zhuozhou!)).toBe(false);
    expect(place(liaocheng, '涿州')).toBe(zhuozhou); // 涿州/ns
    expect(liaocheng.forms.has('保定')).toBe(false); // 保定/v: a verb as often as a city
    expect(place(liaocheng, '保定市')).toMatchObject({ type: 'City', name: '保定市' });
    expect(place(liaocheng, '济南')).toMatchObject({ type: 'City', name: '济南市' });
  });

  it('reads the short forms of other places from the isPlaceWord it is given', () => {
    const none = buildGazetteer('聊城市', () => false);
    expect(none.forms.has('涿州')).toBe(false);
    expect(none.forms.get('涿州市')?.place.name).toBe('涿州市');
    // The home city's own short forms do not depend on it.
    expect(none.forms.get('东阿')?.place.name).toBe('东阿县');
  });

  it('holds no town of another city, and lets the province win a shared form (河北, not 河北区)', () => {
    expect(liaocheng.forms.has('双塔街道')).toBe(false); // a street office of 涿州市
    expect(place(liaocheng, '河北')).toMatchObject({ type: 'Province', name: '河北省' });
    expect(place(liaocheng, '北京')).toMatchObject({ type: 'City', name: '北京市' });
  });

  it('gives the county of a county and of a town, and none of a city', () => {
    const county = place(liaocheng, '莘县')!;
    expect(liaocheng.countyOf(county)).toBe(county);
    expect(liaocheng.countyOf(liaocheng.home)).toBeNull();
  });
});

describe('buildGazetteer for another home city (--city 保定市)', () => {
  const baoding = buildGazetteer('保定市', isPlaceWord);

  it('makes that city home: its province, its counties by short form, its towns', () => {
    expect(baoding.home).toMatchObject({ type: 'City', name: '保定市', code: '1306' });
    expect(baoding.province.name).toBe('河北省');
    const zhuozhou = place(baoding, '涿州');
    expect(zhuozhou).toMatchObject({ type: 'County', name: '涿州市' });
    expect(baoding.isHome(zhuozhou!)).toBe(true);
    expect(place(baoding, '保定')).toBe(baoding.home);
    const town = place(baoding, '双塔街道');
    expect(town).toMatchObject({ type: 'Town' });
    expect(baoding.countyOf(town!)).toBe(zhuozhou);
  });

  it('drops what belonged to 聊城市 as home: its towns and its zones', () => {
    expect(baoding.forms.has('姜店镇')).toBe(false);
    expect(baoding.forms.has('开发区')).toBe(false);
    expect(place(baoding, '东阿县')).toMatchObject({ type: 'County', name: '东阿县' });
    expect(baoding.isHome(place(baoding, '东阿县')!)).toBe(false);
  });

  it('accepts the city without its 市', () => {
    expect(buildGazetteer('保定', isPlaceWord).home.name).toBe('保定市');
  });
});

describe('buildGazetteer with a city it does not know', () => {
  it('throws an error that names the city and says what to give', () => {
    expect(() => buildGazetteer('不存在市', isPlaceWord)).toThrow(
      /unknown home city "不存在市".*prefecture-level city/,
    );
    // A county is not a home city.
    expect(() => buildGazetteer('东阿县', isPlaceWord)).toThrow(/unknown home city "东阿县"/);
  });
});
