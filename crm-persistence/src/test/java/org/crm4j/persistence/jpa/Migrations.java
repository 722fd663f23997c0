package org.crm4j.persistence.jpa;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** What the migration tests share: an H2 database at an older schema version, and reading a column. */
final class Migrations {

    private Migrations() {
    }

    /**
     * @param name the in-memory database's name
     * @param version the schema version to stop at
     * @return a new H2 database migrated to that version, to write rows as they were then
     */
    static JdbcDataSource h2At(String name, String version) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        at(ds, DatabaseKind.H2, version);
        return ds;
    }

    /**
     * @param ds an empty database
     * @param kind which one it is
     * @param version the schema version to migrate it to, to write rows as they were then
     */
    static void at(javax.sql.DataSource ds, DatabaseKind kind, String version) {
        Flyway.configure(Migrations.class.getClassLoader()).dataSource(ds)
                .locations("classpath:org/crm4j/persistence/migration")
                .javaMigrations(new V9__duplicate_check(), new V24__event_payload_json())
                .table("crm_schema_history").placeholders(kind.placeholders()).target(version).load()
                .migrate();
    }

    /**
     * @param ds a database
     * @param sql a query of one column
     * @return its values as text, in the query's order
     */
    static List<String> column(JdbcDataSource ds, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
