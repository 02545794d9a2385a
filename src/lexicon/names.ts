import { readTable } from './table.ts';

const SUFFIXES = readTable('suffixes.tsv', {
  columns: ['suffix', 'type'],
  values: { type: ['Company', 'Organization', 'Project'] },
});
const suffixes = (type: string) => SUFFIXES.filter((r) => r.type === type).map((r) => r.suffix);

// Words that shape names: the suffixes that end a company, organisation or project name, the words that cannot
// start one, titles of office, speech verbs and surnames. Data only; the extractors read these tables.

/** Legal and business forms that end a company name (data/suffixes.tsv). */
export const COMPANY_SUFFIXES = suffixes('Company');

/** Banks whose branches (…支行, …分行) are companies; short forms print as 农行, 工行. */
export const BANKS: Record<string, string> = {
  中国农业银行: '中国农业银行',
  农行: '中国农业银行',
  中国工商银行: '中国工商银行',
  工行: '中国工商银行',
  中国建设银行: '中国建设银行',
  建行: '中国建设银行',
  中国银行: '中国银行',
  中行: '中国银行',
  交通银行: '交通银行',
  交行: '交通银行',
  中国邮政储蓄银行: '中国邮政储蓄银行',
  邮储银行: '中国邮政储蓄银行',
  农村商业银行: '农村商业银行',
  农商银行: '农村商业银行',
};

/** Endings of organisations that are neither government bodies nor businesses (data/suffixes.tsv). */
export const ORGANIZATION_SUFFIXES = suffixes('Organization');

/** Organisation abbreviations → full form of the ending (济南市作协 → 济南市作家协会). */
export const ORGANIZATION_ABBREVIATIONS: Record<string, string> = {
  作协: '作家协会',
  美协: '美术家协会',
  书协: '书法家协会',
  科协: '科学技术协会',
};

/** Endings of named projects (data/suffixes.tsv). */
export const PROJECT_SUFFIXES = suffixes('Project');

/** Words that make a project name a category when it ends with them (data/project-categories.tsv). */
export const CATEGORY_WORDS = readTable('project-categories.tsv', { columns: ['word'] }).map((r) => r.word);

/** Phase markers: 二期项目 of a named project is that project. */
export const PHASE = /[一二三四五六七八九十\d]期(?:工程|项目)?$/;

/** Industry words (data/industry-words.tsv): 能源集团 is a kind of company; 普阳钢铁 a brand's business, longest first. */
export const INDUSTRY_WORDS: readonly string[] = readTable('industry-words.tsv', { columns: ['word'] })
  .map((r) => r.word)
  .sort((a, b) => b.length - a.length);

/** Words that end the text before a name: a name starts after the last of these (data/boundary-words.tsv). */
export const BOUNDARY_WORDS = readTable('boundary-words.tsv', { columns: ['word'] }).map((r) => r.word);

/** Words that make a would-be name a reference, not a name (该公司, 我们公司, 这家企业). */
export const REFERENCE_PREFIXES = [
  '该',
  '本',
  '此',
  '这',
  '那',
  '我们',
  '我',
  '其',
  '各',
  '全',
  '每',
  '一',
  '两',
  '多',
  '个',
  '家',
  '原',
];

/** Titles of office: the table is data/titles.tsv (offices.ts). */
export { TITLES } from './offices.ts';

/** Department words that may stand between an organisation and a title (生产科科长, 市场开发部部长). */
export const DEPARTMENT_ENDINGS = ['科', '部', '处', '室', '中心', '车间', '办公室', '教研室', '研究室'];

/** Verbs and phrases after which a person's name ends. */
export const NAME_FOLLOWERS = [
  '说',
  '介绍',
  '表示',
  '指出',
  '认为',
  '告诉',
  '强调',
  '坦言',
  '笑着',
  '自豪',
  '高兴',
  '向',
  '以',
  '在',
  '对',
  '分别',
  '一行',
  '介',
  '讲',
  '称',
  '谈',
  '同志',
  '带领',
  '等',
  '和',
  '与',
  '及',
  '也',
  '还',
  '正',
  '就',
  '又',
  '都',
  '代表',
  '主持',
  '出席',
  '致辞',
  '讲话',
  '参加',
  '陪同',
  '带队',
  '汇报',
  '发言',
  '宣布',
  '调研',
  '考察',
  '督导',
  '会见',
  '会晤',
  '莅临',
  '来到',
  '深入',
  '察看',
  '听取',
  '作',
  '为',
  '率',
  '率队',
  '参观',
  '观摩',
  '慰问',
  '看望',
  '接受',
  '答',
];

/** Speech verbs: `”张玉宝说` names a speaker. */
export const SPEECH_VERBS = ['说', '介绍', '表示', '指出', '认为', '坦言', '告诉记者', '感慨', '强调'];

/** Words that look like names after a title but are not (局长说 → no name). */
export const NOT_NAMES = [
  '项目',
  '班子',
  '干部',
  '群众',
  '介绍',
  '表示',
  '告诉',
  '认为',
  '指出',
  '强调',
  '带领',
  '一行',
  '同志',
  '等人',
  '先生',
  '女士',
  '们',
  '助理',
];
