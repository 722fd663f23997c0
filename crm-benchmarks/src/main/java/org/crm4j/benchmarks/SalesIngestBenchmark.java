package org.crm4j.benchmarks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.crm4j.Crm;
import org.crm4j.access.Actor;
import org.crm4j.common.ExternalRef;
import org.crm4j.imports.ImportContact;
import org.crm4j.imports.ImportOptions;
import org.crm4j.imports.ImportRow;
import org.crm4j.sales.NewSalesDocument;
import org.crm4j.sales.SalesImportOptions;
import org.crm4j.sales.SalesImportReport;
import org.crm4j.sales.SalesLine;
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
 * An ERP's sales history going in (R29): {@code lines} invoice lines (100,000 unless
 * {@code -p lines=} says otherwise), ten to an invoice, for 1,000 customers named by their ERP
 * reference, through {@code sales().importDocuments(...)} (batches of 500 invoices: each checked,
 * its customer and owner looked up, its reference looked up for idempotency, its totals computed,
 * written with its lines and a {@code sales-document.received} event), against a JDBC batch insert
 * of the same invoices, lines and events, committed per 500 invoices, with the customers' ids read
 * once. Each run starts on a new database of its own ({@code sales}); later iterations add new
 * invoices to it. The invoices are made as they are read, so a million lines fit a small heap:
 * {@code -p lines=1000000 -wi 0 -i 2 -jvmArgsAppend -Xmx256m}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class SalesIngestBenchmark {
    static final int BATCH = 500;
    static final int LINES_PER_INVOICE = 10;
    static final int CUSTOMERS = 1_000;
    static final Actor BRIDGE = Actor.of("erp-bridge", Actor.ADMIN);
    private static final BigDecimal TAX = new BigDecimal("19");

    @Param({"h2", "postgres"})
    public String db;
    @Param({"100000"})
    public int lines;

    private Db database;
    private Crm crm;
    private int round;
    private Iterable<NewSalesDocument> source;

    @Setup
    public void setUp() {
        database = Db.open(db, "sales", true);
        crm = Fixture.crm(database);
        List<ImportRow> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(ImportRow.of(Generator.ERP, "S" + i).company("Sales customer " + i)
                    .owner(DataSet.salesperson(i % DataSet.SALESPEOPLE))
                    .contact(ImportContact.named("Buyer " + i).email("buyer" + i + "@sales.example")));
        }
        crm.as(BRIDGE).imports().customers(customers, ImportOptions.defaults());
    }

    @TearDown
    public void tearDown() {
        crm.close();
        database.close();
    }

    /** New invoices for every run: references no run used before. */
    @Setup(Level.Iteration)
    public void invoices() {
        int run = ++round;
        int count = lines / LINES_PER_INVOICE;
        source = () -> new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < count;
            }

            @Override
            public NewSalesDocument next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int customer = i % CUSTOMERS;
                NewSalesDocument invoice = NewSalesDocument.invoice(ExternalRef.of(Generator.ERP, "INV-" + run + "-" + i),
                                "EUR", LocalDate.of(2025, 1, 1).plusDays(i % 365))
                        .customerRef(ExternalRef.of(Generator.ERP, "S" + customer))
                        .salesperson(DataSet.salesperson(customer % DataSet.SALESPEOPLE));
                for (int l = 0; l < LINES_PER_INVOICE; l++) {
                    invoice.line(SalesLine.of("P-" + (l * 7 + i) % 500, BigDecimal.valueOf(1 + l % 3),
                            BigDecimal.valueOf(1000 + l * 25, 2)).group("group " + l % 5).taxRate(TAX));
                }
                i++;
                return invoice;
            }
        };
    }

    @Benchmark
    public SalesImportReport crm4j() {
        SalesImportReport report = crm.as(BRIDGE).sales().importDocuments(source, SalesImportOptions.defaults());
        if (report.created() * LINES_PER_INVOICE != lines) {
            throw new IllegalStateException("expected " + lines + " lines created: " + report);
        }
        return report;
    }

    @Benchmark
    public int jdbc() throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            Map<String, Long> customerIds = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select external_id, customer_id"
                    + " from crm_external_ref where external_system = '" + Generator.ERP + "'")) {
                while (rs.next()) {
                    customerIds.put(rs.getString(1), rs.getLong(2));
                }
            }
            long documentId = ImportBenchmark.next(c, "crm_sales_document", "id");
            long sequence = ImportBenchmark.next(c, "crm_event", "sequence_no");
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            int written = 0;
            try (PreparedStatement doc = c.prepareStatement("insert into crm_sales_document (id, version, kind,"
                    + " customer_id, currency, invoiced_on, salesperson_id, net, tax, gross, external_system,"
                    + " external_id, received_at, updated_at) values (?, 0, 'INVOICE', ?, 'EUR', ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?)");
                    PreparedStatement line = c.prepareStatement("insert into crm_sales_line (document_id, position,"
                            + " product_code, product_group, quantity, unit_price, discount_percent, tax_rate,"
                            + " net_amount) values (?, ?, ?, ?, ?, ?, 0, ?, ?)");
                    PreparedStatement event = c.prepareStatement("insert into crm_event (sequence_no, commit_no,"
                            + " event_id, event_type, aggregate_type, aggregate_id, customer_id, actor_id, occurred_at,"
                            + " payload, attempts) values (?, ?, ?, 'sales-document.received', 'sales-document', ?, ?,"
                            + " ?, ?, " + Jdbc.jsonParameter(c) + ", 0)")) {
                int inBatch = 0;
                for (NewSalesDocument invoice : source) {
                    long customerId = customerIds.get(invoice.customerRef().id());
                    BigDecimal net = BigDecimal.ZERO;
                    BigDecimal tax = BigDecimal.ZERO;
                    int position = 0;
                    for (SalesLine l : invoice.lines()) {
                        BigDecimal lineNet = l.quantity().multiply(l.unitPrice()).setScale(2, RoundingMode.HALF_UP);
                        BigDecimal lineTax = lineNet.multiply(l.taxRate()).movePointLeft(2)
                                .setScale(2, RoundingMode.HALF_UP);
                        net = net.add(lineNet);
                        tax = tax.add(lineTax);
                        line.setLong(1, documentId);
                        line.setInt(2, position++);
                        line.setString(3, l.productCode());
                        line.setString(4, l.productGroup());
                        line.setBigDecimal(5, l.quantity());
                        line.setBigDecimal(6, l.unitPrice());
                        line.setBigDecimal(7, l.taxRate());
                        line.setBigDecimal(8, lineNet);
                        line.addBatch();
                    }
                    BigDecimal gross = net.add(tax);
                    doc.setLong(1, documentId);
                    doc.setLong(2, customerId);
                    doc.setObject(3, invoice.invoicedOn());
                    doc.setString(4, invoice.salespersonId());
                    doc.setBigDecimal(5, net);
                    doc.setBigDecimal(6, tax);
                    doc.setBigDecimal(7, gross);
                    doc.setString(8, invoice.externalRef().system());
                    doc.setString(9, invoice.externalRef().id());
                    doc.setObject(10, now);
                    doc.setObject(11, now);
                    doc.addBatch();
                    UUID id = UUID.randomUUID();
                    event.setLong(1, sequence);
                    event.setLong(2, sequence++);
                    event.setObject(3, id);
                    event.setLong(4, documentId);
                    event.setLong(5, customerId);
                    event.setString(6, BRIDGE.id());
                    event.setObject(7, now);
                    event.setString(8, Jdbc.cloudEvent(id, "sales-document.received", "sales-document", documentId,
                            customerId, BRIDGE.id(), now, "kind", "INVOICE", "externalRef",
                            invoice.externalRef().toString(), "currency", "EUR", "net", net.toPlainString(),
                            "gross", gross.toPlainString(), "lines", Integer.toString(position), "version", "0"));
                    event.addBatch();
                    documentId++;
                    written += position;
                    if (++inBatch == BATCH) {
                        doc.executeBatch();
                        line.executeBatch();
                        event.executeBatch();
                        c.commit();
                        inBatch = 0;
                    }
                }
                doc.executeBatch();
                line.executeBatch();
                event.executeBatch();
                c.commit();
            }
            try (Statement s = c.createStatement()) {
                s.execute("alter sequence crm_sales_document_seq restart with " + (documentId + 1_000));
                s.execute("alter sequence crm_event_seq restart with " + sequence);
                s.execute("update crm_commit_clock set last_no = greatest(last_no, " + sequence + ") where id = 1");
            }
            c.commit();
            if (written != lines) {
                throw new IllegalStateException("expected " + lines + " lines written, wrote " + written);
            }
            return written;
        }
    }
}
