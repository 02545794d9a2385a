// Government and party bodies: [jurisdiction][department], canonical as the jurisdiction's full name plus the
// department's official name (市市场监管局 → 聊城市市场监督管理局, 区应急局 → 东昌府区应急管理局).
import type { Place } from '../lexicon/divisions.ts';
import { shortForm } from '../lexicon/divisions.ts';
import { PARTY_DEPARTMENTS } from '../lexicon/agencies.ts';
import type { Mention } from '../schema.ts';
import type { ExtractContext } from './context.ts';

export interface Jurisdiction {
  place: Place;
  start: number;
}

/**
 * The jurisdiction printed right before `at`: a place name (东昌府区, 聊城), or one character 市/省/县/区 standing for
 * the home city, its province, or the article's county.
 */
export function jurisdictionBefore(text: string, at: number, ctx: ExtractContext, county: Place | null): Jurisdiction | null {
  const { gazetteer } = ctx;
  for (let len = Math.min(at, 12); len >= 2; len--) {
    const form = gazetteer.forms.get(text.slice(at - len, at));
    if (form) return { place: form.place, start: at - len };
  }
  const ch = text[at - 1];
  const before = text[at - 2] ?? '';
  // 各市, 各区: every jurisdiction of a level is no one jurisdiction.
  if (!ch || before === '各') return null;
  if (ch === '市') return { place: gazetteer.home, start: at - 1 };
  if (ch === '省') return { place: gazetteer.province, start: at - 1 };
  if ((ch === '县' || ch === '区') && county && county.name.endsWith(ch)) return { place: county, start: at - 1 };
  return null;
}

export function findAgencies(text: string, ctx: ExtractContext, county: Place | null): Mention[] {
  const out: Mention[] = [];
  for (const m of ctx.departments.scan(text)) {
    const entry = m.value;
    if (entry.kind === 'national') {
      out.push({ type: 'Agency', name: entry.full, surface: m.key, start: m.start, end: m.end, rule: 'agency:national', props: {} });
      continue;
    }
    const j = jurisdictionBefore(text, m.start, ctx, county);
    if (!j) continue;
    if (entry.kind === 'vertical') {
      // 聊城黄河河务局: the printed name is the official one.
      if (j.place.type === 'Province' || text.slice(j.start, m.start).length >= 2) {
        out.push({ type: 'Agency', name: text.slice(j.start, m.end), surface: text.slice(j.start, m.end), start: j.start, end: m.end, rule: 'agency:vertical', props: {} });
      }
      continue;
    }
    out.push({ type: 'Agency', name: j.place.name + entry.full, surface: text.slice(j.start, m.end), start: j.start, end: m.end, rule: 'agency:department', props: {} });
  }
  out.push(...findPartyBodies(text, ctx, county));
  return out;
}

const PARTY_DEPT = Object.keys(PARTY_DEPARTMENTS).filter(Boolean).sort((a, b) => b.length - a.length).join('|');
const PARTY = new RegExp(`([市县区省])委(${PARTY_DEPT})?(?!员|托|屈|婉|派|任|会)`, 'g');

/** 市委 → 中共聊城市委, 冠县县委 → 中共冠县县委, 市委党校 → 中共聊城市委党校, 市委组织部 → 中共聊城市委组织部. */
function findPartyBodies(text: string, ctx: ExtractContext, county: Place | null): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(PARTY)) {
    const level = m[1]!;
    const at = m.index;
    // The level character may end the place name itself (聊城市委) or follow it (冠县县委).
    const j = jurisdictionBefore(text, at, ctx, county) ?? jurisdictionBefore(text, at + 1, ctx, county);
    if (!j || j.place.type === 'Town') continue;
    const name = j.place.name;
    // A one-character name (冠县) doubles its level in the party body's name: 中共冠县县委.
    const body = shortForm(name) === null && name.endsWith(level) ? `${name}${level}委` : `${name}委`;
    const end = at + m[0].length;
    out.push({ type: 'Agency', name: `中共${body}${PARTY_DEPARTMENTS[m[2] ?? '']}`, surface: text.slice(j.start, end), start: j.start, end, rule: 'agency:party', props: {} });
  }
  return out;
}
