package org.crm4j.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Version 9 gives the rows written before it the same matching keys as new rows get. */
class DuplicateKeysMigrationIT {

    @Test
    void migrate_backfillsTheKeysOfExistingCustomersContactsAndLeads() throws SQLException {
        JdbcDataSource ds = Migrations.h2At("dupes-migration", "7");
        String at = "timestamp with time zone '2026-03-02 09:00:00+00'";
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into crm_customer (id, version, kind, name, name_key, status, owner_id, created_at,"
                    + " updated_at) values (1, 0, 'COMPANY', 'Müller GmbH', 'müller gmbh', 'ACTIVE', 'sam', " + at
                    + ", " + at + ")");
            s.execute("insert into crm_contact (id, version, customer_id, name, name_key, is_primary, created_at,"
                    + " updated_at) values (1, 0, 1, 'Eva', 'eva', true, " + at + ", " + at + ")");
            s.execute("insert into crm_contact_channel (contact_id, position, channel_type, channel_value) values"
                    + " (1, 0, 'EMAIL', 'Eva.Berg@mueller.example'), (1, 1, 'PHONE', '+4930123456'),"
                    + " (1, 2, 'WEB', 'https://mueller.example')");
            s.execute("insert into crm_lead (id, version, prospect_company, prospect_person, prospect_email,"
                    + " owner_id, status, created_by, created_at, updated_at) values"
                    + " (1, 0, 'Initech, Inc.', 'Bill', 'Bill@initech.example', 'sam', 'NEW', 'sam', " + at + ", " + at
                    + "), (2, 0, null, 'Anna Schmidt', null, 'sam', 'NEW', 'sam', " + at + ", " + at + ")");
        }

        // migrates on to the newest version, past the one that adds the keys
        assertThat(Integer.parseInt(SchemaMigration.migrate(ds, DatabaseKind.H2))).isGreaterThanOrEqualTo(9);

        assertThat(Migrations.column(ds, "select match_key from crm_customer")).containsExactly("muller");
        assertThat(Migrations.column(ds, "select match_key from crm_contact_channel order by position"))
                .containsExactly("eva.berg@mueller.example", "+4930123456", null);
        assertThat(Migrations.column(ds, "select email_key from crm_lead order by id"))
                .containsExactly("bill@initech.example", null);
        assertThat(Migrations.column(ds, "select name_key from crm_lead order by id"))
                .containsExactly("initech", "anna schmidt");
    }
}
