// A long body costs time that follows its length: rules find sentences and names by offset (spanAt, OffsetIndex)
// instead of scanning them per mention. These answer as the scans did; and a page whose column breaks are lost
// gives the article it gives with them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/random.ts';
import { createContext, extractArticle } from '../../src/extract/index.ts';
import { articleFromJsonl } from '../../src/page/index.ts';
import { OffsetIndex, paragraphs, sentences, spanAt, type Located } from '../../src/nlp/sentences.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');
const within = (inner: Located, outer: Located) => inner.start >= outer.start && inner.end <= outer.end;

describe('spanAt and OffsetIndex', () => {
  const random = mulberry32(7);
  const int = (n: number) => Math.floor(random() * n);
  // Mentions that overlap, nest, repeat and share starts and ends, as extractors give them.
  const items = Array.from({ length: 400 }, (_, i) => {
    const start = int(2000);
    return { start, end: start + 1 + int(i % 7 === 0 ? 40 : 6), id: i };
  });
  const index = new OffsetIndex(items);
  const spans = sentences(`${'东阿县新建项目。'.repeat(40)}\n${'冠县企业投产；市里拨付资金！'.repeat(30)}`);

  it('spanAt finds the span a scan finds, at every offset', () => {
    for (let at = -1; at <= spans.at(-1)!.end + 1; at++)
      expect(spanAt(spans, at)).toBe(spans.find((s) => at >= s.start && at < s.end));
  });

  it('within and containing give what a scan gives, in the order given', () => {
    for (let k = 0; k < 300; k++) {
      const start = int(2100) - 50;
      const span = { start, end: start + int(k % 5 === 0 ? 300 : 20) };
      expect(index.within(span)).toEqual(items.filter((m) => within(m, span)));
      expect(index.containing(span)).toEqual(items.filter((m) => within(span, m)));
    }
    for (const m of items) expect(index.containing(m)).toEqual(items.filter((o) => within(m, o)));
  });

  it('lastStartingBefore and lastEndingBy give what a stable sort gives', () => {
    for (let at = -1; at < 2100; at += 3) {
      expect(index.lastStartingBefore(at)).toBe(
        [...items].filter((m) => m.start < at).sort((a, b) => b.start - a.start)[0],
      );
      expect(index.lastEndingBy(at)).toBe([...items].filter((m) => m.end <= at).sort((a, b) => b.end - a.end)[0]);
    }
  });
});

describe('a long body without its column breaks', () => {
  it('gives the same article, entities and relations as with them', () => {
    // The seeds' prose as one paragraph of ~90,000 characters.
    const prose = ['000_1d8b0c37187465ce', '003_ed6e154ad0e1db3a']
      .map((stem) => readFileSync(join(SEEDS, `${stem}.txt`), 'utf8'))
      .join('')
      .replace(/\s+/gu, '')
      .repeat(3);
    // Narrow columns: a break after every 17th character, wherever it falls between two Han characters.
    const han = /\p{Script=Han}/u;
    let columns = '';
    for (let i = 0; i < prose.length; i++) {
      columns += prose[i];
      if (i % 17 === 16 && han.test(prose[i]!) && han.test(prose[i + 1] ?? '')) columns += '\n';
    }
    expect(columns.split('\n').length).toBeGreaterThan(1000);
    const ctx = createContext({ city: '聊城市' });
    const flat = extractArticle(articleFromJsonl({ id: 'a', text: prose }, 0), ctx);
    const broken = extractArticle(articleFromJsonl({ id: 'a', text: columns }, 0), ctx);
    expect(paragraphs(flat.article.body)).toHaveLength(1);
    expect(broken.article.body).toBe(flat.article.body);
    expect(flat.relations.length).toBeGreaterThan(100);
    expect(broken).toEqual(flat);
  });
});
