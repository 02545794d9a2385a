import { describe, expect, it } from 'vitest';
import { Trie } from '../../src/nlp/trie.ts';

describe('Trie', () => {
  it('finds a name holding a character outside the BMP, with string offsets', () => {
    // 𠀾 (U+2003E) and 𡈼 (U+2123C) are two UTF-16 code units each.
    const trie = new Trie<string>([
      ['𠀾村', 'Town'],
      ['𡈼河镇', 'Town'],
      ['东阿县', 'County'],
    ]);
    const text = '走访𠀾村和𡈼河镇，再到东阿县';
    const found = trie.scan(text);
    expect(found.map((m) => m.key)).toEqual(['𠀾村', '𡈼河镇', '东阿县']);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.key);
    expect(trie.longestAt(text, text.indexOf('𠀾'))).toEqual({ key: '𠀾村', value: 'Town', end: text.indexOf('和') });
  });

  it('prefers the longest entry and matches nothing for half a surrogate pair', () => {
    const trie = new Trie<number>([
      ['𠀾', 1],
      ['𠀾𠀾', 2],
    ]);
    expect(trie.longestAt('𠀾𠀾𠀾', 0)).toEqual({ key: '𠀾𠀾', value: 2, end: 4 });
    expect(trie.longestAt('𠀾', 1)).toBeNull();
  });
});
