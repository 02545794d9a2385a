// `kg correct`'s logic, pure: the command line's words into a correction, and the ids it names that the folder lacks.
import { Correction, type Entity } from '../schema.ts';
import { applyCorrections, namedIds, type LocatedCorrection } from './apply.ts';

/** The operations `kg correct` takes and the words each needs after DIR and the operation. */
export const COMMAND_OPS = {
  merge: 'ID… --into ID',
  rename: 'ID NAME',
  alias: 'ID ALIAS',
  retype: 'ID TYPE',
  delete: 'ID',
} as const;
export type CommandOp = keyof typeof COMMAND_OPS;

export interface CorrectionWords {
  op: string;
  args: string[];
  into?: string | undefined;
  by?: string | undefined;
  note?: string | undefined;
  /** ISO time of the correction. */
  at: string;
}

/** The correction the words say; throws `kg correct OP: what is wrong` (usage, a bad id or type). */
export function correctionFromWords(w: CorrectionWords): Correction {
  const usage = Object.hasOwn(COMMAND_OPS, w.op) ? COMMAND_OPS[w.op as CommandOp] : null;
  if (!usage) throw new Error(`unknown operation ${w.op}: expected one of ${Object.keys(COMMAND_OPS).join(', ')}`);
  const fail = (why: string) =>
    new Error(`${w.op} ${w.args.join(' ')}: ${why} (usage: kg correct DIR ${w.op} ${usage})`);
  const words = usage.split(' ').filter((x) => !x.startsWith('--') && x !== 'ID');
  const base = { at: w.at, ...(w.by ? { by: w.by } : {}), ...(w.note ? { note: w.note } : {}) };
  let raw: unknown;
  if (w.op === 'merge') {
    if (!w.into) throw fail('--into ID is required');
    if (!w.args.length) throw fail('name the ids to merge');
    raw = { op: 'merge', ids: w.args, into: w.into, ...base };
  } else {
    if (w.into) throw fail('--into is for merge only');
    if (w.args.length !== 1 + words.length) throw fail(`expected ${usage}`);
    const [id, value] = w.args;
    raw = { op: w.op, id, ...(words[0] ? { [words[0].toLowerCase()]: value } : {}), ...base };
  }
  const r = Correction.safeParse(raw);
  if (!r.success) throw fail(r.error.issues.map((i) => `${i.path.join('.') || 'correction'}: ${i.message}`).join('; '));
  return r.data;
}

/**
 * The ids a new correction names that are not entities of the folder as the corrections so far leave it. The outputs
 * already carry the corrections of the last run; applying the file again to them changes nothing for those (their ids
 * are gone or already as corrected) and brings in the ones appended since.
 */
export function unknownIds(
  c: Correction,
  entities: readonly Entity[],
  earlier: readonly LocatedCorrection[],
): string[] {
  const known = new Set(applyCorrections(entities, [], earlier).entities.map((e) => e.id));
  return namedIds(c).filter((id) => !known.has(id));
}

/** Up to `n` ids whose name contains the name of `id` or is contained in it: what the user may have meant. */
export function nearIds(id: string, entities: readonly Entity[], n = 5): string[] {
  const name = id.slice(id.indexOf(':') + 1);
  return entities
    .filter((e) => e.name.includes(name) || name.includes(e.name))
    .slice(0, n)
    .map((e) => e.id);
}
