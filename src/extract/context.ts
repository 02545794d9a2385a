// What every extractor needs to know besides the article: the gazetteer of the paper's home city and the
// dictionaries built from the lexicon tables. Built once per city of a run, then passed down; nothing here is global.
import { buildGazetteer, type Gazetteer } from '../lexicon/divisions.ts';
import { BRANCH_ONLY, DEPARTMENTS, NATIONAL, VERTICAL_CORES } from '../lexicon/agencies.ts';
import { TITLES } from '../lexicon/names.ts';
import { isPlaceWord } from '../nlp/jieba.ts';
import { Trie } from '../nlp/trie.ts';

export interface DepartmentEntry {
  /** Full official department name, or the canonical national body. */
  full: string;
  kind: 'department' | 'national' | 'branch' | 'vertical';
}

export interface ExtractContext {
  gazetteer: Gazetteer;
  places: Trie<string>;
  departments: Trie<DepartmentEntry>;
  titles: Trie<string>;
}

export function createContext(opts: { city: string }): ExtractContext {
  const gazetteer = buildGazetteer(opts.city, isPlaceWord);
  const places = new Trie<string>([...gazetteer.forms.keys()].map((f) => [f, f]));
  const departments = new Trie<DepartmentEntry>();
  for (const [printed, full] of Object.entries(DEPARTMENTS)) departments.set(printed, { full, kind: 'department' });
  for (const [printed, full] of Object.entries(NATIONAL)) departments.set(printed, { full, kind: 'national' });
  for (const [printed, full] of Object.entries(BRANCH_ONLY)) departments.set(printed, { full, kind: 'branch' });
  for (const core of VERTICAL_CORES) departments.set(core, { full: core, kind: 'vertical' });
  const titles = new Trie<string>(TITLES.map((t) => [t, t]));
  return { gazetteer, places, departments, titles };
}
