// Offices: titles and the bodies they belong to (SCHEMA.md, "Officials and the bodies they hold posts in"), read from
// data/titles.tsv and data/bodies.tsv. A government post names its body by its level character (副县长 → the county's
// 人民政府); other titles take the body printed before them.
import { readTable } from './table.ts';

export const TITLE_KINDS = ['body', 'government', 'none'] as const;
export type TitleKind = (typeof TITLE_KINDS)[number];

export const BODY_KINDS = [
  'government',
  'npc',
  'cppcc',
  'discipline',
  'supervision',
  'workcommittee',
  'admincommittee',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const TITLE_TABLE: ReadonlyMap<string, TitleKind> = new Map(
  readTable('titles.tsv', { columns: ['title', 'body'], values: { body: TITLE_KINDS } }).map((r) => [
    r.title,
    r.body as TitleKind,
  ]),
);

export const BODY_TABLE: ReadonlyMap<string, BodyKind> = new Map(
  readTable('bodies.tsv', { columns: ['printed', 'kind'], values: { kind: BODY_KINDS } }).map((r) => [
    r.printed,
    r.kind as BodyKind,
  ]),
);

/** Every title, longest first where one ends another. */
export const TITLES: readonly string[] = [...TITLE_TABLE.keys()];

/** The level a government post names: 副市长 → 市, 县长 → 县. */
export function titleLevel(title: string): string | null {
  return TITLE_TABLE.get(title) === 'government' ? (/([省市县区镇乡])长$/.exec(title)?.[1] ?? null) : null;
}

/** The canonical name of a body of `kind` in the jurisdiction whose full name is `place`. */
export function bodyName(kind: BodyKind, place: string): string {
  switch (kind) {
    case 'government':
      return `${place}人民政府`;
    case 'npc':
      return `${place}人民代表大会常务委员会`;
    case 'cppcc':
      return `中国人民政治协商会议${place}委员会`;
    case 'discipline':
      return `中共${place}纪律检查委员会`;
    case 'supervision':
      return `${place}监察委员会`;
    case 'workcommittee':
      return `中共${place}工作委员会`;
    case 'admincommittee':
      return `${place}管理委员会`;
  }
}
