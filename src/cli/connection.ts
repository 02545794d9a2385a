// The connection flags `kg load` and `kg query` share; their defaults come from the environment (neo4jSettings).
import type { Command } from 'commander';
import { neo4jSettings, type Neo4jSettings } from '../neo4j/driver.ts';

export function addConnectionOptions(command: Command): Command {
  return command
    .option('--uri <uri>', 'Bolt URI: bolt://, neo4j://, neo4j+s:// (env NEO4J_URI, default bolt://127.0.0.1:7687)')
    .option('--user <name>', 'user name (env NEO4J_USER, default neo4j)')
    .option('--password <password>', 'password (env NEO4J_PASSWORD, default kgpassword)')
    .option('--database <name>', "database (env NEO4J_DATABASE, default: the server's default database)");
}

export const settingsFromFlags = (flags: Partial<Neo4jSettings>): Neo4jSettings => neo4jSettings(flags);
