package org.crm4j.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Version 11 gives the activities written before it the time they were recorded done: their last
 * change for a done one (before version 11 an activity changed only when completed), none for a
 * planned one.
 */
class ActivityDoneAtMigrationIT {

    @Test
    void migrate_backfillsDoneAtOfExistingActivities() throws SQLException {
        JdbcDataSource ds = Migrations.h2At("done-at-migration", "10");
        String created = "timestamp with time zone '2026-03-02 09:00:00+00'";
        String completed = "timestamp with time zone '2026-03-04 17:30:00+00'";
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into crm_customer (id, version, kind, name, name_key, status, owner_id, created_at,"
                    + " updated_at) values (1, 0, 'COMPANY', 'ACME', 'acme', 'ACTIVE', 'sam', " + created + ", "
                    + created + ")");
            String columns = "insert into crm_activity (id, version, activity_type, direction, status, customer_id,"
                    + " owner_id, starts_at, ends_at, created_by, created_at, updated_at) values ";
            s.execute(columns + "(1, 0, 'MEETING', null, 'DONE', 1, 'sam', " + created + ", " + created + ", 'sam', "
                    + created + ", " + created + ")");
            s.execute(columns + "(2, 1, 'CALL', 'OUTBOUND', 'DONE', 1, 'sam', " + created + ", " + created + ", 'sam', "
                    + created + ", " + completed + ")");
            s.execute(columns + "(3, 0, 'TASK', null, 'PLANNED', 1, 'sam', " + completed + ", " + completed
                    + ", 'sam', " + created + ", " + created + ")");
        }

        assertThat(Integer.parseInt(SchemaMigration.migrate(ds, DatabaseKind.H2))).isGreaterThanOrEqualTo(11);

        assertThat(Migrations.column(ds, "select cast(done_at as varchar) from crm_activity order by id"))
                .containsExactly("2026-03-02 09:00:00+00", "2026-03-04 17:30:00+00", null);
    }
}
