// What the viewer looks like, as data: colours and Chinese names per type, the CJK font stack, node sizes.
import {
  ARTICLE_LABEL,
  isNodeLabel,
  isRelationType,
  RELATION_RULES,
  type NodeLabel,
  type RelationName,
  type RelationRule,
} from '../../src/names.ts';

/** Chinese must render as Chinese: the CJK fonts first (Noto Sans CJK SC is what fonts-noto-cjk installs). */
export const FONT_STACK =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif';

export interface TypeStyle {
  color: string;
  /** What the legend and panel call the type. */
  zh: string;
}

/** Every label of src/names.ts has its style: a new label is a compile error here until it gets one. */
export const NODE_TYPES: Record<NodeLabel, TypeStyle> = {
  Project: { color: '#e6550d', zh: '项目' },
  Company: { color: '#3182bd', zh: '企业' },
  County: { color: '#31a354', zh: '县区' },
  Agency: { color: '#756bb1', zh: '机关' },
  Person: { color: '#d6616b', zh: '人物' },
  City: { color: '#8c6d31', zh: '城市' },
  Town: { color: '#74c476', zh: '乡镇' },
  Organization: { color: '#17becf', zh: '机构' },
  [ARTICLE_LABEL]: { color: '#9e9e9e', zh: '文章' },
};

/** The style of a type the server sent; one the code does not know is an error, not a grey "other" node. */
export function typeStyle(type: string): TypeStyle {
  if (!isNodeLabel(type)) throw new Error(`viewer: unknown node type "${type}" (not a label of src/names.ts)`);
  return NODE_TYPES[type];
}

/** Relation types as a reader says them, from the source's side. */
export const RELATION_ZH: Record<RelationName, string> = {
  DEVELOPS: '建设/投资',
  LOCATED_IN: '位于',
  HOLDS_POSITION: '任职',
  REPORTED: '报道',
  MENTIONS: '提及',
  FUNDS: '资助',
};

export function relationZh(type: string): string {
  if (!isRelationType(type)) throw new Error(`viewer: unknown relation type "${type}" (not a type of src/names.ts)`);
  return RELATION_ZH[type];
}

/**
 * Each rule that makes a relation, in a few words (src/extract/README.md has the full meaning), so that a reader tells
 * a relation read from the project's own name from one guessed from two names in a sentence. A new rule in
 * src/names.ts is a compile error here until it has its words.
 */
export const RULE_ZH: Record<RelationRule, string> = {
  'develops:owner-in-name': '项目名中的企业',
  'develops:company-de-project': '“企业的…项目”',
  'develops:company-verb-de': '“企业投资/建设的…项目”',
  'develops:you-company-verb': '“由企业投资建设”',
  'develops:same-sentence': '同句共现',
  'develops:official-on-project': '企业负责人谈项目',
  'located:place-in-name': '名称中的地名',
  'located:weiyu': '“位于…”',
  'located:sentence-opener': '句首“在…，”',
  'located:one-county-in-sentence': '句中唯一的县区',
  'located:paragraph-topic': '段落主题县区',
  'located:via-develops': '经建设关系推得',
  'located:article-county': '文章所在县',
  'located:gazetteer': '行政区划表',
  'position:title-chain': '职务链',
  byline: '署名',
  mentions: '文中提及',
  'funds:agency-verb-amount': '“机关拨付…金额”',
};

const KNOWN_RULES: ReadonlySet<string> = new Set(Object.values(RELATION_RULES).flat());
const isRule = (rule: string): rule is RelationRule => KNOWN_RULES.has(rule);

/** A rule in words; a rule id this viewer does not know (older or hand-made data) shows as itself. */
export function ruleZh(rule: string | null | undefined): string {
  if (!rule) return '（无规则）';
  return isRule(rule) ? RULE_ZH[rule] : rule;
}

export const EDGE_COLOR = '#cfcfcf';
export const DIMMED_COLOR = '#e8e8e8';
export const HIGHLIGHT_EDGE_COLOR = '#555555';
