// Connecting to Neo4j: settings from flags and environment, the driver, and one clear line for each way it fails.
import neo4j, { type Driver } from 'neo4j-driver';

export interface Neo4jSettings {
  /** bolt://, neo4j://, neo4j+s:// … */
  uri: string;
  user: string;
  password: string;
  /** The database to use; undefined means the server's default (home) database. */
  database?: string | undefined;
}

export const DEFAULT_USER = 'neo4j';
export const DEFAULT_PASSWORD = 'kgpassword';
export const DEFAULT_BOLT_PORT = 7687;

/** Flags first, then NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE, then the local server's defaults. */
export function neo4jSettings(flags: Partial<Neo4jSettings> = {}, env: NodeJS.ProcessEnv = process.env): Neo4jSettings {
  const port = env.NEO4J_BOLT_PORT || String(DEFAULT_BOLT_PORT);
  return {
    uri: flags.uri || env.NEO4J_URI || `bolt://127.0.0.1:${port}`,
    user: flags.user || env.NEO4J_USER || DEFAULT_USER,
    password: flags.password || env.NEO4J_PASSWORD || DEFAULT_PASSWORD,
    database: flags.database || env.NEO4J_DATABASE || undefined,
  };
}

/** An error whose message is the one line a user needs; the driver's error is kept as `cause`. */
export class Neo4jFailure extends Error {
  override name = 'Neo4jFailure';
}

interface DriverError {
  code?: string;
  message?: string;
}

/** One line saying what went wrong and what to do, for the errors people actually meet. */
export function describeNeo4jError(err: unknown, settings: Pick<Neo4jSettings, 'uri' | 'user' | 'database'>): string {
  if (err instanceof Neo4jFailure) return err.message;
  const { code = '', message = String(err) } = (err ?? {}) as DriverError;
  const firstLine = message.split('\n')[0] ?? '';
  if (code === 'ServiceUnavailable' || /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT/.test(message)) {
    const cause = /Caused by: (.*)$/.exec(firstLine)?.[1] ?? firstLine;
    return (
      `cannot reach Neo4j at ${settings.uri} (${cause}). Start the local server with \`npm run neo4j -- start\` `
      + 'or `docker compose up -d`, or point --uri / NEO4J_URI at a running server.'
    );
  }
  if (code === 'Neo.ClientError.Security.Unauthorized') {
    return (
      `Neo4j at ${settings.uri} refused user "${settings.user}": wrong user name or password `
      + '(set --user/--password or NEO4J_USER/NEO4J_PASSWORD).'
    );
  }
  if (code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return `Neo4j at ${settings.uri} locked user "${settings.user}" after failed logins: wait a few seconds and check the password.`;
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return `Neo4j at ${settings.uri} has no database "${settings.database ?? ''}" (set --database or NEO4J_DATABASE).`;
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') return `constraint violation: ${firstLine}`;
  return code ? `Neo4j error ${code}: ${firstLine}` : firstLine;
}

export function createDriver(settings: Neo4jSettings): Driver {
  return neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
    // A refused or silent server should fail in seconds, not the driver's default half a minute.
    connectionTimeout: 10_000,
    // Managed transactions retry transient errors silently for this long; past it the loader's own retries take over,
    // which say so on stderr (src/neo4j/load.ts), so that a restarting server is visible rather than a silent wait.
    maxTransactionRetryTime: 5_000,
    userAgent: 'kg-local-news',
  });
}

/** A driver with the settings it was made from (the loader and the query runner name the URI in their errors). */
export interface Neo4jConnection {
  driver: Driver;
  settings: Neo4jSettings;
}

/** A driver that has reached the server and logged in, or a Neo4jFailure saying why not. */
export async function connect(settings: Neo4jSettings): Promise<Neo4jConnection> {
  const driver = createDriver(settings);
  try {
    await driver.verifyConnectivity({ database: settings.database });
    // verifyConnectivity does not open the database: a query does, so that a wrong --database is named here.
    await driver.executeQuery('RETURN 1', {}, { database: settings.database });
    return { driver, settings };
  } catch (err) {
    await driver.close();
    throw new Neo4jFailure(describeNeo4jError(err, settings), { cause: err });
  }
}
