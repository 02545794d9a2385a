// `npm run neo4j -- install|start|stop|status`: the command line of the local Neo4j server (src/neo4j/local.ts).
import { join } from 'node:path';
import { describeNeo4jError } from '../src/neo4j/driver.ts';
import {
  installLocalNeo4j,
  localNeo4j,
  localNeo4jStatus,
  startLocalNeo4j,
  stopLocalNeo4j,
} from '../src/neo4j/local.ts';

async function main(command: string | undefined): Promise<void> {
  const local = localNeo4j();
  switch (command) {
    case 'install':
      installLocalNeo4j(local);
      console.log(`neo4j: installed in ${local.home}`);
      return;
    case 'start': {
      const s = await startLocalNeo4j(local);
      console.log(
        `neo4j: ${s.started ? 'started' : 'already running'} (pid ${s.pid}) at ${local.uri}, user ${local.user}, data in ${join(local.home, 'data')}`,
      );
      console.log(`neo4j: Neo4j Browser at ${local.browserUrl}`);
      return;
    }
    case 'stop':
      console.log((await stopLocalNeo4j(local)) ? 'neo4j: stopped' : 'neo4j: not running');
      return;
    case 'status': {
      const s = localNeo4jStatus(local);
      console.log(
        s.running
          ? `neo4j: running (pid ${s.pid}) at ${local.uri}, Neo4j Browser at ${local.browserUrl}`
          : `neo4j: not running (${local.uri})`,
      );
      return;
    }
    default:
      throw new Error(`usage: npm run neo4j -- install|start|stop|status (got "${command ?? ''}")`);
  }
}

main(process.argv[2]).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : describeNeo4jError(err, localNeo4j()));
  process.exitCode = 1;
});
