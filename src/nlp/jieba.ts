// The jieba wrapper: part-of-speech tokens with their offsets. Extractors use it where a dictionary of the
// language decides: where a name starts (function words) and whether a name is generic (only common words).
import * as jieba from 'nodejs-jieba';

/**
 * jieba's dictionaries, loaded once per thread on first use. The part-of-speech tagger reads only the word dictionary
 * and the HMM model; nodejs-jieba also loads a keyword extractor's IDF table (6 MB) and stop words, which the tagger
 * never reads but cppjieba requires to be non-empty: one-line stand-ins save ~0.3 s of every start (and of every
 * worker thread's) and change no token.
 */
const KEYWORD_STUBS = {
  idfDict: new URL('./dict/idf.stub.utf8', import.meta.url).pathname,
  stopWordDict: new URL('./dict/stop_words.stub.utf8', import.meta.url).pathname,
};
let loaded = false;

function tag(text: string): jieba.TagResult[] {
  if (!loaded) {
    jieba.load(KEYWORD_STUBS);
    loaded = true;
  }
  return jieba.tag(text);
}

export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

export function tokens(text: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  for (const { word, tag: partOfSpeech } of tag(text)) {
    // jieba returns every character of the input in order; find() guards against any normalisation it does.
    const at = text.startsWith(word, pos) ? pos : text.indexOf(word, pos);
    if (at < 0) continue;
    out.push({ word, tag: partOfSpeech, start: at, end: at + word.length });
    pos = at + word.length;
  }
  return out;
}

/** A word jieba's dictionary knows as a place name (`ns`): 涿州, 济南; not 保定 (a verb) or 大同. */
export function isPlaceWord(word: string): boolean {
  const t = tag(word);
  return t.length === 1 && t[0]!.tag === 'ns';
}

/**
 * A name made only of dictionary words (电商产业园, 现代蔬菜产业融合特色小镇) names a kind of thing, not one thing.
 * A brand or proper part shows as a word jieba does not know (`x`: 御颜堂, 齐盛) or a proper-noun tag.
 */
export function isGeneric(name: string): boolean {
  return !tokens(name).some(
    (t) =>
      (t.tag === 'x' && /\p{Script=Han}/u.test(t.word))
      || t.tag === 'nz'
      || t.tag === 'nt'
      || t.tag === 'ns'
      || (t.tag === 'nr' && t.word.length >= 3)
      || t.tag === 'eng',
  );
}
