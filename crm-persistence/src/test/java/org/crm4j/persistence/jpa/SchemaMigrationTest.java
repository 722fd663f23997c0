package org.crm4j.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.crm4j.Crm;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The newest migration the up-to-date check looks for is the newest there is. */
class SchemaMigrationTest {

    @Test
    void latest_isTheNewestMigration_andAStartOnAnUpToDateSchemaReportsIt() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:latest-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        try (Crm first = Crm.builder().dataSource(h2).discoverPlugins(false).build()) {
            // the first start migrates and reports what Flyway's history says
            assertThat(first.storeDescription()).contains("schema version " + SchemaMigration.LATEST + ")");
        }
        try (Crm again = Crm.builder().dataSource(h2).discoverPlugins(false).build()) {
            // the second finds the newest migration applied and skips Flyway
            assertThat(again.storeDescription()).contains("schema version " + SchemaMigration.LATEST + ")");
        }
    }
}
