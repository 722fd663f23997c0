package org.crm4j.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The database a benchmark runs on, behind a connection pool that crm4j and the JDBC baseline
 * share, as a host would.
 *
 * <ul>
 *   <li>{@code h2}: an embedded H2 file under {@code target/bench-data/} (kept, so a data set is
 *       generated once), with {@code OPTIMIZE_REUSE_RESULTS=0}: H2 would otherwise answer a repeated
 *       query on unchanged tables from a cache, and the figures would be fiction.</li>
 *   <li>{@code postgres}: PostgreSQL started inside the JVM (Zonky, as the integration tests do; its
 *       data directory {@code target/bench-data/postgres} is kept), or
 *       the server named by {@code CRM4J_BENCH_PG_URL} (with {@code CRM4J_BENCH_PG_USER} and
 *       {@code CRM4J_BENCH_PG_PASSWORD}), e.g. a PostgreSQL 15 on loopback.</li>
 * </ul>
 */
final class Db implements AutoCloseable {
    private final String kind;
    private final HikariDataSource pool;
    private final EmbeddedPostgres embedded;

    private Db(String kind, HikariDataSource pool, EmbeddedPostgres embedded) {
        this.kind = kind;
        this.pool = pool;
        this.embedded = embedded;
    }

    /**
     * @param kind {@code h2}, {@code h2-durable} (each commit in the file when it returns) or
     *     {@code postgres}
     * @param name the database's name (one per data set)
     * @param fresh whether to start from an empty database
     * @return the open database
     */
    static Db open(String kind, String name, boolean fresh) {
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(8);
        config.setPoolName("bench-" + name);
        switch (kind.toLowerCase(Locale.ROOT)) {
            case "h2", "h2-durable" -> {
                Path dir = Path.of("target", "bench-data").toAbsolutePath();
                try {
                    Files.createDirectories(dir);
                    if (fresh) {
                        Files.deleteIfExists(dir.resolve(name + ".mv.db"));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("Cannot prepare " + dir, e);
                }
                // h2-durable: as crm4j's own embedded file (Crm.builder().h2File), each commit written
                // to the file before it returns; h2: H2's default, commits written up to 500 ms later.
                // The setting is kept in the file, so both name it.
                int writeDelay = kind.equalsIgnoreCase("h2-durable") ? 0 : 500;
                config.setJdbcUrl("jdbc:h2:file:" + dir.resolve(name) + ";OPTIMIZE_REUSE_RESULTS=0;WRITE_DELAY="
                        + writeDelay);
                config.setUsername("sa");
                return new Db("h2", new HikariDataSource(config), null);
            }
            case "postgres" -> {
                String url = System.getenv("CRM4J_BENCH_PG_URL");
                EmbeddedPostgres pg = null;
                String user;
                String password;
                if (url == null || url.isBlank()) {
                    try {
                        // a kept data directory, so that a data set is generated once, not per fork
                        Path dir = Path.of("target", "bench-data", "postgres").toAbsolutePath();
                        Files.createDirectories(dir.getParent());
                        pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false)
                                .setServerConfig("max_connections", "50").start();
                    } catch (IOException e) {
                        throw new IllegalStateException("Cannot start the embedded PostgreSQL", e);
                    }
                    url = pg.getJdbcUrl("postgres", "postgres");
                    user = "postgres";
                    password = "";
                } else {
                    user = System.getenv().getOrDefault("CRM4J_BENCH_PG_USER", "postgres");
                    password = System.getenv().getOrDefault("CRM4J_BENCH_PG_PASSWORD", "");
                }
                String db = "crm_bench_" + name;
                recreate(url, user, password, db, fresh);
                config.setJdbcUrl(url.replaceFirst("/[^/?]*(\\?.*)?$", "/" + db) + "?reWriteBatchedInserts=true");
                config.setUsername(user);
                config.setPassword(password);
                return new Db("postgres", new HikariDataSource(config), pg);
            }
            default -> throw new IllegalArgumentException("db must be h2 or postgres, not " + kind);
        }
    }

    private static void recreate(String url, String user, String password, String db, boolean fresh) {
        try (Connection c = java.sql.DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            if (fresh) {
                s.execute("drop database if exists " + db);
            }
            try (var rs = s.executeQuery("select 1 from pg_database where datname = '" + db + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + db);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + db + " on " + url, e);
        }
    }

    /** @return {@code h2} or {@code postgres} */
    String kind() {
        return kind;
    }

    /** @return the pool */
    DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // the fork ends anyway
            }
        }
    }
}
