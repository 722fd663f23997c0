package org.crm4j.persistence.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.crm4j.event.DomainEvent;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * crm4j schema, version 24: the outbox keeps each event as JSON, a CloudEvents envelope
 * ({@link EventJson}), in {@code crm_event.payload} ({@code jsonb} on PostgreSQL, {@code json} on
 * H2) instead of the {@code key=value} text of {@code crm_event.data}. Every event already in the
 * outbox is rewritten with the code that writes new ones, in batches by sequence number, and the old
 * column goes. A Java migration: the old text has no SQL parser.
 */
final class V24__event_payload_json extends BaseJavaMigration {
    private static final int BATCH = 1_000;

    /**
     * @param context Flyway's, with the connection of the migration's transaction
     * @throws SQLException when a statement fails; Flyway reports it and rolls back
     */
    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        try (Statement s = c.createStatement()) {
            s.execute("alter table crm_event add column payload " + (postgres ? "jsonb" : "json"));
        }
        String json = postgres ? "cast(? as jsonb)" : "? format json";
        long after = Long.MIN_VALUE;
        try (PreparedStatement read = c.prepareStatement("select sequence_no, event_id, event_type, aggregate_type,"
                + " aggregate_id, customer_id, actor_id, occurred_at, data from crm_event where sequence_no > ?"
                + " order by sequence_no fetch first " + BATCH + " rows only");
                PreparedStatement write = c.prepareStatement("update crm_event set payload = " + json
                        + " where sequence_no = ?")) {
            while (true) {
                read.setLong(1, after);
                int rows = 0;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        long customerId = rs.getLong(6);
                        Long customer = rs.wasNull() ? null : customerId;
                        DomainEvent event = new DomainEvent(rs.getObject(2, UUID.class), rs.getString(3),
                                rs.getString(4), rs.getLong(5), customer,
                                rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant(),
                                EventDataCodec.decode(rs.getString(9)));
                        write.setString(1, EventJson.write(event));
                        write.setLong(2, after);
                        write.addBatch();
                        rows++;
                    }
                }
                if (rows == 0) {
                    break;
                }
                write.executeBatch();
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("alter table crm_event alter column payload set not null");
            s.execute("alter table crm_event drop column data");
        }
    }
}
