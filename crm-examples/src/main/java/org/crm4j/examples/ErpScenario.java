package org.crm4j.examples;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.crm4j.Crm;
import org.crm4j.access.Actor;
import org.crm4j.common.BillingPeriod;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Money;
import org.crm4j.customer.Customer;
import org.crm4j.customer.CustomerCard;
import org.crm4j.customer.NewCustomer;
import org.crm4j.customer.SalesSummary;
import org.crm4j.notify.Notice;
import org.crm4j.plugin.DirectoryUser;
import org.crm4j.plugin.SalesSource;
import org.crm4j.plugin.UserDirectory;
import org.crm4j.sales.CommissionLine;
import org.crm4j.sales.CommissionStatement;
import org.crm4j.sales.NewCommissionPlan;
import org.crm4j.sales.NewPayment;
import org.crm4j.sales.NewSalesDocument;
import org.crm4j.sales.NewServiceContract;
import org.crm4j.sales.SalesLine;
import org.crm4j.sales.SalesPullReport;

/**
 * An ERP that embeds crm4j on its own database (a file H2 here; PostgreSQL the same way): crm4j
 * shares the ERP's {@code DataSource}, reads who reports to whom from the ERP's employee table,
 * and the ERP
 * <ol>
 *   <li>records a new customer's first order and the CRM's customer in one transaction of its own
 *       (rolled back once, when the order is refused, and then committed);</li>
 *   <li>lets crm4j pull its invoices and payments ({@link SalesSource} over its own tables);</li>
 *   <li>shows the customer card with the customer's business, a commission statement, and the
 *       renewal notice of a hosting contract.</li>
 * </ol>
 *
 * <p>Run it with {@code mvn -q -B -pl crm-examples -am -DskipTests package exec:java
 * -Dexec.mainClass=org.crm4j.examples.ErpScenario}.
 */
public final class ErpScenario {
    private static final String ERP = "erp";
    private final PrintStream out;

    /** @param out where the story is printed */
    public ErpScenario(PrintStream out) {
        this.out = out;
    }

    /** @param args none */
    public static void main(String[] args) throws Exception {
        new ErpScenario(System.out).run();
    }

    /** Runs the story on a new H2 file in a temporary folder. */
    public void run() throws Exception {
        Path dir = Files.createTempDirectory("erp-scenario");
        DataSource db = new ErpDataSource("jdbc:h2:file:" + dir.resolve("erp").toAbsolutePath() + ";DB_CLOSE_DELAY=0");
        createErpTables(db);
        StoryClock clock = new StoryClock(Instant.parse("2026-03-02T08:00:00Z"));
        try (Crm crm = Crm.builder().dataSource(db).userDirectory(new EmployeeDirectory(db)).clock(clock)
                .salesSource(new ErpSales(db)).discoverPlugins(false).build()) {
            Actor sam = Actor.of("sam");
            Actor ada = Actor.of("ada", Actor.ADMIN);

            // 1. one unit of work: the ERP's order and the CRM's customer, or neither
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try {
                    crm.inHostTransaction(c, () -> crm.as(sam).customers().create(
                            NewCustomer.company("Bergmann Logistik GmbH").externalRef(ExternalRef.of(ERP, "C-100"))));
                    insertOrder(c, "SO-1", "C-100", new BigDecimal("-5"));
                    c.commit();
                } catch (SQLException refused) {
                    c.rollback();
                    out.println("The ERP refused order SO-1 (a quantity of -5): rolled back, the CRM's customer with it");
                }
            }
            out.println("Changes in the feed after the rollback: " + crm.as(sam).changes().since(null, 10).events().size());
            Customer bergmann;
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                bergmann = crm.inHostTransaction(c, () -> crm.as(sam).customers().create(
                        NewCustomer.company("Bergmann Logistik GmbH").externalRef(ExternalRef.of(ERP, "C-100"))));
                insertOrder(c, "SO-1", "C-100", new BigDecimal("4"));
                c.commit();
            }
            out.println("Committed: order SO-1 in the ERP, customer " + bergmann.name() + " in the CRM");
            out.println("Changes in the feed after the commit: " + crm.as(sam).changes().since(null, 10).events().stream()
                    .map(e -> e.type()).toList());

            // 2. the ERP invoices and gets paid; crm4j pulls both
            erpInvoice(db, "INV-1", "SO-1", "C-100", "sam", LocalDate.of(2026, 3, 3), "4", "2500.00");
            erpPayment(db, "PAY-1", "INV-1", "11900.00", LocalDate.of(2026, 3, 10));
            SalesPullReport pulled = crm.pullSales().sources().get(0);
            out.println("Pulled from the ERP: " + pulled.documents().created() + " invoice(s), "
                    + pulled.paymentsCreated() + " payment(s), checkpoint " + pulled.checkpoint());
            out.println("Pulled again: " + crm.pullSales().sources().get(0).documents().created() + " new");

            // 3. the card, a hosting contract and its renewal notice, a commission statement
            crm.as(sam).sales().addService(bergmann.id(), NewServiceContract.of("HOST-M", "Managed hosting M",
                    LocalDate.of(2026, 3, 1), BillingPeriod.MONTH, Money.of("450.00", "EUR"))
                    .endsOn(LocalDate.of(2026, 5, 31)).noticeDays(60));
            CustomerCard card = crm.as(sam).customers().card(bergmann.id());
            for (SalesSummary.Line line : card.sales().lines()) {
                out.println("Card: invoiced in 12 months " + line.invoicedLast12Months() + ", outstanding "
                        + line.outstanding() + ", services " + card.services().size());
            }
            crm.as(ada).sales().defineCommissionPlan(NewCommissionPlan.named("Field sales", "EUR").salespeople("sam")
                    .rate("forklifts", new BigDecimal("3")).defaultRate(new BigDecimal("2")));
            CommissionStatement march = crm.as(Actor.of("mia")).sales().commissionStatement("sam", YearMonth.of(2026, 3));
            for (CommissionLine line : march.lines()) {
                out.println("Commission: " + line.on() + " " + line.document() + " " + line.basis() + " at "
                        + line.rate().stripTrailingZeros().toPlainString() + " % = " + line.commission());
            }
            out.println("Commission of sam in " + march.period() + ": " + march.total());
            // notice of the hosting contract can be given until 1 April: renewal talks are due 30 days before
            crm.runDueWork();
            for (Notice notice : crm.as(sam).inbox().list(null, 20).items()) {
                out.println("Sam's inbox: " + notice.subject());
            }
        }
    }

    private static void createErpTables(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table erp_employee (id varchar(100) primary key, name varchar(200) not null,"
                    + " manager_id varchar(100), is_admin boolean not null)");
            s.execute("insert into erp_employee values ('ada', 'Ada Admin', null, true), ('mia', 'Mia Manager', null,"
                    + " false), ('sam', 'Sam Seller', 'mia', false)");
            s.execute("create table erp_order (no varchar(20) primary key, customer_no varchar(20) not null,"
                    + " quantity numeric(10, 2) not null check (quantity > 0))");
            s.execute("create table erp_invoice (seq bigint auto_increment primary key, no varchar(20) not null,"
                    + " order_no varchar(20), customer_no varchar(20) not null, salesperson varchar(100),"
                    + " invoiced_on date not null, quantity numeric(10, 2) not null, unit_price numeric(12, 2) not null)");
            s.execute("create table erp_payment (seq bigint auto_increment primary key, no varchar(20) not null,"
                    + " invoice_no varchar(20) not null, amount numeric(12, 2) not null, paid_on date not null)");
        }
    }

    private static void insertOrder(Connection c, String no, String customer, BigDecimal quantity) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into erp_order values (?, ?, ?)")) {
            s.setString(1, no);
            s.setString(2, customer);
            s.setBigDecimal(3, quantity);
            s.executeUpdate();
        }
    }

    private static void erpInvoice(DataSource db, String no, String order, String customer, String salesperson,
            LocalDate on, String quantity, String price) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("insert into erp_invoice"
                + " (no, order_no, customer_no, salesperson, invoiced_on, quantity, unit_price) values (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, no);
            s.setString(2, order);
            s.setString(3, customer);
            s.setString(4, salesperson);
            s.setObject(5, on);
            s.setBigDecimal(6, new BigDecimal(quantity));
            s.setBigDecimal(7, new BigDecimal(price));
            s.executeUpdate();
        }
    }

    private static void erpPayment(DataSource db, String no, String invoice, String amount, LocalDate on)
            throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("insert into erp_payment"
                + " (no, invoice_no, amount, paid_on) values (?, ?, ?, ?)")) {
            s.setString(1, no);
            s.setString(2, invoice);
            s.setBigDecimal(3, new BigDecimal(amount));
            s.setObject(4, on);
            s.executeUpdate();
        }
    }

    /** The ERP's employees as crm4j's users: who reports to whom comes from the ERP's own table. */
    static final class EmployeeDirectory implements UserDirectory {
        private final DataSource db;

        EmployeeDirectory(DataSource db) {
            this.db = db;
        }

        @Override
        public Optional<DirectoryUser> find(String userId) {
            try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                    "select id, name, manager_id, is_admin from erp_employee where id = ?")) {
                s.setString(1, userId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new DirectoryUser(rs.getString(1), rs.getString(2),
                            rs.getBoolean(4) ? Set.of(Actor.ADMIN) : Set.of(), rs.getString(3))) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the employee table cannot be read", e);
            }
        }

        @Override
        public Collection<String> directReportsOf(String userId) {
            List<String> reports = new ArrayList<>();
            try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                    "select id from erp_employee where manager_id = ?")) {
                s.setString(1, userId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        reports.add(rs.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the employee table cannot be read", e);
            }
            return reports;
        }
    }

    /** The ERP's invoices and payments as crm4j pulls them: the checkpoint is the last row number read. */
    static final class ErpSales implements SalesSource {
        private final DataSource db;

        ErpSales(DataSource db) {
            this.db = db;
        }

        @Override
        public String id() {
            return "erp-invoices";
        }

        @Override
        public Page pull(String checkpoint) {
            String[] last = checkpoint == null ? new String[] {"0", "0"} : checkpoint.split("/");
            long lastInvoice = Long.parseLong(last[0]);
            long lastPayment = Long.parseLong(last[1]);
            List<NewSalesDocument> documents = new ArrayList<>();
            List<NewPayment> payments = new ArrayList<>();
            try (Connection c = db.getConnection()) {
                try (PreparedStatement s = c.prepareStatement("select seq, no, order_no, customer_no, salesperson,"
                        + " invoiced_on, quantity, unit_price from erp_invoice where seq > ? order by seq")) {
                    s.setLong(1, lastInvoice);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            lastInvoice = rs.getLong(1);
                            documents.add(NewSalesDocument.invoice(ExternalRef.of(ERP, rs.getString(2)), "EUR",
                                            rs.getObject(6, LocalDate.class))
                                    .customerRef(ExternalRef.of(ERP, rs.getString(4)))
                                    .salesperson(rs.getString(5))
                                    .line(SalesLine.of("FL-2", rs.getBigDecimal(7), rs.getBigDecimal(8))
                                            .group("forklifts").taxRate(new BigDecimal("19"))));
                        }
                    }
                }
                try (PreparedStatement s = c.prepareStatement("select seq, no, invoice_no, amount, paid_on"
                        + " from erp_payment where seq > ? order by seq")) {
                    s.setLong(1, lastPayment);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            lastPayment = rs.getLong(1);
                            payments.add(NewPayment.of(ExternalRef.of(ERP, rs.getString(2)),
                                    ExternalRef.of(ERP, rs.getString(3)), Money.of(rs.getBigDecimal(4).toPlainString(),
                                            "EUR"), rs.getObject(5, LocalDate.class)));
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the ERP's sales cannot be read", e);
            }
            return new Page(documents, payments, lastInvoice + "/" + lastPayment, false);
        }
    }

    /** The ERP's data source, a plain one over the JDBC driver (a host would have its pool here). */
    static final class ErpDataSource implements DataSource {
        private final String url;

        ErpDataSource(String url) {
            this.url = url;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, "sa", "");
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter writer) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
