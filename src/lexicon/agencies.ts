// Government and party bodies. A printed agency is [jurisdiction][department]; its canonical name is the
// jurisdiction's full name + the department's full official name (市市场监管局 → 聊城市市场监督管理局).
// The table is data/departments.tsv; the bodies of data/bodies.tsv (政府, 人大常委会, 政协, 纪委, 管委会…) are read by
// their own rule, so their rows here are left to it.
import { BODY_TABLE } from './offices.ts';
import { readTable } from './table.ts';

const KINDS = ['department', 'national', 'branch', 'party', 'vertical'] as const;
const ROWS = readTable('departments.tsv', { columns: ['printed', 'official', 'kind'], values: { kind: KINDS } }).filter(
  (r) => !BODY_TABLE.has(r.printed),
);
const of = (kind: (typeof KINDS)[number]) =>
  Object.fromEntries(ROWS.filter((r) => r.kind === kind).map((r) => [r.printed, r.official]));

/**
 * Department names as printed after a jurisdiction → full official name. A party committee's departments count too
 * where printed after a bare jurisdiction (市编办 → 聊城市机构编制委员会办公室).
 */
export const DEPARTMENTS: Record<string, string> = { ...of('party'), ...of('department') };

/** Departments of a party committee, printed after 市委/县委 (市委组织部 → 中共聊城市委组织部); the empty key is the committee. */
export const PARTY_DEPARTMENTS: Record<string, string> = { '': '', ...of('party') };

/** National bodies: printed without jurisdiction, canonical as listed. */
export const NATIONAL: Record<string, string> = of('national');

/** Short forms of national bodies that name one only before a local branch (人行菏泽分行; not 人行道). */
export const BRANCH_ONLY: Record<string, string> = of('branch');

/**
 * Bodies of a vertical system named after a place without being part of that place's government: their printed
 * name is the official one (聊城黄河河务局, 山东黄河河务局). Matched as [place short or full name] + core.
 */
export const VERTICAL_CORES: string[] = Object.keys(of('vertical'));
