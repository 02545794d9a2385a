import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize, toRawSpan } from '../../src/page/normalize.ts';

const seeds = join(import.meta.dirname, '../../seeds');
const seedPages = ['000_1d8b0c37187465ce.txt', '003_ed6e154ad0e1db3a.txt'].map((f) =>
  readFileSync(join(seeds, f), 'utf8'),
);

const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};

/** Every normalized character comes from the raw character its map entry points at (or is its narrowed form). */
function expectMapTraces(raw: string): void {
  const { text, map } = normalize(raw);
  expect(map.length).toBe(text.length + 1);
  expect(map[map.length - 1]).toBe(raw.length);
  for (let i = 0; i < text.length; i++) {
    const src = raw.slice(map[i]!, map[i]! + 1);
    const out = text[i]!;
    if (out === '\n') expect(src).toBe('\n');
    else if (out === ' ') expect(src).toMatch(/\s/u);
    else if (src !== out) {
      // full-width digit/letter/percent → ASCII, or ASCII punctuation → full-width
      const narrowed = String.fromCharCode(src.charCodeAt(0) - 0xfee0);
      expect(narrowed === out || FULL_WIDTH[src] === out, `text[${i}]=${out} from raw ${src}`).toBe(true);
    }
    if (i > 0) expect(map[i]!).toBeGreaterThan(map[i - 1]!);
  }
}

describe('normalize', () => {
  it('joins words, numbers and names broken across lines', () => {
    expect(normalize('8 月 2\n日').text).toBe('8月2日');
    expect(normalize('记者从市市场监管\n局获悉').text).toBe('记者从市市场监管局获悉');
    expect(normalize('“干部执行\n力提升年”活动').text).toBe('“干部执行力提升年”活动');
  });

  it('removes OCR spaces between CJK characters and between CJK and digits or punctuation', () => {
    expect(normalize('■ 本 报 记 者 董金鑫').text).toBe('■本报记者董金鑫');
    expect(normalize('空 间 。 严 把 市 场 准 入 关 ，先 后 实 施').text).toBe('空间。严把市场准入关，先后实施');
    expect(normalize('达到 98.5%和 92.78%以上').text).toBe('达到98.5%和92.78%以上');
    expect(normalize('在 AI 视觉传达').text).toBe('在AI视觉传达');
  });

  it('keeps one space between two Latin words or numbers', () => {
    expect(normalize('升级到 Windows   10 系统').text).toBe('升级到Windows 10系统');
    expect(normalize('Hello,  world').text).toBe('Hello, world');
  });

  it('unifies widths: full-width digits and letters to ASCII, ASCII punctuation beside CJK to full-width', () => {
    expect(normalize('２０２３年ＡＩ产业').text).toBe('2023年AI产业');
    expect(normalize('华为(聊城)数字产业,效果好!是吗?是:对;').text).toBe(
      '华为（聊城）数字产业，效果好！是吗？是：对；',
    );
    expect(normalize('时间10:30,比分3:1').text).toBe('时间10:30，比分3:1');
    expect(normalize('“两河明珠”和《聊城日报》').text).toBe('“两河明珠”和《聊城日报》');
  });

  it('keeps one newline between paragraphs and joins a column break inside a sentence', () => {
    // blank line after a sentence end: paragraph break
    expect(normalize('位列全省第一。\n\n市市场监管局党组书记').text).toBe('位列全省第一。\n市市场监管局党组书记');
    // blank line after a line that does not end a sentence: a column break, joined
    expect(normalize('在我市设立全省首家分平\n\n台，专利代理机构').text).toBe('在我市设立全省首家分平台，专利代理机构');
    expect(normalize('开工建\n\n设。我们会').text).toBe('开工建设。我们会');
    // a quote closing after a sentence end ends the paragraph; a quote alone does not
    expect(normalize('就能办结。”\n\n东昌府区').text).toBe('就能办结。”\n东昌府区');
    expect(normalize('引领“主阵地”\n高质量发展。').text).toBe('引领“主阵地”高质量发展。');
    // several blank lines make one break; leading and trailing blank lines go
    expect(normalize('\n\n 第一段。\n\n\n\n第二段。 \n\n').text).toBe('第一段。\n第二段。');
  });

  it('maps every normalized character back to its raw source', () => {
    expectMapTraces('本报讯（记者 张琪 通讯员 修\n文）近日，受到\n\n连续强降雨。\n\n８ 月 ３ 日,华为(聊城) Windows 10');
    for (const page of seedPages) expectMapTraces(page);
  });

  it('turns a normalized span into the raw span that printed it', () => {
    const raw = '记者从市市场监管\n局获悉，8 月 2\n日';
    const { text, map } = normalize(raw);
    const s = text.indexOf('市市场监管局');
    const [a, b] = toRawSpan(map, s, s + '市市场监管局'.length);
    expect(raw.slice(a, b)).toBe('市市场监管\n局');
    const d = text.indexOf('8月2日');
    const [c, e] = toRawSpan(map, d, d + 4);
    expect(raw.slice(c, e)).toBe('8 月 2\n日');
    expect(toRawSpan(map, 3, 3)).toEqual([map[3], map[3]]);
  });

  it('is idempotent', () => {
    const samples = [
      ...seedPages,
      '华为(聊城) ,数字  产业!\n\n下一段 Windows 10 。\n\n\n“好。”\n他说',
      '２０２３年　ＡＩ ( 测试 ) ; x : y',
    ];
    for (const s of samples) {
      const once = normalize(s).text;
      expect(normalize(once).text).toBe(once);
    }
  });
});
