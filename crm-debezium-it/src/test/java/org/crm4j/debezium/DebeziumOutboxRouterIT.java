package org.crm4j.debezium;

import static org.assertj.core.api.Assertions.assertThat;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.crm4j.Crm;
import org.crm4j.access.Actor;
import org.crm4j.customer.Customer;
import org.crm4j.customer.NewCustomer;
import org.junit.jupiter.api.Test;

/**
 * crm4j's outbox as the source of a streaming engine: a customer created through crm4j on PostgreSQL
 * streams through logical decoding and Debezium's embedded engine, and Debezium's outbox event router,
 * configured as crm4j's README says, routes it by aggregate type, keyed by the aggregate's id, with the
 * CloudEvents envelope as its value and the event's id and type as headers. No crm4j code reads the
 * outbox here.
 */
class DebeziumOutboxRouterIT {

    @Test
    void aCustomerCreatedThroughCrm4j_comesOutOfDebeziumsOutboxRouter_asACloudEvent() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("wal_level", "logical")
                .setServerConfig("max_replication_slots", "4").setServerConfig("max_wal_senders", "4").start()) {
            try (Crm crm = Crm.builder().dataSource(pg.getPostgresDatabase()).discoverPlugins(false).build()) {
                // the schema is there before the engine starts: it streams from now on, no snapshot
                BlockingQueue<SourceRecord> routed = new LinkedBlockingQueue<>();
                ExecutorService runner = Executors.newSingleThreadExecutor();
                try (DebeziumEngine<RecordChangeEvent<SourceRecord>> engine = DebeziumEngine
                        .create(ChangeEventFormat.of(io.debezium.embedded.Connect.class))
                        .using(config(pg.getPort()))
                        .notifying(event -> routed.add(event.record()))
                        .build()) {
                    runner.submit(engine);
                    waitForSlot(pg);

                    Customer acme = crm.as(Actor.of("sam")).customers().create(NewCustomer.company("ACME Machinery GmbH"));

                    SourceRecord record = routed.poll(60, TimeUnit.SECONDS);
                    assertThat(record).as("a routed record within a minute").isNotNull();
                    assertThat(record.topic()).isEqualTo("outbox.event.customer");
                    assertThat(String.valueOf(record.key())).isEqualTo(Long.toString(acme.id().value()));
                    String payload = String.valueOf(record.value());
                    assertThat(payload).contains("\"specversion\"", "\"type\"", "customer.created",
                            "\"subject\"", "customer/" + acme.id().value(), "ACME Machinery GmbH");
                    Header type = record.headers().lastWithName("eventType");
                    assertThat(type).isNotNull();
                    assertThat(String.valueOf(type.value())).isEqualTo("customer.created");
                    assertThat(record.headers().lastWithName("id")).isNotNull();
                } finally {
                    runner.shutdownNow();
                    runner.awaitTermination(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** Debezium's PostgreSQL connector with the outbox event router, mapped to crm4j's outbox as the README says. */
    private static Properties config(int port) {
        Properties p = new Properties();
        p.setProperty("name", "crm4j-outbox");
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
        p.setProperty("offset.flush.interval.ms", "0");
        p.setProperty("database.hostname", "localhost");
        p.setProperty("database.port", Integer.toString(port));
        p.setProperty("database.user", "postgres");
        p.setProperty("database.password", "postgres");
        p.setProperty("database.dbname", "postgres");
        p.setProperty("topic.prefix", "crm4j");
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", "crm4j_outbox");
        p.setProperty("publication.autocreate.mode", "filtered");
        p.setProperty("table.include.list", "public.crm_event");
        p.setProperty("snapshot.mode", "no_data");
        p.setProperty("transforms", "outbox");
        p.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
        p.setProperty("transforms.outbox.table.field.event.id", "event_id");
        p.setProperty("transforms.outbox.table.field.event.key", "aggregate_id");
        p.setProperty("transforms.outbox.table.field.event.payload", "payload");
        p.setProperty("transforms.outbox.route.by.field", "aggregate_type");
        p.setProperty("transforms.outbox.table.fields.additional.placement", "event_type:header:eventType");
        return p;
    }

    /** Waits until the engine has made its replication slot: changes after that are streamed. */
    private static void waitForSlot(EmbeddedPostgres pg) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from pg_replication_slots where slot_name = 'crm4j_outbox'"
                            + " and active")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Debezium made no active replication slot within a minute");
    }
}
