// Companies: legal and business forms (…有限公司, …集团, bank branches, cooperatives). The canonical name is the
// printed one; a bare 集团 name printed after its county (高唐时风集团) drops the county, which becomes a relation.
import { BANKS, COMPANY_SUFFIXES, INDUSTRY_WORDS as INDUSTRY_WORD_LIST } from '../lexicon/names.ts';
import { isGeneric, tokens } from '../nlp/jieba.ts';
import type { Mention } from '../schema.ts';
import { nameStart } from './boundary.ts';
import type { ExtractContext } from './context.ts';
import { findSuffixed, suffixPattern } from './suffixed.ts';

const INDUSTRY_WORDS: ReadonlySet<string> = new Set(INDUSTRY_WORD_LIST);
/** 阳谷华泰、波米科技等龙头企业: names listed before 等 and a word for businesses are businesses. */
const LISTED = /等(?![地省市国])(?:[^，。；、等地]{0,6}?)(?:企业|公司|厂家|厂商|民企|外企|车企|药企)/g;
const LIST_SEPARATOR = /[、和及与]/;

const PATTERN = suffixPattern(COMPANY_SUFFIXES);
const BANK_NAMES = Object.keys(BANKS).sort((a, b) => b.length - a.length);

export function findCompanies(text: string, ctx: ExtractContext): Mention[] {
  const out: Mention[] = [];
  for (const n of findSuffixed(text, PATTERN)) {
    let name = n.name;
    if (n.suffix === '支行' || n.suffix === '分行') {
      const bank = BANK_NAMES.find((b) => n.stem.startsWith(b));
      if (!bank) continue;
      name = BANKS[bank] + n.name.slice(bank.length);
    } else if (
      n.suffix === '公司'
      && /^(全资|控股|参股)?[子分母总]$/.test(n.stem.replace(/^.*?(全资|控股|参股)/, '$1'))
    ) {
      // 全资子公司, 分公司: a company's relation to another, not a name.
      continue;
    } else if ((n.suffix === '公司' || n.suffix === '集团') && !leadingPlace(n.stem, ctx) && isKind(n.stem)) {
      // 农村供水公司, 能源集团: a kind of company, not one.
      continue;
    }
    if (n.suffix === '集团' || n.suffix === '热电') {
      // Short business names: a leading county or city name is where the firm is, not part of its name.
      const lead = leadingPlace(n.stem, ctx);
      // 山东能源集团 keeps its province: 能源集团 alone would be a kind of company.
      if (lead && n.stem.length - lead.length >= 2 && !isKind(n.stem.slice(lead.length), false)) {
        name = n.name.slice(lead.length);
      }
      if (n.suffix === '热电' && name.length !== 4) continue;
    }
    out.push({
      type: 'Company',
      name,
      surface: n.name,
      start: n.start,
      end: n.end,
      rule: `company:${n.suffix}`,
      props: {},
    });
  }
  return [...out, ...findListed(text, out, ctx)];
}

/** Brand and short names in a list of businesses (华灵纺织、一鸣纺织等骨干企业), each item as printed. */
function findListed(text: string, found: Mention[], ctx: ExtractContext): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(LISTED)) {
    const clause = Math.max(...['，', '。', '；', '：', '\n'].map((p) => text.lastIndexOf(p, m.index))) + 1;
    const items = text.slice(clause, m.index).split(LIST_SEPARATOR);
    // One name alone before 等企业 may be an example of a kind (食品等企业); a list of two or more names is names.
    if (items.length < 2) continue;
    let pos = nameStart(text, clause + items[0]!.length, clause);
    for (const item of text.slice(pos, m.index).split(LIST_SEPARATOR)) {
      const start = pos;
      pos += item.length + 1;
      if (item.length < 2 || item.length > 12 || found.some((c) => c.start <= start && c.end >= start + item.length))
        continue;
      if (
        !/^[\p{Script=Han}A-Za-z0-9（）()·]+$/u.test(item)
        || commonWords(item)
        || ctx.places.longestAt(item, 0)?.end === item.length
      )
        continue;
      out.push({
        type: 'Company',
        name: item,
        surface: item,
        start,
        end: start + item.length,
        rule: 'company:listed',
        props: {},
      });
    }
  }
  return out;
}

/**
 * A stem that names a kind of business, not one: dictionary words only (农村供水), an industry word (能源), one common
 * noun or verb (航空). A short stem of other words is a brand (中化集团, 金蔡伦集团), however jieba tags it.
 */
function isKind(stem: string, alone = true): boolean {
  if (INDUSTRY_WORDS.has(stem)) return true;
  const words = tokens(stem);
  // 航空公司, 物业公司, 赌博集团: one common noun or verb alone is a trade, not a brand (中化/j, 汇丰/nz, 金蔡伦/nr are
  // brands); after a place (寿光晨光集团) the word is the firm's own name.
  if (alone && words.length === 1 && /^(n|vn|v)$/.test(words[0]!.tag)) return true;
  return isGeneric(stem) && (stem.length > 3 || words.every((t) => INDUSTRY_WORDS.has(t.word)));
}

/** Only industry words and common nouns, verbs, adjectives (食品, 纺织服装): a sector, not a business. */
function commonWords(item: string): boolean {
  return tokens(item).every((t) => INDUSTRY_WORDS.has(t.word) || /^(n|vn|v|a|an)$/.test(t.tag));
}

/** The longest place form that starts `text`, if any. */
export function leadingPlace(text: string, ctx: ExtractContext): string | null {
  const m = ctx.places.longestAt(text, 0);
  return m ? m.key : null;
}
