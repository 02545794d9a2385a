import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromJsonl } from '../../src/page/index.ts';
import { parseCredit, parseCreditLine } from '../../src/page/byline.ts';
import { segmentPage } from '../../src/page/segment.ts';
import { Article, GoldPage } from '../../src/schema.ts';
import { headlinesFirst } from '../fixtures/headlines-first.ts';

const seeds = join(import.meta.dirname, '../../seeds');
const dev = join(import.meta.dirname, '../fixtures/dev');
const STEMS = ['000_1d8b0c37187465ce', '003_ed6e154ad0e1db3a'];
/** Pages with gold articles: the two seed pages and six dev pages of four dailies (tests/fixtures/dev/sources.md). */
const GOLD_PAGES = [
  ...STEMS.map((stem) => ({ dir: seeds, stem })),
  ...['d01', 'd02', 'd03', 'd04', 'd05', 'd06'].map((stem) => ({ dir: dev, stem })),
];

const seg = (raw: string, date?: string | null) => segmentPage(raw, { file: 'p.txt', stem: 'p', date });

/** Every gold article found in order, with its headline, kicker, subtitle, first words and reporters. */
function expectGold(articles: Article[], gold: GoldPage, stem: string): void {
  expect(articles.map((a) => a.title)).toEqual(gold.articles.map((g) => g.headline));
  articles.forEach((a, i) => {
    const g = gold.articles[i]!;
    expect(Article.parse(a)).toEqual(a);
    expect(a.id).toBe(`${stem}#${i + 1}`);
    expect(a.index).toBe(i);
    expect(a.file).toBe(gold.file);
    expect({ title: a.title, kicker: a.kicker, subtitle: a.subtitle, reporters: a.reporters }).toEqual({
      title: g.headline,
      kicker: g.kicker ?? null,
      subtitle: g.subtitle ?? null,
      reporters: g.reporters,
    });
    expect(a.body.replace(/\s/gu, '').startsWith(g.first_words)).toBe(true);
    // the byline, the credit and the headline lines are not part of the body
    expect(a.body).not.toMatch(/本报讯|本报记者|■|□/u);
    if (a.title) expect(a.body.replace(/\s/gu, '').endsWith(a.title)).toBe(false);
  });
}

describe('segmentPage on the seed and dev pages', () => {
  for (const { dir, stem } of GOLD_PAGES) {
    const raw = readFileSync(join(dir, `${stem}.txt`), 'utf8');
    const gold = GoldPage.parse(JSON.parse(readFileSync(join(dir, `${stem}.gold.json`), 'utf8')));
    const segment = (text: string) => segmentPage(text, { file: gold.file, stem });

    it(`reproduces every gold article of ${stem} in order, headlines after bodies as printed`, () => {
      const articles = segment(raw);
      expectGold(articles, gold, stem);
      // the same page with CRLF line ends and full-width spaces segments alike
      const variant = raw.replace(/\n/gu, '\r\n').replace(/ /gu, '\u3000');
      expect(segment(variant)).toEqual(articles);
    });

    it(`reproduces every gold article of ${stem} with each headline moved above its body`, () => {
      const rewritten = headlinesFirst(raw, gold);
      expect(rewritten).not.toBe(raw.trim());
      const articles = segment(rewritten);
      expectGold(articles, gold, stem);
      expect(articles.map((a) => a.body)).toEqual(segment(raw).map((a) => a.body));
    });
  }
});

describe('segmentPage dates', () => {
  it('dates the seed articles from their first M月D日 and the year the page prints', () => {
    const raw = readFileSync(join(seeds, `${STEMS[1]}.txt`), 'utf8');
    const dates = segmentPage(raw, { file: 'x', stem: 'x' }).map((a) => a.date);
    // article 2 names no day; article 8 opens with 10月31日至11月1日
    expect(dates).toEqual(['2024-11-04', null, '2024-11-03', '2024-11-04', '2024-11-05', '2024-11-02', '2024-11-04', '2024-10-31']);
  });
});

describe('segmentPage byline forms', () => {
  it('本报讯（记者 X 通讯员 Y）, with a name split by a line break, a kicker and a title', () => {
    const raw = [
      '本报讯（记者 孙立 通讯员 钱',
      '多多）9月1日，某县新建的',
      '污水处理厂投入运行。',
      '',
      '县住建局',
      '',
      '污水处理厂投运',
    ].join('\n');
    const [a, ...rest] = seg(raw);
    expect(rest).toHaveLength(0);
    expect(a!.reporters).toEqual([{ name: '孙立', role: 'reporter' }, { name: '钱多多', role: 'correspondent' }]);
    expect(a!.body).toBe('9月1日，某县新建的污水处理厂投入运行。');
    expect([a!.kicker, a!.title, a!.subtitle]).toEqual(['县住建局', '污水处理厂投运', null]);
  });

  it('本报讯（X Y）: names without a label are reporters; several reporters after one label', () => {
    const [a, b] = seg('本报讯（周一 吴二）今天开会。\n\n会议开幕\n\n本报讯 （记者 郑三 王 四 欧阳小雨） 今天下雨。\n\n天气转凉');
    expect(a!.reporters).toEqual([{ name: '周一', role: 'reporter' }, { name: '吴二', role: 'reporter' }]);
    expect(b!.reporters.map((r) => r.name)).toEqual(['郑三', '王四', '欧阳小雨']);
    expect(b!.body).toBe('今天下雨。');
  });

  it('■ 本报记者 X opening an article, OCR-spaced, with a correspondent line and a —— subtitle', () => {
    const raw = '■ 本 报 记 者 冯 五\n本报通讯员 陈六\n\n秋收时节，田间一片繁忙。\n\n丰收图景\n——某县秋收见闻';
    const [a] = seg(raw);
    expect(a!.reporters).toEqual([{ name: '冯五', role: 'reporter' }, { name: '陈六', role: 'correspondent' }]);
    expect(a!.body).toBe('秋收时节，田间一片繁忙。');
    expect([a!.kicker, a!.title, a!.subtitle]).toEqual([null, '丰收图景', '某县秋收见闻']);
  });

  it('photo captions open with a date and end with a ■ credit (■ 本报记者 X or a bare name); no headline', () => {
    const raw = [
      '本报讯（记者 褚七）今天开会。',
      '',
      '会议召开',
      '',
      '9 月 3日，工人在车间',
      '装配设备。',
      '',
      '■ 卫八',
      '',
      '9月4日，果农采摘苹果。',
      '',
      '近年来，果园面积扩大。',
      '',
      '■ 本报记者 蒋九',
      '',
      '本报讯（记者 沈十）明天放晴。',
      '',
      '天气预报',
    ].join('\n');
    const arts = seg(raw, '2022-01-01');
    expect(arts.map((a) => [a.title, a.reporters.map((r) => r.name).join(',')])).toEqual([
      ['会议召开', '褚七'],
      [null, '卫八'],
      [null, '蒋九'],
      ['天气预报', '沈十'],
    ]);
    expect(arts[1]!.body).toBe('9月3日，工人在车间装配设备。');
    expect(arts[2]!.body).toBe('9月4日，果农采摘苹果。\n近年来，果园面积扩大。');
    expect(arts[1]!.date).toBe('2022-09-03');
    expect(arts.map((a) => a.id)).toEqual(['p#1', 'p#2', 'p#3', 'p#4']);
  });

  it('other papers: （记者 X）, 记者 X 报道, 新华社…电（记者 X）, （X 摄） under a caption', () => {
    const raw = [
      '（记者 韩梅）本市举办书展。',
      '',
      '书展开幕',
      '',
      '本报记者 杨光 报道',
      '本市新开一条公交线。',
      '',
      '公交新线开通',
      '',
      '新华社北京8月4日电（记者 朱明 秦亮）全国粮食丰收。',
      '',
      '粮食丰收',
      '',
      '5月1日，游客在公园赏花。',
      '（许多 摄）',
    ].join('\n');
    const arts = seg(raw);
    expect(arts.map((a) => [a.title, a.reporters.map((r) => r.name).join(','), a.body])).toEqual([
      ['书展开幕', '韩梅', '本市举办书展。'],
      ['公交新线开通', '杨光', '本市新开一条公交线。'],
      ['粮食丰收', '朱明,秦亮', '全国粮食丰收。'],
      [null, '许多', '5月1日，游客在公园赏花。'],
    ]);
  });

  it('keeps subheads and column fragments inside the body and joins column breaks', () => {
    const raw = [
      '本报讯（记者 何平）今年以来，全县',
      '新签约项目十个。',
      '',
      '▶项目建设提速◀',
      '一批项目开工建',
      '',
      '设。项目总投资',
      '',
      '十亿元。',
      '',
      '■ 创新驱动',
      '企业研发投入增长。',
      '',
      '项目建设提速',
    ].join('\n');
    const [a, ...rest] = seg(raw);
    expect(rest).toHaveLength(0);
    expect(a!.title).toBe('项目建设提速');
    expect(a!.body).toBe('今年以来，全县新签约项目十个。\n▶项目建设提速◀\n一批项目开工建设。项目总投资十亿元。\n■创新驱动企业研发投入增长。');
  });

  it('dates: year printed on the page, else the year of opts.date, else opts.date, else null', () => {
    const page = (body: string) => `本报讯（记者 吕方）${body}\n\n标题`;
    expect(seg(page('2021年工作总结。3月5日，开会。'))[0]!.date).toBe('2021-03-05');
    expect(seg(page('3月5日，开会。'), '2020-12-31')[0]!.date).toBe('2020-03-05');
    expect(seg(page('近日，开会。'), '2020-12-31')[0]!.date).toBe('2020-12-31');
    expect(seg(page('近日，开会。'))[0]!.date).toBeNull();
    expect(seg(page('3月5日，开会。'))[0]!.date).toBeNull();
    expect(seg(page('自2019年2月30日起，无效日期。'))[0]!.date).toBeNull();
  });
});

describe('credits', () => {
  it('glue OCR-split names and reject text that is not a credit', () => {
    expect(parseCredit('记者 张 晓 明 通讯员 修\n文')).toEqual({
      reporters: [{ name: '张晓明', role: 'reporter' }, { name: '修文', role: 'correspondent' }],
      labelled: true,
    });
    expect(parseCredit('市市场监管局')).toBeNull(); // 6 characters: no name
    expect(parseCredit('刘学 魏晓晨')).toEqual({ reporters: [{ name: '刘学', role: 'reporter' }, { name: '魏晓晨', role: 'reporter' }], labelled: false });
    expect(parseCredit('记者 X先生')).toBeNull();
  });

  it('take a whole line for a credit only with a label, or a bullet/摄 and surnames', () => {
    expect(parseCreditLine('■ 本报记者 李四')?.reporters).toEqual([{ name: '李四', role: 'reporter' }]);
    expect(parseCreditLine('■ 田柏林')?.reporters).toEqual([{ name: '田柏林', role: 'reporter' }]);
    expect(parseCreditLine('（许多 摄）')?.reporters).toEqual([{ name: '许多', role: 'reporter' }]);
    expect(parseCreditLine('冠县')).toBeNull(); // no label, no bullet
    expect(parseCreditLine('■ 创新驱动')).toBeNull(); // bullet, but 创 is no surname
    expect(parseCreditLine('（待续）')).toBeNull();
    expect(parseCreditLine('记者了解到，目前全市')).toBeNull(); // a sentence
    expect(parseCreditLine('■ 记者手记')).toBeNull(); // a label, but 手记 is no name
    expect(parseCreditLine('■ 相关链接')).toBeNull();
  });
});

describe('articleFromJsonl', () => {
  it('normalizes the text and keeps id, title, date and file', () => {
    const a = articleFromJsonl({ id: 'web-1', text: '记者从市市场监管\n局获悉 ， 8 月 2\n日开会。\n\n第二段。', title: '标题', date: '2024-01-02' }, 3);
    expect(a).toEqual({
      id: 'web-1', file: '', index: 3, title: '标题', kicker: null, subtitle: null, date: '2024-01-02', reporters: [],
      body: '记者从市市场监管局获悉，8月2日开会。\n第二段。',
    });
    expect(Article.parse(a)).toEqual(a);
    expect(articleFromJsonl({ id: 'x', text: '', file: 'a.jsonl' }, 0)).toMatchObject({ file: 'a.jsonl', title: null, date: null });
  });
});
