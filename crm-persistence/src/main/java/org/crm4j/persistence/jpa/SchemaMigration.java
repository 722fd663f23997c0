package org.crm4j.persistence.jpa;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
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

    /**
     * Migrates the schema to the newest version.
     *
     * @param dataSource the database
     * @param kind which database it is
     * @return the schema version now
     */
    static String migrate(DataSource dataSource, DatabaseKind kind) {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .javaMigrations(new V9__duplicate_check())
                .failOnMissingLocations(true)
                .table(HISTORY_TABLE)
                .placeholders(kind.placeholders())
                // a host's schema is not empty: start crm4j's history below its first version
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : result.initialSchemaVersion;
        if (result.migrationsExecuted > 0) {
            LOG.info("CRM-JPA-003 Migrated the crm4j schema to version {} ({} migrations)", version,
                    result.migrationsExecuted);
        } else {
            LOG.debug("The crm4j schema is up to date at version {}", version);
        }
        return version;
    }
}
