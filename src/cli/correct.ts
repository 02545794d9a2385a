// `kg correct DIR OP …`: a correction checked against the folder's entities.jsonl and appended to its corrections
// file (src/correct/). The outputs change on the next `kg extract`, which applies the file without extracting again.
import { join } from 'node:path';
import type { Command } from 'commander';
import { COMMAND_OPS, correctionFromWords, nearIds, unknownIds } from '../correct/command.ts';
import { describe } from '../correct/apply.ts';
import { appendCorrection, readCorrections } from '../correct/file.ts';
import { readRecordFile, RECORD_FILES } from '../ingest/records.ts';
import { Entity } from '../schema.ts';

interface CorrectFlags {
  into?: string;
  corrections?: string;
  by?: string;
  note?: string;
}

export function register(program: Command): void {
  program
    .command('correct')
    .description("append a correction (merge, rename, alias, retype, delete) to an extract folder's corrections.jsonl")
    .argument('<dir>', 'output folder of kg extract')
    .argument(
      '<op>',
      Object.entries(COMMAND_OPS)
        .map(([op, words]) => `${op} ${words}`)
        .join(' | '),
    )
    .argument('[args...]', 'the ids and the new name, alias or type')
    .option('--into <id>', 'merge: the entity the others are merged into')
    .option('--corrections <file>', 'the corrections file (default: DIR/corrections.jsonl)')
    .option('--by <name>', 'who made the correction')
    .option('--note <text>', 'why')
    .action(async (dir: string, op: string, args: string[], flags: CorrectFlags) => {
      const correction = correctionFromWords({
        op,
        args,
        into: flags.into,
        by: flags.by,
        note: flags.note,
        at: new Date().toISOString(),
      });
      const entitiesFile = join(dir, RECORD_FILES.entities);
      const entities = await readRecordFile(entitiesFile, Entity);
      const file = await readCorrections({ out: dir, corrections: flags.corrections });
      const unknown = unknownIds(correction, entities, file.corrections);
      if (unknown.length) {
        const near = unknown.flatMap((id) => nearIds(id, entities));
        throw new Error(
          `${describe(correction)}: no entity ${unknown.join(', ')} in ${entitiesFile}`
            + (near.length ? `; did you mean ${near.join(', ')}?` : ''),
        );
      }
      appendCorrection(file.path, correction);
      console.error(`appended to ${file.path}: ${describe(correction)}`);
      console.error(`run kg extract again with --out ${dir} to apply it (pages are not extracted again)`);
    });
}
