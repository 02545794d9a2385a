// What the viewer looks like, as data: colours and Chinese names per type, the CJK font stack, node sizes.
import { ARTICLE_LABEL, isNodeLabel, isRelationType, type NodeLabel, type RelationName } from '../../src/names.ts';

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

export const EDGE_COLOR = '#cfcfcf';
export const DIMMED_COLOR = '#e8e8e8';
export const HIGHLIGHT_EDGE_COLOR = '#555555';

/** Node radius by degree: grows with the square root so hubs stand out without swallowing the picture. */
export function nodeSize(degree: number): number {
  return Math.min(3 + 1.8 * Math.sqrt(degree), 28);
}
