// Chinese surnames, one list for the whole extractor (src/lexicon/data/surnames.tsv). Used for credits printed as a
// line of their own (`■ 田柏林`, `本报记者 X`, `（许多 摄）`): there a 2–4 character word counts as a name only if it
// opens with a surname, so that a subhead such as `■ 创新驱动`, `■ 相关链接` or `■ 记者手记` is not taken for a byline;
// and by the extractor for names after titles and speech verbs.
import { readTable } from '../lexicon/table.ts';

const ALL = readTable('surnames.tsv', { columns: ['surname'] }).map((r) => r.surname);

/** Single-character surnames. */
export const SINGLE_SURNAMES: ReadonlySet<string> = new Set(ALL.filter((s) => s.length === 1));
/** Compound surnames (欧阳, 司马…). */
export const COMPOUND_SURNAMES: readonly string[] = ALL.filter((s) => s.length > 1);

/** Whether a 2–4 character word opens with a Chinese surname. */
export const startsWithSurname = (name: string): boolean =>
  SINGLE_SURNAMES.has(name[0] ?? '') || COMPOUND_SURNAMES.some((s) => name.startsWith(s) && name.length > s.length);
