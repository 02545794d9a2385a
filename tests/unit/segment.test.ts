import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromJsonl } from '../../src/page/index.ts';
import { parseCredit, parseCreditLine } from '../../src/page/byline.ts';
import { segmentPage } from '../../src/page/segment.ts';
import { Article, GoldPage } from '../../src/schema.ts';
import { headlinesFirst } from '../fixtures/headlines-first.ts';

const seeds = join(import.meta.dirname, '../../seeds');
const dev = join(import.meta.dirname, '../../dev');
const STEMS = ['000_1d8b0c37187465ce', '003_ed6e154ad0e1db3a'];
/** Pages with gold articles: the two seed pages and six dev pages of four dailies (dev/SOURCES.md). */
const GOLD_PAGES = [
  ...STEMS.map((stem) => ({ dir: seeds, stem })),
  ...['d01', 'd02', 'd03', 'd04', 'd05', 'd06'].map((stem) => ({ dir: dev, stem })),
];

const seg = (raw: string, date?: string | null) =>
  segmentPage(raw, { file: 'p.txt', stem: 'p', date }).map((p) => p.article);

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
    const segment = (text: string) => segmentPage(text, { file: gold.file, stem }).map((p) => p.article);

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
    const dates = segmentPage(raw, { file: 'x', stem: 'x' }).map((p) => p.article.date);
    // article 2 names no day; article 8 opens with 10月31日至11月1日
    expect(dates).toEqual([
      '2024-11-04',
      null,
      '2024-11-03',
      '2024-11-04',
      '2024-11-05',
      '2024-11-02',
      '2024-11-04',
      '2024-10-31',
    ]);
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
    expect(a!.reporters).toEqual([
      { name: '孙立', role: 'reporter' },
      { name: '钱多多', role: 'correspondent' },
    ]);
    expect(a!.body).toBe('9月1日，某县新建的污水处理厂投入运行。');
    expect([a!.kicker, a!.title, a!.subtitle]).toEqual(['县住建局', '污水处理厂投运', null]);
  });

  it('本报讯（X Y）: names without a label are reporters; several reporters after one label', () => {
    const [a, b] = seg(
      '本报讯（周一 吴二）今天开会。\n\n会议开幕\n\n本报讯 （记者 郑三 王 四 欧阳小雨） 今天下雨。\n\n天气转凉',
    );
    expect(a!.reporters).toEqual([
      { name: '周一', role: 'reporter' },
      { name: '吴二', role: 'reporter' },
    ]);
    expect(b!.reporters.map((r) => r.name)).toEqual(['郑三', '王四', '欧阳小雨']);
    expect(b!.body).toBe('今天下雨。');
  });

  it('■ 本报记者 X opening an article, OCR-spaced, with a correspondent line and a —— subtitle', () => {
    const raw = '■ 本 报 记 者 冯 五\n本报通讯员 陈六\n\n秋收时节，田间一片繁忙。\n\n丰收图景\n——某县秋收见闻';
    const [a] = seg(raw);
    expect(a!.reporters).toEqual([
      { name: '冯五', role: 'reporter' },
      { name: '陈六', role: 'correspondent' },
    ]);
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
    expect(a!.body).toBe(
      '今年以来，全县新签约项目十个。\n▶项目建设提速◀\n一批项目开工建设。项目总投资十亿元。\n■创新驱动企业研发投入增长。',
    );
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

/** [kicker, title, subtitle, reporter names, body] of each article: what the rules below decide. */
const outline = (raw: string) =>
  seg(raw).map((a) => [a.kicker, a.title, a.subtitle, a.reporters.map((r) => r.name).join(','), a.body]);

describe('segmentPage photo captions with a headline', () => {
  it('a caption at the end of the page: its ■ credit, then its kicker and headline', () => {
    const raw = [
      '本报讯（记者 孔一）全县新建',
      '道路十条。',
      '',
      '道路建设提速',
      '',
      '6月8日，工人在新区铺设',
      '管网。',
      '',
      '新区管网工程全长五公里。',
      '',
      '■ 文/图 曹二',
      '',
      '新区',
      '',
      '管网铺设忙',
    ].join('\n');
    expect(outline(raw)).toEqual([
      [null, '道路建设提速', null, '孔一', '全县新建道路十条。'],
      ['新区', '管网铺设忙', null, '曹二', '6月8日，工人在新区铺设管网。\n新区管网工程全长五公里。'],
    ]);
  });

  it('a caption in the middle of the page, credited □记者 X 报道, before the next byline', () => {
    const raw = [
      '本报讯（记者 严三）果园丰收。',
      '',
      '苹果丰收',
      '',
      '9月9日，村民在晾晒玉米。',
      '',
      '□记者 华四 报道',
      '',
      '秋粮晾晒',
      '',
      '本报讯（记者 金五）新桥通车。',
      '',
      '新桥通车',
    ].join('\n');
    expect(outline(raw).map((a) => a.slice(1, 4))).toEqual([
      ['苹果丰收', null, '严三'],
      ['秋粮晾晒', null, '华四'],
      ['新桥通车', null, '金五'],
    ]);
  });

  it('a caption that opens without a date starts after the headline before it', () => {
    const raw = [
      '本报讯（记者 魏六）全市开展',
      '植树活动。',
      '',
      '全市植树',
      '',
      '志愿者在河岸栽下柳树。',
      '',
      '（记者 陶七 摄）',
      '',
      '河岸添绿',
      '',
      '本报讯 近日，新馆开放。',
      '',
      '新馆开放',
    ].join('\n');
    expect(outline(raw)).toEqual([
      [null, '全市植树', null, '魏六', '全市开展植树活动。'],
      [null, '河岸添绿', null, '陶七', '志愿者在河岸栽下柳树。'],
      [null, '新馆开放', null, '', '近日，新馆开放。'],
    ]);
  });

  it('a credit in brackets after the caption text on its last line', () => {
    const raw = '本报讯（记者 姜八）会议召开。\n\n会议召开\n\n5月2日，游客在湖边赏花。（戚九 摄）\n\n湖边花开';
    expect(outline(raw).map((a) => a.slice(1, 5))).toEqual([
      ['会议召开', null, '姜八', '会议召开。'],
      ['湖边花开', null, '戚九', '5月2日，游客在湖边赏花。'],
    ]);
  });

  it('a photo credit with more of the article after it stays in the article', () => {
    const raw = '本报讯（记者 谭二）新桥合龙。\n\n工人在桥面作业。（龚三 摄）\n\n大桥年底通车。\n\n新桥合龙';
    expect(outline(raw)).toEqual([
      [null, '新桥合龙', null, '谭二', '新桥合龙。\n工人在桥面作业。（龚三摄）大桥年底通车。'],
    ]);
  });

  it("an editor's note in brackets ends a body, not a headline; a 文/记者 X credit", () => {
    const raw =
      '本报讯（记者 祝五）展会开幕。\n\n（下转第2版）\n\n展会开幕\n\n6月6日，观众参观展会。\n\n■ 文/记者 卢六\n\n观展';
    expect(outline(raw)).toEqual([
      [null, '展会开幕', null, '祝五', '展会开幕。\n（下转第2版）'],
      [null, '观展', null, '卢六', '6月6日，观众参观展会。'],
    ]);
  });

  it('a byline and a credit closing the same article name its reporters once each', () => {
    const raw = '本报讯（记者 谢十）新厂投产。\n\n厂区全景。\n\n（记者 谢十 邹一 摄）\n\n新厂投产';
    expect(outline(raw)).toEqual([[null, '新厂投产', null, '谢十,邹一', '新厂投产。\n厂区全景。']]);
  });
});

describe('segmentPage on pages that print headlines before their bodies', () => {
  it('kicker, title and —— subtitle above each byline, a ■ 本报记者 X opener and a caption at the end', () => {
    const raw = [
      '县交通局',
      '',
      '农村公路提档升级',
      '——今年新改建三百公里',
      '',
      '本报讯（记者 喻二 通讯员 柏三）今年，',
      '全县新改建农村公路三百公里。',
      '',
      '年底前全部完工。',
      '',
      '秋收见闻',
      '',
      '■ 本报记者 水四',
      '',
      '田间地头一片繁忙。',
      '',
      '麦田灌溉',
      '',
      '4月3日，农民在浇灌麦田。',
      '',
      '■ 窦五',
    ].join('\n');
    expect(outline(raw)).toEqual([
      [
        '县交通局',
        '农村公路提档升级',
        '今年新改建三百公里',
        '喻二,柏三',
        '今年，全县新改建农村公路三百公里。\n年底前全部完工。',
      ],
      [null, '秋收见闻', null, '水四', '田间地头一片繁忙。'],
      [null, '麦田灌溉', null, '窦五', '4月3日，农民在浇灌麦田。'],
    ]);
    expect(seg(raw)[0]!.reporters.map((r) => r.role)).toEqual(['reporter', 'correspondent']);
  });

  it('an undated caption under its headline in the middle, and a caption without headline right after a body', () => {
    const raw = [
      '新校开学',
      '',
      '本报讯（记者 章六）新校开学。',
      '',
      '校园新景',
      '',
      '学生在新操场上体育课。',
      '',
      '■ 云七',
      '',
      '夜市开业',
      '',
      '本报讯（记者 苏八）夜市开业。',
      '',
      '7月1日，市民在夜市购物。',
      '',
      '■ 潘九',
    ].join('\n');
    expect(outline(raw)).toEqual([
      [null, '新校开学', null, '章六', '新校开学。'],
      [null, '校园新景', null, '云七', '学生在新操场上体育课。'],
      [null, '夜市开业', null, '苏八', '夜市开业。'],
      [null, null, null, '潘九', '7月1日，市民在夜市购物。'],
    ]);
  });

  it('a continuation at the top of the page has no headline; the articles after it keep theirs', () => {
    const raw = '项目年内投产。\n\n高温天气来袭\n\n本报讯 今天高温。\n\n书市开幕\n\n本报讯（记者 葛一）书市开幕。';
    expect(outline(raw)).toEqual([
      [null, null, null, '', '项目年内投产。'],
      [null, '高温天气来袭', null, '', '今天高温。'],
      [null, '书市开幕', null, '葛一', '书市开幕。'],
    ]);
  });

  it('a headline printed right above its byline with no blank line between', () => {
    const raw = '县城供暖\n本报讯（记者 尹四）县城今日供暖。\n\n乡村公交开通\n本报讯 乡村公交开通。';
    expect(outline(raw)).toEqual([
      [null, '县城供暖', null, '尹四', '县城今日供暖。'],
      [null, '乡村公交开通', null, '', '乡村公交开通。'],
    ]);
  });

  it('a page with one article, headline first or last, with or without byline', () => {
    const body = '本报讯（记者 范二）全市夏粮\n获得丰收。';
    const expected = [['本市', '夏粮丰收', null, '范二', '全市夏粮获得丰收。']];
    expect(outline(`本市\n\n夏粮丰收\n\n${body}`)).toEqual(expected);
    expect(outline(`${body}\n\n本市\n\n夏粮丰收`)).toEqual(expected);
    expect(outline('夏粮丰收\n\n全市夏粮获得丰收。')).toEqual([[null, '夏粮丰收', null, '', '全市夏粮获得丰收。']]);
  });
});

describe('credits', () => {
  it('glue OCR-split names and reject text that is not a credit', () => {
    expect(parseCredit('记者 张 晓 明 通讯员 修\n文')).toEqual({
      reporters: [
        { name: '张晓明', role: 'reporter' },
        { name: '修文', role: 'correspondent' },
      ],
      labelled: true,
    });
    expect(parseCredit('市市场监管局')).toBeNull(); // 6 characters: no name
    expect(parseCredit('刘学 魏晓晨')).toEqual({
      reporters: [
        { name: '刘学', role: 'reporter' },
        { name: '魏晓晨', role: 'reporter' },
      ],
      labelled: false,
    });
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
    const a = articleFromJsonl(
      {
        id: 'web-1',
        text: '记者从市市场监管\n局获悉 ， 8 月 2\n日开会。\n\n第二段。',
        title: '标题',
        date: '2024-01-02',
      },
      3,
    );
    expect(a).toEqual({
      id: 'web-1',
      file: '',
      index: 3,
      title: '标题',
      kicker: null,
      subtitle: null,
      date: '2024-01-02',
      reporters: [],
      body: '记者从市市场监管局获悉，8月2日开会。\n第二段。',
    });
    expect(Article.parse(a)).toEqual(a);
    // A dateline opening the text names the reporters; the body keeps it.
    const dated = articleFromJsonl(
      { id: 'web-2', text: '本报讯（记者 马力 通讯员 王芳）市土地整理储备中心昨天发布公告。' },
      0,
    );
    expect(dated.reporters.map((r) => `${r.role}:${r.name}`)).toEqual(['reporter:马力', 'correspondent:王芳']);
    expect(dated.body).toBe('本报讯（记者马力通讯员王芳）市土地整理储备中心昨天发布公告。');
    expect(articleFromJsonl({ id: 'x', text: '', file: 'a.jsonl' }, 0)).toMatchObject({
      file: 'a.jsonl',
      title: null,
      date: null,
    });
  });
});
