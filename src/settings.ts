// The settings of a `kg extract` run: one zod schema with the defaults, validation whose message names the flag, and
// the resolution of what a setting means for one input (its home city). The CLI builds them from its flags; the run
// (src/run/extract.ts), the extraction contexts and the cache fingerprint read them.
import { isAbsolute, relative, resolve } from 'node:path';
import { z } from 'zod';
import { isCalendarDate } from './schema.ts';
import { prefectureCity } from './extract/home-city.ts';

/** The paper when nothing else tells: the Liaocheng Daily, whose pages are the seeds. */
export const DEFAULT_CITY = '聊城市';

/** A prefecture-level city of the national division list, by full or short name; resolved to its full name. */
const CityName = z.string().transform((name, ctx) => {
  const full = prefectureCity(name);
  if (full) return full;
  ctx.addIssue({ code: 'custom', message: 'not a prefecture-level city of the national division list (e.g. 聊城市)' });
  return z.NEVER;
});

/** YYYY-MM-DD of a real calendar day (2023-02-30 is not): the same test as the records' dates (schema.ts). */
const CalendarDate = z.string().refine(isCalendarDate, { message: 'expected a calendar date YYYY-MM-DD' });

/** `--city 德州市=pages/dezhou`: the inputs under a path prefix (relative to the working folder) and their city. */
export const CityRule = z.object({ prefix: z.string().min(1), city: CityName });
export type CityRule = z.output<typeof CityRule>;

export const RunSettings = z.object({
  out: z.string().min(1, { message: 'an output folder is required' }),
  /** The plain `--city`: the home city of every input no rule maps. Unset, it is inferred from each page. */
  city: CityName.optional(),
  cities: z.array(CityRule).default([]),
  /** Dates pages whose text gives none. */
  date: CalendarDate.nullish().transform((d) => d ?? null),
  /** Worker threads; unset, derived from the bytes to extract (src/run/extract.ts defaultWorkers). */
  workers: z.coerce
    .number({ message: 'expected a whole number ≥ 1' })
    .int({ message: 'expected a whole number ≥ 1' })
    .min(1, { message: 'expected a whole number ≥ 1' })
    .optional(), // coerced: the flag's text, as given, in the message
  /**
   * The trained recogniser (src/nlp/ner) proposing candidate mentions to the rules (src/extract/ner.ts); 'off', or a
   * missing model, runs the rules alone.
   */
  ner: z.enum(['on', 'off'], { message: "expected 'on' or 'off'" }).default('on'),
  /** The corrections file (src/correct/); unset, DIR/corrections.jsonl when there is one. */
  corrections: z.string().min(1, { message: 'expected a file' }).optional(),
  prune: z.boolean().default(false),
  full: z.boolean().default(false),
  /** Wait for another run writing the same output folder instead of refusing. */
  wait: z.boolean().default(false),
  graph: z.boolean().default(true),
  quiet: z.boolean().default(false),
});
export type RunSettings = z.output<typeof RunSettings>;
export type RunSettingsInput = z.input<typeof RunSettings>;

/** The flag each setting comes from, for messages. */
const FLAGS: Record<string, string> = {
  out: '--out',
  city: '--city',
  cities: '--city',
  date: '--date',
  workers: '--workers',
  ner: '--ner',
  corrections: '--corrections',
};

/** Validated settings with their defaults; a bad one throws `--flag value: what is wrong`, naming the first. */
export function parseSettings(input: RunSettingsInput): RunSettings {
  const r = RunSettings.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const key = String(issue.path[0] ?? '');
  const value = issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k], input);
  const flag = FLAGS[key] ?? key;
  const shown = value === undefined || value === '' ? '' : ` ${String(value)}`;
  throw new Error(`${flag}${shown}: ${issue.message}`);
}

/**
 * The `--city` flags as given: `NAME=PREFIX` maps the inputs under PREFIX, a plain `NAME` is the city of the rest (at
 * most one). Names are checked by parseSettings.
 */
export function cityFlags(values: string[]): Pick<RunSettingsInput, 'city' | 'cities'> {
  const plain = values.filter((v) => !v.includes('='));
  if (new Set(plain).size > 1)
    throw new Error(`--city ${plain.join(', ')}: give one plain city (the rest take NAME=PATH)`);
  const cities = values
    .filter((v) => v.includes('='))
    .map((v) => {
      const [city, prefix] = [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)];
      if (!city || !prefix) throw new Error(`--city ${v}: expected NAME=PATH, e.g. 德州市=pages/dezhou`);
      return { city, prefix };
    });
  return { ...(plain[0] ? { city: plain[0] } : {}), cities };
}

/** An input's home city as the settings give it: the longest rule prefix holding it, the plain city, or null (infer it). */
export function settingsCityFor(
  file: string,
  settings: Pick<RunSettings, 'city' | 'cities'>,
  cwd = process.cwd(),
): string | null {
  let best: { city: string; length: number } | null = null;
  for (const rule of settings.cities) {
    const prefix = resolve(cwd, rule.prefix);
    const rel = relative(prefix, resolve(cwd, file));
    const inside = rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
    if (inside && (!best || prefix.length > best.length)) best = { city: rule.city, length: prefix.length };
  }
  return best?.city ?? settings.city ?? null;
}

/** What decides a run's home cities, as one string: runs with the same one may take unchanged files as they were. */
export const cityRulesKey = (settings: Pick<RunSettings, 'city' | 'cities'>, cwd = process.cwd()): string =>
  JSON.stringify({ city: settings.city ?? null, cities: settings.cities.map((r) => [resolve(cwd, r.prefix), r.city]) });
