// The local Neo4j Community server behind `npm run neo4j -- start`: an embedded DBMS with the Bolt connector and the
// HTTP connector on (the web server then serves Neo4j Browser, whose jar is on the classpath, at /browser/), auth
// enabled, and the credentials taken from the environment (set on every start, so the environment decides).
// Compiled by scripts/neo4j.ts into .neo4j/classes and run detached; SIGTERM shuts the DBMS down cleanly.
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

public final class KgNeo4j {
    /** scripts/neo4j.ts waits for this line before it polls Bolt, so that it never knocks with a password not yet set. */
    static final String READY = "KgNeo4j ready";

    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(args.length > 0 ? args[0] : ".neo4j");
        String host = env("KG_NEO4J_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("KG_NEO4J_BOLT_PORT", "7687"));
        int httpPort = Integer.parseInt(env("KG_NEO4J_HTTP_PORT", "7474"));
        String user = env("KG_NEO4J_USER", "neo4j");
        String password = env("KG_NEO4J_PASSWORD", "kgpassword");

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                // neo4j:// clients route to the advertised address: it must be the one we listen on.
                .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                // Neo4j Browser and the HTTP API; the Browser connects back over the Bolt address above.
                .setConfig(HttpConnector.enabled, true)
                .setConfig(HttpConnector.listen_address, new SocketAddress(host, httpPort))
                .setConfig(HttpConnector.advertised_address, new SocketAddress(host, httpPort))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 512L * 1024 * 1024)
                // A dev server: no 256 MB of preallocated transaction log per database.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("KgNeo4j shutting down");
            dbms.shutdown();
            stopped.countDown();
        }));
        setCredentials(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), user, password);
        System.out.println(READY + " bolt://" + host + ":" + port + " http://" + host + ":" + httpPort + "/browser/ user "
                + user);
        stopped.await();
    }

    /** Creates the user if needed and gives it the password, which needs no change at first login. */
    static void setCredentials(GraphDatabaseService system, String user, String password) {
        Map<String, Object> params = Map.of("user", user, "password", password);
        system.executeTransactionally(
                "CREATE USER $user IF NOT EXISTS SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", params);
        try {
            system.executeTransactionally(
                    "ALTER USER $user SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", params);
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the one it already has: then there is nothing to do.
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
