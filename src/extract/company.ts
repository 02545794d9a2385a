// Companies: legal and business forms (…有限公司, …集团, bank branches, cooperatives). The canonical name is the
// printed one; a bare 集团 name printed after its county (高唐时风集团) drops the county, which becomes a relation.
import { BANKS, COMPANY_SUFFIXES } from '../lexicon/names.ts';
import { isGeneric } from '../nlp/jieba.ts';
import type { Mention } from '../schema.ts';
import type { ExtractContext } from './context.ts';
import { findSuffixed, suffixPattern } from './suffixed.ts';

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
    } else if ((n.suffix === '公司' || n.suffix === '集团') && !leadingPlace(n.stem, ctx) && isGeneric(n.stem)) {
      // 农村供水公司: a kind of company, not one.
      continue;
    }
    if (n.suffix === '集团' || n.suffix === '热电') {
      // Short business names: a leading county or city name is where the firm is, not part of its name.
      const lead = leadingPlace(n.stem, ctx);
      if (lead && n.stem.length - lead.length >= 2) {
        name = n.name.slice(lead.length);
      }
      if (n.suffix === '热电' && name.length !== 4) continue;
    }
    out.push({ type: 'Company', name, surface: n.name, start: n.start, end: n.end, rule: `company:${n.suffix}`, props: {} });
  }
  return out;
}

/** The longest place form that starts `text`, if any. */
export function leadingPlace(text: string, ctx: ExtractContext): string | null {
  const m = ctx.places.longestAt(text, 0);
  return m ? m.key : null;
}
