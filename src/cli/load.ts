import type { Command } from 'commander';

// Placeholder until the module behind `kg load` lands.
export function register(program: Command): void {
  program.command('load').description('not implemented yet').action(() => {
    throw new Error('kg load is not implemented yet');
  });
}
