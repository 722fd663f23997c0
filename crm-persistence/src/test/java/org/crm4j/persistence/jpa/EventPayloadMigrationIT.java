package org.crm4j.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.crm4j.Crm;
import org.crm4j.access.Actor;
import org.crm4j.customer.NewCustomer;
import org.crm4j.event.DomainEvent;
import org.crm4j.persistence.support.PostgresServer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Version 24: the outbox keeps events as CloudEvents JSON. Events written before it, in the old
 * {@code key=value} text with escapes and null values, are rewritten, delivered with the data they had,
 * and read with SQL alone ({@code jsonb} operators on PostgreSQL); new events are written the same way.
 */
class EventPayloadMigrationIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OLD_DATA = "name=ACME \\\\ Sons\nnote=a=b\\nc\nnothing\n";

    @Test
    void onH2_oldEventsBecomeCloudEvents_andAreDeliveredWithTheirData() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:payload-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        oldEventsBecomeCloudEvents(ds, DatabaseKind.H2);
    }

    @Test
    void onPostgres_oldEventsBecomeCloudEvents_inJsonb_andAreDeliveredWithTheirData() throws Exception {
        DataSource ds = PostgresServer.newDatabase();
        try {
            oldEventsBecomeCloudEvents(ds, DatabaseKind.POSTGRESQL);
            // PostgreSQL answers questions about the events with its own JSON operators
            assertThat(column(ds, "select payload->'data'->>'note' from crm_event where event_type = 'customer.renamed'"))
                    .containsExactly("a=b\nc");
            assertThat(column(ds, "select jsonb_typeof(payload) from crm_event")).containsOnly("object");
            assertThat(column(ds, "select payload->>'source' from crm_event where payload->>'subject' = 'customer/1000'"))
                    .containsOnly("/crm4j");
        } finally {
            ((AutoCloseable) ds).close();
        }
    }

    private static void oldEventsBecomeCloudEvents(DataSource ds, DatabaseKind kind) throws Exception {
        Migrations.at(ds, kind, "23");
        String at = "timestamp with time zone '2026-03-02 09:00:00+00'";
        UUID renamed = UUID.randomUUID();
        UUID housekeeping = UUID.randomUUID();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into crm_customer (id, version, kind, name, name_key, status, owner_id, created_at,"
                    + " updated_at) values (1000, 0, 'COMPANY', 'ACME', 'acme', 'ACTIVE', 'sam', " + at + ", " + at + ")");
            // the rows of the old version come first in the outbox
            s.execute("alter sequence crm_event_seq restart with 100");
            try (PreparedStatement insert = c.prepareStatement("insert into crm_event (sequence_no, event_id,"
                    + " event_type, aggregate_type, aggregate_id, customer_id, actor_id, occurred_at, data, attempts)"
                    + " values (?, ?, ?, ?, ?, ?, ?, " + at + ", ?, 0)")) {
                insert.setLong(1, 1);
                insert.setObject(2, renamed);
                insert.setString(3, "customer.renamed");
                insert.setString(4, "customer");
                insert.setLong(5, 1000);
                insert.setLong(6, 1000);
                insert.setString(7, "sam");
                insert.setString(8, OLD_DATA);
                insert.execute();
                insert.setLong(1, 2);
                insert.setObject(2, housekeeping);
                insert.setString(3, "pipeline.defined");
                insert.setString(4, "pipeline");
                insert.setLong(5, 7);
                insert.setNull(6, java.sql.Types.BIGINT);
                insert.setString(7, "ada");
                insert.setString(8, "");
                insert.execute();
            }
        }

        assertThat(SchemaMigration.migrate(ds, kind)).isEqualTo(SchemaMigration.LATEST);

        List<JsonNode> payloads = new ArrayList<>();
        for (String text : column(ds, "select cast(payload as varchar(4000)) from crm_event order by sequence_no")) {
            payloads.add(JSON.readTree(text));
        }
        assertThat(payloads).hasSize(2);
        JsonNode first = payloads.get(0);
        assertThat(first.get("specversion").asString()).isEqualTo("1.0");
        assertThat(first.get("id").asString()).isEqualTo(renamed.toString());
        assertThat(first.get("type").asString()).isEqualTo("customer.renamed");
        assertThat(first.get("subject").asString()).isEqualTo("customer/1000");
        assertThat(first.get("time").asString()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(first.get("crm4jcustomerid").asLong()).isEqualTo(1000);
        assertThat(first.get("data").get("name").asString()).isEqualTo("ACME \\ Sons");
        assertThat(first.get("data").get("note").asString()).isEqualTo("a=b\nc");
        assertThat(first.get("data").get("nothing").isNull()).isTrue();
        assertThat(payloads.get(1).has("crm4jcustomerid")).isFalse();
        assertThat(payloads.get(1).get("data").size()).isZero();

        // delivered as they were, and new events written as JSON beside them
        List<DomainEvent> delivered = new ArrayList<>();
        try (Crm crm = Crm.builder().dataSource(ds).discoverPlugins(false).listener(delivered::add).build()) {
            crm.as(Actor.of("sam")).customers().create(NewCustomer.company("Globex"));
            crm.deliverEvents();
        }
        Map<String, String> expected = new HashMap<>();
        expected.put("name", "ACME \\ Sons");
        expected.put("note", "a=b\nc");
        expected.put("nothing", null);
        assertThat(delivered).extracting(DomainEvent::type)
                .containsExactly("customer.renamed", "pipeline.defined", "customer.created");
        assertThat(delivered.get(0).data()).isEqualTo(expected);
        assertThat(delivered.get(0).customerId()).isEqualTo(1000L);
        assertThat(delivered.get(1).customerId()).isNull();
        JsonNode created = JSON.readTree(column(ds, "select cast(payload as varchar(4000)) from crm_event"
                + " where event_type = 'customer.created'").get(0));
        assertThat(created.get("data").get("name").asString()).isEqualTo("Globex");
    }

    private static List<String> column(DataSource ds, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
