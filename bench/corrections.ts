// `npm run bench -- corrections`: what applying a corrections file costs each `kg extract` (src/correct/apply.ts) on
// synthetic merged records: 100k entities, 1M relations, 1,000 corrections (half merges, half renames).
import { applyCorrections, type LocatedCorrection } from '../src/correct/apply.ts';
import { Correction, type Entity, type Relation } from '../src/schema.ts';

const ENTITIES = 100_000;
const RELATIONS = 1_000_000;
const CORRECTIONS = 1_000;
const AT = '2026-12-02T10:00:00Z';

export async function bench(): Promise<void> {
  const id = (i: number) => `Company:c${i}`;
  const entities: Entity[] = Array.from({ length: ENTITIES }, (_, i) => ({
    id: id(i),
    type: 'Company',
    name: `c${i}`,
    aliases: [],
    articles: [`a#${i}`],
    props: {},
  }));
  const relations: Relation[] = Array.from({ length: RELATIONS }, (_, i) => ({
    type: 'DEVELOPS',
    from: id(i % ENTITIES),
    to: id((i * 7 + 1) % ENTITIES),
    article: `a#${i % 5000}`,
    evidence: '…',
    start: i,
    end: i + 1,
    rule: 'bench',
    props: {},
  }));
  const corrections: LocatedCorrection[] = Array.from({ length: CORRECTIONS }, (_, i) => ({
    where: `corrections.jsonl:${i + 1}`,
    correction: Correction.parse(
      i % 2
        ? { op: 'rename', id: id(i), name: `renamed${i}`, at: AT }
        : { op: 'merge', ids: [id(i)], into: id(i + ENTITIES / 2), at: AT },
    ),
  }));
  const started = performance.now();
  const r = applyCorrections(entities, relations, corrections);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${ENTITIES} entities, ${RELATIONS} relations, ${CORRECTIONS} corrections: ${seconds.toFixed(2)} s `
      + `(${r.applied} applied, ${r.changedRelations.size} relations changed)`,
  );
}
