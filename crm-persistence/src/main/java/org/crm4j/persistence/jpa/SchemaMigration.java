package org.crm4j.persistence.jpa;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the crm4j schema with Flyway. The scripts live in
 * {@code org/crm4j/persistence/migration}; the history is kept in {@code crm_schema_history}, so
 * crm4j's schema can share a database (and a schema) with the host's tables and their own
 * Flyway history. Java migrations, for what SQL cannot say portably, are handed to Flyway
 * here and numbered in the same sequence as the scripts.
 */
final class SchemaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);
    private static final String LOCATION = "classpath:org/crm4j/persistence/migration";
    private static final String HISTORY_TABLE = "crm_schema_history";

    private SchemaMigration() {
    }

    /** How often a start tries to migrate while other nodes create the schema at the same time. */
    private static final int ATTEMPTS = 8;

    /**
     * Migrates the schema to the newest version. Nodes that start together on an empty database
     * race to create the history table (Flyway decides to baseline before it takes its lock, so one
     * of them may find the table just made and still empty); a start that loses is tried again
     * after a short pause, and then finds the table and waits for Flyway's lock like every later
     * start.
     *
     * @param dataSource the database
     * @param kind which database it is
     * @return the schema's version now, as its history says (not the last migration this start ran)
     */
    static String migrate(DataSource dataSource, DatabaseKind kind) {
        // Flyway locks PostgreSQL with an advisory lock, but H2 by locking the history table's rows,
        // which an empty table has none of: two starts on a new H2 database ran the same scripts.
        // Starts in one JVM go one at a time, and on H2 they hold a row lock of their own.
        synchronized (SchemaMigration.class) {
            String current = upToDate(dataSource);
            if (current != null) {
                // nothing to do, and no lock to take (a host's pool of one connection starts too)
                LOG.debug("The crm4j schema is up to date at version {}", current);
                return current;
            }
            if (kind != DatabaseKind.H2) {
                return migrateNow(dataSource, kind);
            }
            try (H2Lock lock = H2Lock.take(dataSource)) {
                return migrateNow(dataSource, kind);
            }
        }
    }

    /**
     * The newest migration crm4j ships; a test checks it against the migrations Flyway finds.
     * A start that finds it applied skips Flyway (which takes two connections and a lock).
     */
    static final String LATEST = "32";

    /** @return the schema's version when it has every migration already, else null */
    private static String upToDate(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                java.sql.PreparedStatement s = c.prepareStatement("select count(*) from \"" + HISTORY_TABLE
                        + "\" where \"version\" = ? and \"success\" = ?")) {
            s.setString(1, LATEST);
            s.setBoolean(2, true);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0 ? LATEST : null;
            }
        } catch (SQLException e) {
            return null;   // no history yet: migrate as usual
        }
    }

    private static Flyway flyway(DataSource dataSource, DatabaseKind kind) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .javaMigrations(new V9__duplicate_check(), new V24__event_payload_json())
                .failOnMissingLocations(true)
                .table(HISTORY_TABLE)
                .placeholders(kind.placeholders())
                // a host's schema is not empty: start crm4j's history below its first version
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    private static String migrateNow(DataSource dataSource, DatabaseKind kind) {
        Flyway flyway = flyway(dataSource, kind);
        MigrateResult result = null;
        for (int attempt = 1; result == null; attempt++) {
            try {
                result = flyway.migrate();
            } catch (FlywayException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debug("CRM-JPA-013 Migrating the crm4j schema met another start (attempt {}); trying again: {}",
                        attempt, e.getMessage());
                pause(attempt);
            }
        }
        MigrationInfo current = flyway.info().current();
        String version = current == null || current.getVersion() == null ? "0" : current.getVersion().getVersion();
        if (result.migrationsExecuted > 0) {
            LOG.info("CRM-JPA-003 Migrated the crm4j schema to version {} ({} migrations)", version,
                    result.migrationsExecuted);
        } else {
            LOG.debug("The crm4j schema is up to date at version {}", version);
        }
        return version;
    }

    /**
     * A row lock on {@code crm_schema_lock}, held on a connection of its own while the schema is
     * migrated on H2, so that starts in several JVMs (H2's mixed mode) migrate one after the other.
     */
    private static final class H2Lock implements AutoCloseable {
        private final Connection connection;
        private final int lockTimeout;

        private H2Lock(Connection connection, int lockTimeout) {
            this.connection = connection;
            this.lockTimeout = lockTimeout;
        }

        static H2Lock take(DataSource dataSource) {
            Connection c = null;
            try {
                c = dataSource.getConnection();
                int timeout;
                try (Statement s = c.createStatement()) {
                    s.execute("create table if not exists crm_schema_lock (id integer primary key)");
                    try (ResultSet rs = s.executeQuery("select count(*) from crm_schema_lock where id = 1")) {
                        rs.next();
                        if (rs.getInt(1) == 0) {
                            try {
                                s.execute("insert into crm_schema_lock (id) values (1)");
                            } catch (SQLException another) {
                                // another start inserted it at the same time
                            }
                        }
                    }
                    try (ResultSet rs = s.executeQuery("select lock_timeout()")) {
                        rs.next();
                        timeout = rs.getInt(1);
                    }
                    c.setAutoCommit(false);
                    s.execute("set lock_timeout 300000");
                    s.executeQuery("select id from crm_schema_lock where id = 1 for update").close();
                }
                return new H2Lock(c, timeout);
            } catch (SQLException e) {
                closeQuietly(c);
                throw new FlywayException("Cannot lock the crm4j schema for its migration: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try (Statement s = connection.createStatement()) {
                connection.rollback();
                connection.setAutoCommit(true);
                s.execute("set lock_timeout " + lockTimeout);
            } catch (SQLException e) {
                LOG.debug("Releasing the crm4j schema lock: {}", e.getMessage());
            } finally {
                closeQuietly(connection);
            }
        }

        private static void closeQuietly(Connection c) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // nothing more to release
                }
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L * attempt + ThreadLocalRandom.current().nextInt(50));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlywayException("Interrupted while waiting to migrate the crm4j schema");
        }
    }
}
