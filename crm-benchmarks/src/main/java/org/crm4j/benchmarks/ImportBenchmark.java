package org.crm4j.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.crm4j.Crm;
import org.crm4j.access.Actor;
import org.crm4j.customer.store.CustomerRecord;
import org.crm4j.imports.ImportContact;
import org.crm4j.imports.ImportOptions;
import org.crm4j.imports.ImportReport;
import org.crm4j.imports.ImportRow;
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
 * Bulk import (R29): {@code rows} new customers (5,000 unless {@code -p rows=} says otherwise), each with an external reference, a tag and a
 * contact person with an e-mail address, through {@code imports().customers(...)} (batches of 500,
 * validated, checked for duplicates, with their events), against a JDBC batch insert of the same
 * rows and the same two events per customer, committed per 500. Each run starts on a new, empty
 * database of its own ({@code import}), so the data sets of the other benchmarks stay as they are;
 * later iterations of a fork import into the same database, which grows. One operation imports all
 * rows. The rows are made as they are read (both sides iterate the same {@link Iterable}), so that a
 * million of them fit a small heap: {@code -p rows=1000000 -wi 0 -i 1 -jvmArgsAppend -Xmx256m}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class ImportBenchmark {
    static final int BATCH = 500;
    static final Actor ADMIN = Actor.of("bench-admin", Actor.ADMIN);

    /** {@code h2-durable}: as crm4j's own embedded H2 file, every commit in the file when it returns. */
    @Param({"h2", "h2-durable", "postgres"})
    public String db;
    @Param({"5000"})
    public int rows;

    private Db database;
    private Crm crm;
    private int round;
    private Iterable<ImportRow> source;

    @Setup
    public void setUp() {
        database = Db.open(db, "import", true);
        crm = Fixture.crm(database);
    }

    @TearDown
    public void tearDown() {
        crm.close();
        database.close();
    }

    /** New rows for every import: references and names no run used before. */
    @Setup(Level.Iteration)
    public void rows() {
        int run = ++round;
        int count = rows;
        source = () -> new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < count;
            }

            @Override
            public ImportRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String id = run + "-" + i;
                ImportRow row = ImportRow.of(Generator.ERP, "I" + id).company("Import " + id + " Holding")
                        .owner(DataSet.salesperson(i % DataSet.SALESPEOPLE)).tags("imported")
                        .contact(ImportContact.named("Person " + id).email("p" + id + "@import.example"));
                i++;
                return row;
            }
        };
    }

    @Benchmark
    public ImportReport crm4j() {
        ImportReport report = crm.as(ADMIN).imports().customers(source, ImportOptions.defaults());
        if (report.created() != rows) {
            throw new IllegalStateException("expected " + rows + " customers created: " + report);
        }
        return report;
    }

    @Benchmark
    public int jdbc() throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            long customerId = next(c, "crm_customer", "id");
            long contactId = next(c, "crm_contact", "id");
            long sequence = next(c, "crm_event", "sequence_no");
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement customer = c.prepareStatement("insert into crm_customer (id, version, kind, name,"
                    + " name_key, status, owner_id, created_at, updated_at, match_key)"
                    + " values (?, 0, 'COMPANY', ?, ?, 'ACTIVE', ?, ?, ?, ?)");
                    PreparedStatement ref = c.prepareStatement("insert into crm_external_ref (external_system,"
                            + " external_id, customer_id) values (?, ?, ?)");
                    PreparedStatement tag = c.prepareStatement("insert into crm_customer_tag (customer_id, tag)"
                            + " values (?, ?)");
                    PreparedStatement contact = c.prepareStatement("insert into crm_contact (id, version, customer_id,"
                            + " name, name_key, is_primary, created_at, updated_at) values (?, 0, ?, ?, ?, true, ?, ?)");
                    PreparedStatement channel = c.prepareStatement("insert into crm_contact_channel (contact_id,"
                            + " position, channel_type, channel_value, match_key) values (?, 0, 'EMAIL', ?, ?)");
                    PreparedStatement event = c.prepareStatement("insert into crm_event (sequence_no, event_id,"
                            + " event_type, aggregate_type, aggregate_id, customer_id, actor_id, occurred_at, payload,"
                            + " attempts) values (?, ?, ?, ?, ?, ?, ?, ?, " + Jdbc.jsonParameter(c) + ", 0)")) {
                int i = 0;
                for (Iterator<ImportRow> it = source.iterator(); it.hasNext(); i++) {
                    ImportRow row = it.next();
                    String name = row.name();
                    String owner = row.ownerId();
                    customer.setLong(1, customerId);
                    customer.setString(2, name);
                    customer.setString(3, CustomerRecord.nameKey(name));
                    customer.setString(4, owner);
                    customer.setObject(5, now);
                    customer.setObject(6, now);
                    customer.setString(7, CustomerRecord.nameKey(name));
                    customer.addBatch();
                    ref.setString(1, Generator.ERP);
                    ref.setString(2, row.externalId());
                    ref.setLong(3, customerId);
                    ref.addBatch();
                    tag.setLong(1, customerId);
                    tag.setString(2, "imported");
                    tag.addBatch();
                    String person = row.contacts().get(0).name();
                    String email = row.contacts().get(0).email().toLowerCase(Locale.ROOT);
                    contact.setLong(1, contactId);
                    contact.setLong(2, customerId);
                    contact.setString(3, person);
                    contact.setString(4, CustomerRecord.nameKey(person));
                    contact.setObject(5, now);
                    contact.setObject(6, now);
                    contact.addBatch();
                    channel.setLong(1, contactId);
                    channel.setString(2, email);
                    channel.setString(3, email);
                    channel.addBatch();
                    addEvent(event, sequence++, "customer.created", "customer", customerId, customerId, now,
                            "name", name, "owner", owner);
                    addEvent(event, sequence++, "contact.added", "contact", contactId, customerId, now,
                            "name", person);
                    customerId++;
                    contactId++;
                    if ((i + 1) % BATCH == 0 || !it.hasNext()) {
                        customer.executeBatch();
                        ref.executeBatch();
                        tag.executeBatch();
                        contact.executeBatch();
                        channel.executeBatch();
                        event.executeBatch();
                        c.commit();
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("alter sequence crm_customer_seq restart with " + (customerId + 1_000));
                s.execute("alter sequence crm_contact_seq restart with " + (contactId + 1_000));
                s.execute("alter sequence crm_event_seq restart with " + sequence);
            }
            c.commit();
            return rows;
        }
    }

    private static void addEvent(PreparedStatement event, long sequence, String type, String aggregateType,
            long aggregateId, long customerId, OffsetDateTime at, String... data) throws SQLException {
        UUID id = UUID.randomUUID();
        event.setLong(1, sequence);
        event.setObject(2, id);
        event.setString(3, type);
        event.setString(4, aggregateType);
        event.setLong(5, aggregateId);
        event.setLong(6, customerId);
        event.setString(7, ADMIN.id());
        event.setObject(8, at);
        event.setString(9, Jdbc.cloudEvent(id, type, aggregateType, aggregateId, customerId, ADMIN.id(), at, data));
        event.addBatch();
    }

    /** @return a number above every one in use in the table's column and its sequence's range */
    static long next(Connection c, String table, String column) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select coalesce(max(" + column + "), 0) from " + table)) {
            rs.next();
            return rs.getLong(1) + 10_000;
        }
    }
}
