// The command table that lets `kg --help` list the commands without loading them: every summary is its module's
// description, and a named command is registered in full (its options), the others not at all.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, COMMANDS } from '../../src/cli/commands.ts';

describe('kg commands', () => {
  it.each(Object.keys(COMMANDS))("%s: the summary is the module's own description", async (name) => {
    const program = new Command();
    (await COMMANDS[name]!.load()).register(program);
    expect(program.commands.map((c) => [c.name(), c.description()])).toEqual([[name, COMMANDS[name]!.summary]]);
  });

  it('lists every command by summary for --help, with no options registered', async () => {
    const program = await buildProgram(['--help']);
    expect(program.commands.map((c) => c.name())).toEqual(Object.keys(COMMANDS));
    for (const c of program.commands) expect(c.options).toEqual([]);
  });

  it('registers the named command in full, also after `help`', async () => {
    for (const args of [
      ['query', '--list'],
      ['help', 'query'],
    ]) {
      const program = await buildProgram(args);
      expect(program.commands.map((c) => c.name())).toEqual(['query']);
      expect(program.commands[0]!.options.map((o) => o.long)).toContain('--list');
    }
  });
});
