import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectEncoding } from '../../src/ingest/encoding.ts';
import { type InputItem, assertWritableDir, listInputs, readInputs } from '../../src/ingest/read.ts';
import { isCalendarDate } from '../../src/schema.ts';

const PAGE = '本报讯（记者 岳耀军）8月4日，\n记者从市市场监管局获悉。\n\n锻强能力作风\n';
const seedPage = readFileSync(join(import.meta.dirname, '../../seeds/000_1d8b0c37187465ce.txt'));

let dir: string;

async function collect(paths: string[]): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of readInputs(paths)) items.push(item);
  return items;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kg-ingest-'));
  const corpus = join(dir, 'corpus');
  mkdirSync(join(corpus, 'sub'), { recursive: true });
  writeFileSync(join(corpus, 'b_utf8.txt'), PAGE);
  writeFileSync(join(corpus, 'a_gb18030.txt'), iconv.encode(PAGE, 'gb18030'));
  writeFileSync(join(corpus, 'c_bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PAGE)]));
  writeFileSync(join(corpus, 'd_empty.txt'), '');
  writeFileSync(join(corpus, 'e_binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a, 0xff]));
  writeFileSync(
    join(corpus, 'f_latin1.txt'),
    Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xe0, 0x20, 0x6c, 0x61, 0x20, 0x63, 0x72, 0xe8, 0x6d, 0x65]),
  );
  writeFileSync(join(corpus, 'notes.md'), 'not an input');
  symlinkSync(join(dir, 'nowhere.txt'), join(corpus, 'g_dangling.txt'));
  writeFileSync(
    join(corpus, 'sub', 'articles.jsonl'),
    `${[
      JSON.stringify({ id: 'w1', text: '第一篇。', title: '一' }),
      '{"id": "w2", "text": ', // bad JSON
      '',
      JSON.stringify({ id: 'w3', text: 42 }), // fails the schema
      JSON.stringify({ id: 'w4', text: '第四篇。', date: '2024-02-30x' }), // bad date
      JSON.stringify({ id: 'w5', text: '第五篇。', date: '2024-03-01', file: 'site.html' }),
    ].join('\n')}\n`,
  );
  writeFileSync(
    join(corpus, 'sub', 'gbk.jsonl'),
    iconv.encode(`${JSON.stringify({ id: 'g1', text: '聊城市水利局通报。' })}\r\n`, 'gbk'),
  );
  writeFileSync(join(corpus, 'sub', 'blank.jsonl'), '\n\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readInputs', () => {
  it('walks a folder in path order, detects encodings, and turns every bad file or line into an error item', async () => {
    const corpus = join(dir, 'corpus');
    const items = await collect([corpus]);
    const brief = items.map((i) => [i.file.slice(corpus.length + 1), i.kind, 'line' in i ? i.line : undefined]);
    expect(brief).toEqual([
      ['a_gb18030.txt', 'page', undefined],
      ['b_utf8.txt', 'page', undefined],
      ['c_bom.txt', 'page', undefined],
      ['d_empty.txt', 'error', undefined],
      ['e_binary.txt', 'error', undefined],
      ['f_latin1.txt', 'error', undefined],
      ['g_dangling.txt', 'error', undefined],
      ['sub/articles.jsonl', 'article', 1],
      ['sub/articles.jsonl', 'error', 2],
      ['sub/articles.jsonl', 'error', 4],
      ['sub/articles.jsonl', 'error', 5],
      ['sub/articles.jsonl', 'article', 6],
      ['sub/blank.jsonl', 'error', undefined],
      ['sub/gbk.jsonl', 'article', 1],
    ]);
    const byName = (name: string) => items.filter((i) => i.file.endsWith(name));
    const pages = items.filter((i) => i.kind === 'page');
    expect(pages.map((p) => [p.stem, p.encoding, p.text])).toEqual([
      ['a_gb18030', 'GB18030', PAGE],
      ['b_utf8', 'UTF-8', PAGE],
      ['c_bom', 'UTF-8 with BOM', PAGE],
    ]);
    const message = (name: string, k = 0) => {
      const it = byName(name).filter((i) => i.kind === 'error')[k];
      return it && it.kind === 'error' ? it.message : undefined;
    };
    expect(message('d_empty.txt')).toBe('empty file');
    expect(message('e_binary.txt')).toMatch(/^binary file \(NUL bytes/);
    expect(message('f_latin1.txt')).toMatch(/^undecodable: neither UTF-8 nor GB18030/);
    expect(message('g_dangling.txt')).toMatch(/^cannot read: no such file \(or a dangling symlink\)/);
    expect(message('articles.jsonl', 0)).toMatch(/^line 2: invalid JSON/);
    expect(message('articles.jsonl', 1)).toMatch(/^line 4: not an article .*text/);
    expect(message('articles.jsonl', 2)).toMatch(/^line 5: not an article .*date.*ISO date/);
    expect(message('blank.jsonl')).toBe('empty file (blank lines only)');
    const articles = items.flatMap((i) => (i.kind === 'article' ? [i.article] : []));
    expect(articles).toEqual([
      { id: 'w1', text: '第一篇。', title: '一' },
      { id: 'w5', text: '第五篇。', date: '2024-03-01', file: 'site.html' },
      { id: 'g1', text: '聊城市水利局通报。' },
    ]);
  });

  it('reads files named explicitly, in the order given, and reports a missing path without stopping', async () => {
    const corpus = join(dir, 'corpus');
    const items = await collect([
      join(corpus, 'c_bom.txt'),
      join(dir, 'missing.txt'),
      join(corpus, 'sub', 'gbk.jsonl'),
    ]);
    expect(items.map((i) => i.kind)).toEqual(['page', 'error', 'article']);
    expect(items[1]).toEqual({
      kind: 'error',
      file: join(dir, 'missing.txt'),
      message: 'cannot read: no such file (or a dangling symlink)',
    });
  });

  it('detects a real GB18030 page and a UTF-8 page of the seed corpus', () => {
    const gb = iconv.encode(seedPage.toString('utf8'), 'gb18030');
    expect(detectEncoding(gb)).toEqual({ encoding: 'GB18030', bom: 0 });
    expect(detectEncoding(seedPage)).toEqual({ encoding: 'UTF-8', bom: 0 });
    // a sample cut inside a multi-byte character is still recognised
    expect(detectEncoding(seedPage.subarray(0, 1000), false)).toEqual({ encoding: 'UTF-8', bom: 0 });
    expect(detectEncoding(gb.subarray(0, 1001), false)).toEqual({ encoding: 'GB18030', bom: 0 });
  });
});

describe('assertWritableDir', () => {
  it('creates the folder with its parents', () => {
    const out = join(dir, 'out', 'deep');
    assertWritableDir(out);
    expect(existsSync(out)).toBe(true);
  });

  it('throws an error naming the folder when it cannot be created or written', () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'x');
    const out = join(file, 'out');
    expect(() => assertWritableDir(out)).toThrow(`output folder ${out} cannot be written`);
  });
});

describe('listInputs with folder symlinks', () => {
  const names = async (root: string) => {
    const out: string[] = [];
    for await (const f of listInputs([root]))
      out.push(f.kind === 'file' ? f.name : `${f.file.slice(root.length + 1)} → ${f.message}`);
    return out;
  };

  it('reads every page of a folder holding a symlink loop once, and reports the loop', async () => {
    const root = join(dir, 'one-loop');
    mkdirSync(join(root, 'a'), { recursive: true });
    writeFileSync(join(root, 'top.txt'), PAGE);
    writeFileSync(join(root, 'a', 'p.txt'), PAGE);
    symlinkSync(root, join(root, 'a', 'back'));
    expect(await names(root)).toEqual([
      `a/back → skipped: symlink loop back to ${root}, read already`,
      'a/p.txt',
      'top.txt',
    ]);
  });

  it('ends on two loops, and reads a folder reached twice once', async () => {
    const root = join(dir, 'two-loops');
    mkdirSync(join(root, 'a'), { recursive: true });
    mkdirSync(join(root, 'b'));
    writeFileSync(join(root, 'a', 'p.txt'), PAGE);
    writeFileSync(join(root, 'b', 'q.txt'), PAGE);
    symlinkSync(root, join(root, 'a', 'up'));
    symlinkSync(join(root, 'a'), join(root, 'b', 'side'));
    expect(await names(root)).toEqual([
      `a/p.txt`,
      `a/up → skipped: symlink loop back to ${root}, read already`,
      `b/q.txt`,
      `b/side → skipped: the same folder as ${join(root, 'a')}, read already`,
    ]);
  });
});

describe('dates of .jsonl lines', () => {
  it('rejects a day the calendar does not have, naming file and line, and keeps the other lines', async () => {
    const file = join(dir, 'dates.jsonl');
    const dates = ['2023-13-45', '2024-02-29', '2023-02-30', '2023-02-29', '2023-04-31', '2023-12-31'];
    writeFileSync(file, dates.map((date, i) => JSON.stringify({ id: `d${i}`, text: '东阿县新闻。', date })).join('\n'));
    const items = await collect([file]);
    expect(
      items.map((i) =>
        i.kind === 'article' ? i.article.date : i.kind === 'error' ? `${i.file}:${i.line}: ${i.message}` : i.kind,
      ),
    ).toEqual([
      `${file}:1: line 1: not an article {id, text, title?, date?, file?} (date: expected an ISO date YYYY-MM-DD, a day of the calendar)`,
      '2024-02-29',
      `${file}:3: line 3: not an article {id, text, title?, date?, file?} (date: expected an ISO date YYYY-MM-DD, a day of the calendar)`,
      `${file}:4: line 4: not an article {id, text, title?, date?, file?} (date: expected an ISO date YYYY-MM-DD, a day of the calendar)`,
      `${file}:5: line 5: not an article {id, text, title?, date?, file?} (date: expected an ISO date YYYY-MM-DD, a day of the calendar)`,
      '2023-12-31',
    ]);
  });

  it('isCalendarDate takes only days of the calendar in YYYY-MM-DD', () => {
    expect(['2024-02-29', '2000-02-29', '0050-01-01', '2023-01-31'].map(isCalendarDate)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(
      ['2023-02-29', '1900-02-29', '2023-13-45', '2023-00-10', '2023-06-00', '2023-6-1', '2023-06-01T00:00'].map(
        isCalendarDate,
      ),
    ).toEqual(Array(7).fill(false));
  });
});

describe('damaged and unmarked encodings', () => {
  const seedText = seedPage.toString('utf8');
  /** The seed page with one byte of line `line` (from 1) replaced by 0xFF. */
  const damaged = (line: number): Buffer => {
    const at =
      seedText
        .split('\n')
        .slice(0, line - 1)
        .join('\n').length + 1; // first character of the line
    const bytes = Buffer.from(seedPage);
    bytes[Buffer.byteLength(seedText.slice(0, at)) + 1] = 0xff; // inside its first (3-byte) character
    return bytes;
  };
  const read = async (name: string, bytes: Buffer) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return collect([file]);
  };

  it('reads a UTF-8 page with one bad byte, replacing it by U+FFFD, and reports its line', async () => {
    const line = 12;
    const items = await read('damaged.txt', damaged(line));
    expect(items.map((i) => i.kind)).toEqual(['error', 'page']);
    expect(items[0]).toEqual({
      kind: 'error',
      file: join(dir, 'damaged.txt'),
      line,
      message: 'bytes that are not UTF-8, replaced by U+FFFD (the page is read)',
    });
    const page = items[1]!;
    if (page.kind !== 'page') throw new Error('no page');
    expect(page.encoding).toBe('UTF-8');
    const lines = page.text.split('\n');
    const expected = seedText.split('\n');
    expect(lines.length).toBe(expected.length);
    expect(lines.filter((l, i) => l !== expected[i])).toEqual([expect.stringContaining('\ufffd')]);
    expect(lines[line - 1]).toContain('\ufffd');
  });

  it('lists every damaged line of a page', async () => {
    const bytes = damaged(3);
    const more = damaged(40);
    for (let i = 0; i < bytes.length; i++) if (more[i] !== seedPage[i]) bytes[i] = more[i]!;
    const items = await read('damaged-twice.txt', bytes);
    expect(items[0]).toMatchObject({
      kind: 'error',
      line: 3,
      message: 'bytes that are not UTF-8, replaced by U+FFFD (the page is read); also on lines 40',
    });
  });

  it('still rejects a Latin-1 page, which is damaged at every accented letter', async () => {
    const items = await read('latin1.txt', Buffer.from('caf\xe9, cr\xe8me, \xe0 la carte\n', 'latin1'));
    expect(items).toEqual([expect.objectContaining({ kind: 'error', message: expect.stringMatching(/^undecodable/) })]);
  });

  it('detects UTF-16 LE and BE without BOM by their NUL bytes', async () => {
    for (const enc of ['utf16le', 'utf16be'] as const) {
      const bytes = enc === 'utf16le' ? Buffer.from(seedText, 'utf16le') : Buffer.from(seedText, 'utf16le').swap16();
      const items = await read(`${enc}.txt`, bytes);
      expect(items.map((i) => (i.kind === 'page' ? [i.encoding, i.text === seedText] : i))).toEqual([
        [enc === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE', true],
      ]);
      expect(detectEncoding(bytes.subarray(0, 1001), false)).toEqual({
        encoding: enc === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE',
        bom: 0,
      });
    }
  });

  it('still rejects a binary file with NUL bytes on both sides of the pairs', () => {
    expect(
      detectEncoding(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a, 0x00, 0x0d, 0x49, 0x00])),
    ).toMatchObject({ error: expect.stringMatching(/^binary file/) });
  });
});
