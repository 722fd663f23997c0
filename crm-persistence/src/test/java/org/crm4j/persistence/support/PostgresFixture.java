package org.crm4j.persistence.support;

import org.crm4j.tck.CountingDataSource;
import org.crm4j.tck.StoreFixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.crm4j.Crm;

/**
 * The JPA adapter on a real PostgreSQL server (see {@link PostgresServer}); each test class gets
 * its own database, emptied before each test.
 */
public final class PostgresFixture implements StoreFixture {
    private final CountingDataSource counter;

    public PostgresFixture() {
        counter = new CountingDataSource(PostgresServer.newDatabase());
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public Crm.Builder freshStore(Crm.Builder builder) {
        truncate();
        return builder.store("jpa").dataSource(counter.dataSource());
    }

    @Override
    public CountingDataSource counter() {
        return counter;
    }

    @Override
    public Crm.Builder sameStore(Crm.Builder builder) {
        return builder.store("jpa").dataSource(counter.dataSource());
    }

    private void truncate() {
        try (Connection c = counter.dataSource().getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = current_schema()"
                    + " and tablename like 'crm\\_%' and tablename not in ('crm_schema_history', 'crm_commit_clock')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (!tables.isEmpty()) {
                s.execute("truncate " + String.join(", ", tables) + " cascade");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot empty the test database", e);
        }
    }

    @Override
    public org.crm4j.store.CrmStore openBeside(java.time.Clock clock) {
        return new org.crm4j.persistence.jpa.JpaStoreProvider().open(new org.crm4j.store.StoreContext(
                counter().dataSource(), null, java.util.Map.of(), clock));
    }
}
