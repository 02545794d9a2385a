// What the viewer looks like, as data: colours and Chinese names per type, the CJK font stack, node sizes.

/** Chinese must render as Chinese: the CJK fonts first (Noto Sans CJK SC is what fonts-noto-cjk installs). */
export const FONT_STACK =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif';

export interface TypeStyle {
  color: string;
  /** What the legend and panel call the type. */
  zh: string;
}

export const NODE_TYPES: Record<string, TypeStyle> = {
  Project: { color: '#e6550d', zh: '项目' },
  Company: { color: '#3182bd', zh: '企业' },
  County: { color: '#31a354', zh: '县区' },
  Agency: { color: '#756bb1', zh: '机关' },
  Person: { color: '#d6616b', zh: '人物' },
  City: { color: '#8c6d31', zh: '城市' },
  Town: { color: '#74c476', zh: '乡镇' },
  Organization: { color: '#17becf', zh: '机构' },
  Article: { color: '#9e9e9e', zh: '文章' },
};
const UNKNOWN_TYPE: TypeStyle = { color: '#555555', zh: '其他' };

export const typeStyle = (type: string): TypeStyle => NODE_TYPES[type] ?? UNKNOWN_TYPE;

/** Relation types as a reader says them, from the source's side. */
export const RELATION_ZH: Record<string, string> = {
  DEVELOPS: '建设/投资',
  LOCATED_IN: '位于',
  HOLDS_POSITION: '任职',
  REPORTED: '报道',
  MENTIONS: '提及',
  FUNDS: '资助',
};

export const EDGE_COLOR = '#cfcfcf';
export const DIMMED_COLOR = '#e8e8e8';
export const HIGHLIGHT_EDGE_COLOR = '#555555';

/** Node radius by degree: grows with the square root so hubs stand out without swallowing the picture. */
export function nodeSize(degree: number): number {
  return Math.min(3 + 1.8 * Math.sqrt(degree), 28);
}
