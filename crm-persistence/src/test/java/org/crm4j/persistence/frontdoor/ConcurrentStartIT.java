package org.crm4j.persistence.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.crm4j.Crm;
import org.crm4j.persistence.support.PostgresServer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes of an application start together on a new database: every one of them starts, and each
 * reports the schema's real version, on H2 and PostgreSQL, from threads and from two JVMs.
 */
class ConcurrentStartIT {
    private static final int NODES = 4;
    private static final String SCHEMA = "schema version " + latestVersion();

    private static String latestVersion() {
        try (Crm crm = Crm.builder().discoverPlugins(false).build()) {
            String description = crm.storeDescription();
            return description.substring(description.indexOf("schema version ") + "schema version ".length(),
                    description.lastIndexOf(')'));
        }
    }

    /** A node of the test in its own JVM: starts on the database it is given and says what it started on. */
    public static final class StartingNode {
        public static void main(String[] args) {
            // the host's pool, as hosts have one (it also waits out H2's mixed mode switching servers)
            com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
            config.setJdbcUrl(args[0]);
            config.setUsername(args[1]);
            config.setPassword(args.length > 2 ? args[2] : "");
            config.setMaximumPoolSize(4);
            HikariDataSource ds = new HikariDataSource(config);
            try (Crm crm = Crm.builder().dataSource(ds).discoverPlugins(false).build()) {
                System.out.println("STARTED " + crm.storeDescription());
                System.out.flush();
                // keeps running until the test has seen both nodes start (with H2's mixed mode,
                // the first JVM serves the database to the other)
                System.in.read();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                ds.close();
            }
        }
    }

    @Test
    void fourNodesStartingAtOnceOnANewH2Database_allStart_andReportTheSchemasVersion() throws Exception {
        for (int round = 0; round < 15; round++) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:start-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            h2.setUser("sa");
            startTogether(() -> h2);
        }
    }

    @Test
    void fourNodesStartingAtOnceOnANewPostgresDatabase_allStart_andReportTheSchemasVersion() throws Exception {
        for (int round = 0; round < 6; round++) {
            DataSource pg = PostgresServer.newDatabase();
            try {
                startTogether(() -> pg);
            } finally {
                ((HikariDataSource) pg).close();
            }
        }
    }

    @Test
    void twoJvmsStartingAtOnceOnANewPostgresDatabase_bothStart() throws Exception {
        HikariDataSource pg = (HikariDataSource) PostgresServer.newDatabase();
        try {
            twoJvms(pg.getJdbcUrl(), pg.getUsername(), pg.getPassword() == null ? "" : pg.getPassword());
        } finally {
            pg.close();
        }
    }

    @Test
    void twoJvmsStartingAtOnceOnTheHostsH2FileDatabase_bothStart(@TempDir Path dir) throws Exception {
        // the host's database exists, with its own tables but none of crm4j's; H2's automatic mixed
        // mode lets the first JVM serve the file to the second (two JVMs opening a file that does not
        // exist yet at the same moment is a race of H2's own: "Lock file recently modified")
        String url = "jdbc:h2:file:" + dir.resolve("erp").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
                java.sql.Statement s = c.createStatement()) {
            s.execute("create table erp_order (id bigint primary key, customer_no varchar(20))");
        }
        twoJvms(url, "sa", "");
    }

    private static void startTogether(Supplier<DataSource> database) throws Exception {
        CountDownLatch ready = new CountDownLatch(NODES);
        ExecutorService pool = Executors.newFixedThreadPool(NODES);
        List<Future<String>> started = new ArrayList<>();
        try {
            for (int i = 0; i < NODES; i++) {
                started.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await(10, TimeUnit.SECONDS);
                    try (Crm crm = Crm.builder().dataSource(database.get()).discoverPlugins(false).build()) {
                        return crm.storeDescription();
                    }
                }));
            }
            for (Future<String> node : started) {
                assertThat(node.get(60, TimeUnit.SECONDS)).contains(SCHEMA);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void twoJvms(String url, String user, String password) throws Exception {
        List<Process> nodes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            nodes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), StartingNode.class.getName(), url, user, password)
                    .redirectErrorStream(true).start());
        }
        List<List<String>> outputs = new ArrayList<>();
        List<BufferedReader> readers = new ArrayList<>();
        for (Process node : nodes) {
            BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
            readers.add(out);
            List<String> output = new ArrayList<>();
            outputs.add(output);
            String line;
            while ((line = out.readLine()) != null) {
                output.add(line);
                if (line.startsWith("STARTED")) {
                    break;
                }
            }
        }
        for (Process node : nodes) {
            try {
                node.getOutputStream().write('\n');
                node.getOutputStream().close();
            } catch (java.io.IOException ended) {
                // the node ended already; its exit value says how
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            Process node = nodes.get(i);
            List<String> output = outputs.get(i);
            try (BufferedReader out = readers.get(i)) {
                out.lines().forEach(output::add);
            }
            assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(node.exitValue()).as("exit of a node; its output: %s", output).isZero();
            assertThat(output).as("a node's output").anySatisfy(line -> assertThat(line).startsWith("STARTED")
                    .contains(SCHEMA));
        }
    }
}
