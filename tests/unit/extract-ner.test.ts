// The recogniser's spans as candidate mentions (src/extract/ner.ts), on sentences written here and run through the
// real model, the real gazetteer and lexicon. Skipped only when the model is not installed (CI installs it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, extractArticle } from '../../src/extract/index.ts';
import { nerMentions } from '../../src/extract/ner.ts';
import { findPlaces } from '../../src/extract/place.ts';
import { createRecognizer, type Recognizer } from '../../src/nlp/ner/index.ts';
import { articleLayers, modelInstalled } from '../../src/run/layer.ts';
import type { Article } from '../../src/schema.ts';

const ctx = createContext({ city: '聊城市' });
const article = (body: string): Article => ({
  id: 't#1',
  file: 't.txt',
  index: 0,
  title: null,
  kicker: null,
  subtitle: null,
  date: null,
  reporters: [],
  body,
});
const SKIPPED = 'skipped: the model is not installed in .models/lac/';

describe.skipIf(!modelInstalled())(`recogniser candidates (${SKIPPED})`, () => {
  let recognizer: Recognizer;
  beforeAll(async () => {
    recognizer = (await createRecognizer())!;
  });
  afterAll(() => recognizer.release());

  /** The candidates of one sentence with no rule mention around them: the model's spans, then the vetoes. */
  const candidates = async (text: string) => {
    const [layer] = await articleLayers([article(text)], recognizer);
    const where = { places: findPlaces(text, ctx), county: null, city: ctx.gazetteer.home };
    const mentions = nerMentions(text, layer!.ner, ctx, where, []);
    return { spans: layer!.ner, mentions: mentions.map((m) => `${m.rule} ${m.type}:${m.name} ${m.start}-${m.end}`) };
  };
  /** Entity ids of one article extracted with and without its layer. */
  const extracted = async (body: string) => {
    const [layer] = await articleLayers([article(body)], recognizer);
    const ids = (g: ReturnType<typeof extractArticle>) => g.entities.map((e) => e.id).sort();
    return { off: ids(extractArticle(article(body), ctx)), on: ids(extractArticle(article(body), ctx, layer)) };
  };

  it('takes a person the rules cannot see, with no title around the name', async () => {
    expect((await candidates('张三参加活动。')).mentions).toEqual(['person:ner Person:张三 0-2']);
    const { off, on } = await extracted('下午，张三参加活动。');
    expect(off).not.toContain('Person:张三');
    expect(on).toContain('Person:张三');
  });

  it('vetoes a place the model calls a person', async () => {
    const { spans, mentions } = await candidates('张秋镇很美。');
    expect(spans).toEqual([{ type: 'PER', start: 0, end: 3, text: '张秋镇' }]); // what the model says
    expect(mentions).toEqual([]);
    expect((await extracted('张秋镇很美。')).on).not.toContain('Person:张秋镇');
    // A village the gazetteer does not list, by its ending.
    expect((await candidates('王庄村的冯屯很好。')).mentions).toEqual([]);
  });

  it('types an ORG by the rules: a company by its suffix, an agency by its department, named as the rules name it', async () => {
    expect((await candidates('山东弗兰卡汽车部件有限公司正式投产。')).mentions).toEqual([
      'company:ner Company:山东弗兰卡汽车部件有限公司 0-13',
    ]);
    expect((await candidates('聊城市市场监管局开展检查。')).mentions).toEqual([
      'agency:ner Agency:聊城市市场监督管理局 0-8',
    ]);
  });

  it('takes a brand for a company, and a bare name in a match report for a team', async () => {
    const { spans, mentions } = await candidates('阿里巴巴和腾讯参加了论坛。');
    expect(spans.map((s) => `${s.type}:${s.text}`)).toEqual(['ORG:阿里巴巴', 'ORG:腾讯']);
    expect(mentions).toEqual(['company:ner Company:阿里巴巴 0-4', 'company:ner Company:腾讯 5-7']);
    expect((await candidates('曼联主场2比1战胜切尔西。')).mentions).toEqual([
      'organization:ner Organization:曼联 0-2',
      'organization:ner Organization:切尔西 9-12',
    ]);
    // A brand before an industry word is named with it.
    expect((await candidates('普阳钢铁与新金钢铁签约。')).mentions).toEqual([
      'company:ner Company:普阳钢铁 0-4',
      'company:ner Company:新金钢铁 5-9',
    ]);
  });

  it('drops a department or body without its jurisdiction, a venue, and a span a rule mention covers', async () => {
    expect((await candidates('统计局发布数据。')).spans.map((s) => s.text)).toEqual(['统计局']);
    expect((await candidates('统计局发布数据。')).mentions).toEqual([]);
    expect((await candidates('他在盖蒂博物馆工作。')).mentions).toEqual([]);
    // 县医院 after a bare level names no hospital; 市政府 is the rules' (the home city's government).
    expect((await candidates('工作人员在县医院和市政府之间奔走。')).mentions).toEqual([
      'agency:ner Agency:聊城市人民政府 9-12',
    ]);
    const text = '韩德振参加活动。';
    const [layer] = await articleLayers([article(text)], recognizer);
    const rule = {
      type: 'Person' as const,
      name: '韩德振',
      surface: '韩德振',
      start: 0,
      end: 3,
      rule: 'person:title',
      props: {},
    };
    const where = { places: [], county: null, city: ctx.gazetteer.home };
    expect(nerMentions(text, layer!.ner, ctx, where, [])).toHaveLength(1);
    expect(nerMentions(text, layer!.ner, ctx, where, [rule])).toEqual([]);
  });

  it('types a news agency as an organisation', async () => {
    expect(fromSpans('路透社报道，记者从法新社获悉。', ['路透社', '法新社'])).toEqual([
      'Organization:路透社 0-3',
      'Organization:法新社 9-12',
    ]);
  });

  /** The candidates of spans given here: where the model's span starts decides what these rules do with it. */
  const fromSpans = (text: string, orgs: string[], type: 'ORG' | 'PER' = 'ORG') => {
    const spans = orgs.map((o) => ({
      type,
      start: text.indexOf(o),
      end: text.indexOf(o) + o.length,
      text: o,
    }));
    const where = { places: findPlaces(text, ctx), county: null, city: ctx.gazetteer.home };
    return nerMentions(text, spans, ctx, where, []).map((m) => `${m.type}:${m.name} ${m.start}-${m.end}`);
  };

  it('drops boundary words a span opens with, and names nothing where only a determiner is left before the ending', () => {
    expect(fromSpans('公司再次中标西门子集团订单。', ['再次中标西门子集团'])).toEqual(['Company:西门子集团 6-11']);
    expect(fromSpans('据悉上述华泰公司已经停业。', ['上述华泰公司'])).toEqual(['Company:华泰公司 4-8']);
    expect(fromSpans('主流公司和不少公司都在观望。', ['主流公司', '不少公司'])).toEqual([]);
  });

  it('ends an organisation where jieba’s dictionary name that starts with it ends (佳士|得 → 佳士得)', () => {
    expect(fromSpans('这件瓷器由佳士得拍出。', ['佳士'])).toEqual(['Company:佳士得 5-8']);
  });

  it('takes a common word before 集团 for a group’s name, and a trade before it for none', () => {
    expect(fromSpans('代表团到信源集团参观。', ['信源集团'])).toEqual(['Company:信源集团 4-8']);
    expect(fromSpans('当地能源集团和餐饮集团。', ['能源集团', '餐饮集团'])).toEqual([]);
  });

  it('takes no person whose name ends like a business’s (盖蒂信托), and keeps a given name such as 海军', () => {
    expect(fromSpans('盖蒂信托宣布收购。', ['盖蒂信托'], 'PER')).toEqual([]);
    expect(fromSpans('于海军表示同意。', ['于海军'], 'PER')).toEqual(['Person:于海军 0-3']);
  });

  it('takes a person whose surname is 游 (surnames.tsv)', () => {
    expect(fromSpans('游康对这种方式比较满意。', ['游康'], 'PER')).toEqual(['Person:游康 0-2']);
  });

  it('takes a state’s name for no body, but for its team in a match report', () => {
    expect(fromSpans('俄罗斯与中国签署协议。', ['俄罗斯', '中国'])).toEqual([]);
    expect(fromSpans('世界杯上俄罗斯2比1战胜巴西。', ['俄罗斯'])).toEqual(['Organization:俄罗斯 4-7']);
  });

  it('takes no person after a word that comes before a team’s name (对手维拉, 客战雷吉纳)', () => {
    expect(fromSpans('本场的对手维拉状态不错，埃雷拉首发。', ['维拉', '埃雷拉'], 'PER')).toEqual([
      'Person:埃雷拉 12-15',
    ]);
  });

  it('takes no person from a work’s title', () => {
    expect(fromSpans('他读完了《张三的故事》，李四也读了。', ['张三', '李四'], 'PER')).toEqual(['Person:李四 12-14']);
  });

  it('reads an agency the model carries on into one of its units as that unit, and two bodies in a row as two', async () => {
    const { on } = await extracted('国家体育总局体育彩票管理中心发布公告。');
    expect(on).toContain('Agency:国家体育总局体育彩票管理中心');
    expect(on).not.toContain('Agency:国家体育总局');
    // Two bodies printed together are two (冠县县委县政府), or none where the article does not place their county.
    for (const text of ['冠县县委县政府高度重视。', '泗水县委县政府高度重视。']) {
      const two = await extracted(text);
      expect(two.on).toEqual(two.off);
    }
  });

  it('takes foreign names, and no form of address', async () => {
    expect((await candidates('贝鲁斯科尼昨天发表讲话。')).mentions).toEqual(['person:ner Person:贝鲁斯科尼 0-5']);
    expect((await candidates('Grubby在比赛中获胜。')).mentions).toEqual(['person:ner Person:Grubby 0-6']);
    const { spans, mentions } = await candidates('李先生和张女士说，小王也来了。');
    expect(spans.map((s) => s.text)).toEqual(['李先生', '张女士', '小王']);
    expect(mentions).toEqual([]);
  });

  it('reads a bank named after its city as the bank, the city still mentioned', async () => {
    const { off, on } = await extracted('在光大银行兑换的积分也大约是北京银行的两倍。');
    expect(off).not.toContain('Company:北京银行');
    expect(on).toEqual(expect.arrayContaining(['Company:北京银行', 'Company:光大银行', 'City:北京市']));
  });

  it('starts a company where the model does when the rules walked back over a verb or a postposition', async () => {
    const { off, on } = await extracted('这一盘口状态下英国必发公司亚洲盘交易数据显示主队热。');
    expect(off).toContain('Company:一盘口状态下英国必发公司');
    expect(on).toContain('Company:英国必发公司');
    expect(on).not.toContain('Company:一盘口状态下英国必发公司');
    // A place opening the rules' name keeps it whole, whatever the model's span.
    expect((await extracted('山东东昊汽车玻璃有限公司正式投产。')).on).toContain('Company:山东东昊汽车玻璃有限公司');
  });

  it('gives the relation rules the bodies it finds, named without what the firm does', async () => {
    const body = '普阳钢铁投资建设的高端板材项目在冠县开工。';
    const [layer] = await articleLayers([article(body)], recognizer);
    const relations = (l?: typeof layer) =>
      extractArticle(article(body), ctx, l)
        .relations.filter((r) => r.type !== 'MENTIONS')
        .map((r) => `${r.type} ${r.from} ${r.to}`);
    expect(relations()).toEqual([]);
    expect(relations(layer)).toEqual(['LOCATED_IN Company:普阳钢铁 County:冠县']);
    const text = '腾讯总经理李明表示，将加大投入。';
    const [own] = await articleLayers([article(text)], recognizer);
    expect(extractArticle(article(text), ctx, own).relations.map((r) => `${r.type} ${r.from} ${r.to}`)).toContain(
      'HOLDS_POSITION Person:李明 Company:腾讯',
    );
  });

  it('ends a name where the dictionary does, and takes no weekday, trade mark or cut name', async () => {
    expect((await candidates('吴冠中的画拍出高价。')).mentions).toEqual(['person:ner Person:吴冠中 0-3']);
    expect((await candidates('周中张伟参加了比赛。')).mentions).toEqual(['person:ner Person:张伟 2-4']);
    expect((await candidates('培育出阳谷华泰、华信泰格等多个知名商标品牌。')).mentions).toEqual([]);
    // LAC's span is the whole 菏泽航空制造中心 here; where it stops at 制造, the 中心 after it vetoes the span.
    const text = '菏泽航空制造中心项目已开工建设。';
    const cut = [{ type: 'ORG' as const, start: 0, end: 6, text: '菏泽航空制造' }];
    const where = { places: findPlaces(text, ctx), county: null, city: ctx.gazetteer.home };
    expect(nerMentions(text, cut, ctx, where, [])).toEqual([]);
  });

  it('gives offsets into the body across sentences and articles of one batch', async () => {
    const bodies = ['今天天气很好。\n张三参加活动。', '李四发表讲话。'];
    const layers = await articleLayers(bodies.map(article), recognizer);
    const persons = layers.map((l, i) =>
      l.ner.filter((s) => s.type === 'PER').map((s) => bodies[i]!.slice(s.start, s.end)),
    );
    expect(persons).toEqual([['张三'], ['李四']]);
  });
});
