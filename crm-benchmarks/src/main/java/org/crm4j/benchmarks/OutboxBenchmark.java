package org.crm4j.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.crm4j.Crm;
import org.crm4j.event.DeliveryReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Outbox delivery from a backlog of {@link #BACKLOG} events over 1,000 aggregates to one listener
 * that counts them, against the hand-written loop: read 500 undelivered events in sequence order,
 * hand them over, mark them delivered in one batch. One operation delivers the whole backlog; events
 * per second = {@code BACKLOG / score}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class OutboxBenchmark {
    static final int BACKLOG = 20_000;
    static final int BATCH = 500;

    @Param({"h2", "postgres"})
    public String db;
    @Param({"small"})
    public String set;

    private Fixture fixture;
    private Crm delivering;
    private final LongAdder received = new LongAdder();

    @Setup
    public void setUp() throws SQLException {
        fixture = Fixture.of(db, set);
        removeBacklogs();
        delivering = Crm.builder().dataSource(fixture.db.dataSource()).userDirectory(Fixture.directory())
                .listener(event -> received.increment()).build();
        delivering.deliverEvents();
    }

    @TearDown
    public void tearDown() throws SQLException {
        delivering.close();
        removeBacklogs();
    }

    /**
     * Deletes the events this benchmark wrote (actor {@code bench}), in batches: they name the data
     * set's customers, and left in place they would grow every customer's history that the card
     * benchmark reads (a few hundred thousand events a run).
     */
    private void removeBacklogs() throws SQLException {
        try (Connection c = fixture.db.dataSource().getConnection()) {
            c.setAutoCommit(true);
            long first;
            long last;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select min(sequence_no),"
                    + " max(sequence_no) from crm_event where actor_id = 'bench'")) {
                rs.next();
                first = rs.getLong(1);
                last = rs.getLong(2);
                if (rs.wasNull()) {
                    return;
                }
            }
            // by ranges of the primary key, each its own transaction
            try (PreparedStatement delete = c.prepareStatement("delete from crm_event where sequence_no between ? and ?"
                    + " and actor_id = 'bench'")) {
                for (long from = first; from <= last; from += 50_000) {
                    delete.setLong(1, from);
                    delete.setLong(2, Math.min(last, from + 49_999));
                    delete.executeUpdate();
                }
            }
        }
    }

    /** Fills the backlog before every delivery. */
    @Setup(Level.Iteration)
    public void backlog() throws SQLException {
        try (Connection c = fixture.db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            long first;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select coalesce(max(sequence_no), 0) from crm_event")) {
                rs.next();
                first = rs.getLong(1) + 1;
            }
            OffsetDateTime at = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
            try (PreparedStatement insert = c.prepareStatement("insert into crm_event (sequence_no, event_id,"
                    + " event_type, aggregate_type, aggregate_id, customer_id, actor_id, occurred_at, payload, attempts)"
                    + " values (?, ?, 'customer.updated', 'customer', ?, ?, 'bench', ?, " + Jdbc.jsonParameter(c)
                    + ", 0)")) {
                for (int i = 0; i < BACKLOG; i++) {
                    long customer = 1 + i % 1_000;
                    insert.setLong(1, first + i);
                    UUID id = UUID.randomUUID();
                    insert.setObject(2, id);
                    insert.setLong(3, customer);
                    insert.setLong(4, customer);
                    insert.setObject(5, at.plusNanos(i * 1000L));
                    insert.setString(6, Jdbc.cloudEvent(id, "customer.updated", "customer", customer, customer, "bench",
                            at.plusNanos(i * 1000L), "field", "name"));
                    insert.addBatch();
                    if (i % BATCH == BATCH - 1) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.execute("alter sequence crm_event_seq restart with " + (first + BACKLOG));
            }
            c.commit();
        }
    }

    @Benchmark
    public DeliveryReport crm4j() {
        return delivering.deliverEvents();
    }

    @Benchmark
    public long jdbc() throws SQLException {
        long delivered = 0;
        try (Connection c = fixture.db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            long from = 0;
            while (true) {
                long[] batch = new long[BATCH];
                int n = 0;
                try (PreparedStatement read = c.prepareStatement("select sequence_no, event_id, event_type,"
                        + " aggregate_type, aggregate_id, customer_id, actor_id, occurred_at, payload from crm_event"
                        + " where delivered_at is null and sequence_no > ? order by sequence_no"
                        + " fetch first " + BATCH + " rows only")) {
                    read.setLong(1, from);
                    try (ResultSet rs = read.executeQuery()) {
                        while (rs.next()) {
                            batch[n++] = rs.getLong(1);
                            rs.getObject(2);
                            rs.getString(3);
                            rs.getString(4);
                            rs.getLong(5);
                            rs.getLong(6);
                            rs.getString(7);
                            rs.getObject(8);
                            rs.getString(9);
                            received.increment();
                        }
                    }
                }
                c.commit();
                if (n == 0) {
                    return delivered;
                }
                try (PreparedStatement mark = c.prepareStatement("update crm_event set delivered_at = ?,"
                        + " attempts = attempts + 1 where sequence_no = ?")) {
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    for (int i = 0; i < n; i++) {
                        mark.setObject(1, now);
                        mark.setLong(2, batch[i]);
                        mark.addBatch();
                    }
                    mark.executeBatch();
                }
                c.commit();
                delivered += n;
                from = batch[n - 1];
                if (n < BATCH) {
                    return delivered;
                }
            }
        }
    }
}
