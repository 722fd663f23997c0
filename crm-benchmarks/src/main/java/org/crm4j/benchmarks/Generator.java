package org.crm4j.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.crm4j.customer.store.CustomerRecord;

/**
 * Writes a {@link DataSet} into crm4j's tables with JDBC batches, the same rows for the same set on
 * every run and database (fixed seed). The schema comes from crm4j's own migrations (the caller
 * builds a {@code Crm} on the database first); the pipeline is defined through the API, so its
 * stages are crm4j's.
 *
 * <p>Customer {@code i} (1-based) is owned by salesperson {@code (i - 1) % 100}, has two contact
 * persons (the first a CFO, each with an e-mail address), {@code activitiesPerCustomer} done calls
 * spread over 2025, and {@code dealsPerCustomer} open deals in the pipeline; every tenth customer is
 * tagged {@code bench-10pct} and every hundredth {@code bench-1pct}. Names are random words, so that
 * sorting by name is not sorting by id.
 */
final class Generator {
    /** The tag of every tenth customer. */
    static final String TAG_10PCT = "bench-10pct";
    /** The tag of every hundredth customer. */
    static final String TAG_1PCT = "bench-1pct";
    /** The ERP system of the generated external references. */
    static final String ERP = "bench-erp";

    private static final long SEED = 20_261_201L;
    private static final int BATCH = 1_000;
    private static final OffsetDateTime START = OffsetDateTime.of(2025, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC);
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "bri", "dan",
        "fel", "gor", "hal", "jun", "kor", "lin", "mar", "nor", "pel", "qua", "ros", "sil", "tor", "ulm", "ven"};
    private static final String[] FORMS = {"GmbH", "AG", "Ltd", "S.A.", "Oy", "AB", "Sp. z o.o.", "Inc."};
    private static final String[] CITIES = {"Berlin", "Hamburg", "Wien", "Zürich", "Kraków", "Lyon", "Porto", "Graz"};
    private static final String[] COUNTRIES = {"DE", "DE", "AT", "CH", "PL", "FR", "PT", "AT"};
    private static final String[] STAGES = {"QUALIFY", "PROPOSE", "NEGOTIATE"};

    private Generator() {
    }

    /**
     * @param ds the database, migrated by crm4j
     * @param set what to write
     * @param pipelineId the pipeline the deals go into (stages {@code QUALIFY}, {@code PROPOSE},
     *     {@code NEGOTIATE})
     * @return whether it wrote the set (false: it was there already)
     */
    static boolean generate(DataSource ds, DataSet set, long pipelineId) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("create table if not exists crm_bench_marker (data_set varchar(10) not null, customers int not null)");
                try (ResultSet rs = s.executeQuery("select customers from crm_bench_marker where data_set = '"
                        + set.name() + "'")) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            c.commit();
            write(c, set, pipelineId);
            try (Statement s = c.createStatement()) {
                long customers = set.customers;
                long contacts = 2L * customers;
                long activities = customers * set.activitiesPerCustomer;
                long deals = customers * set.dealsPerCustomer;
                s.execute("alter sequence crm_customer_seq restart with " + (customers + 1_000));
                s.execute("alter sequence crm_contact_seq restart with " + (contacts + 1_000));
                s.execute("alter sequence crm_activity_seq restart with " + (activities + 1_000));
                s.execute("alter sequence crm_opportunity_seq restart with " + (deals + 1_000));
                s.execute("insert into crm_bench_marker values ('" + set.name() + "', " + customers + ")");
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("analyze");
            }
            c.commit();
            return true;
        }
    }

    private static void write(Connection c, DataSet set, long pipelineId) throws SQLException {
        SplittableRandom random = new SplittableRandom(SEED);
        try (PreparedStatement customer = c.prepareStatement("insert into crm_customer (id, version, kind, name, name_key,"
                + " tax_id, industry, rating, status, owner_id, street, postal_code, city, region, country,"
                + " created_at, updated_at, match_key) values (?, 0, 'COMPANY', ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?,"
                + " null, ?, ?, ?, ?)");
                PreparedStatement tag = c.prepareStatement("insert into crm_customer_tag (customer_id, tag) values (?, ?)");
                PreparedStatement ref = c.prepareStatement("insert into crm_external_ref (external_system, external_id,"
                        + " customer_id) values (?, ?, ?)");
                PreparedStatement contact = c.prepareStatement("insert into crm_contact (id, version, customer_id, name,"
                        + " name_key, job_title, is_primary, created_at, updated_at) values (?, 0, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement role = c.prepareStatement("insert into crm_contact_role (contact_id, role_code)"
                        + " values (?, ?)");
                PreparedStatement channel = c.prepareStatement("insert into crm_contact_channel (contact_id, position,"
                        + " channel_type, channel_value, match_key) values (?, 0, 'EMAIL', ?, ?)");
                PreparedStatement activity = c.prepareStatement("insert into crm_activity (id, version, activity_type,"
                        + " direction, status, customer_id, owner_id, starts_at, ends_at, outcome, created_by, created_at,"
                        + " updated_at, done_at) values (?, 0, 'CALL', 'OUTBOUND', 'DONE', ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement deal = c.prepareStatement("insert into crm_opportunity (id, version, customer_id,"
                        + " owner_id, pipeline_id, stage_code, status, title, amount, currency, probability,"
                        + " expected_close, stage_since, created_at, updated_at, last_activity_at)"
                        + " values (?, 0, ?, ?, ?, ?, 'OPEN', ?, ?, 'EUR', ?, ?, ?, ?, ?, ?)")) {
            long contactId = 0;
            long activityId = 0;
            long dealId = 0;
            int pending = 0;
            for (long id = 1; id <= set.customers; id++) {
                String owner = DataSet.salesperson((int) ((id - 1) % DataSet.SALESPEOPLE));
                String name = word(random) + " " + word(random) + " " + FORMS[random.nextInt(FORMS.length)];
                int city = random.nextInt(CITIES.length);
                OffsetDateTime created = START.plusMinutes(id);
                customer.setLong(1, id);
                customer.setString(2, name);
                customer.setString(3, CustomerRecord.nameKey(name));
                customer.setString(4, String.format(Locale.ROOT, "DE%09d", id));
                customer.setString(5, random.nextBoolean() ? "manufacturing" : "trade");
                customer.setString(6, new String[] {"A", "B", "C"}[random.nextInt(3)]);
                customer.setString(7, owner);
                customer.setString(8, "Street " + random.nextInt(1, 200));
                customer.setString(9, String.format(Locale.ROOT, "%05d", random.nextInt(100_000)));
                customer.setString(10, CITIES[city]);
                customer.setString(11, COUNTRIES[city]);
                customer.setObject(12, created);
                customer.setObject(13, created);
                customer.setString(14, CustomerRecord.nameKey(name));
                customer.addBatch();
                ref.setString(1, ERP);
                ref.setString(2, "C" + id);
                ref.setLong(3, id);
                ref.addBatch();
                if (id % 10 == 0) {
                    tag.setLong(1, id);
                    tag.setString(2, TAG_10PCT);
                    tag.addBatch();
                }
                if (id % 100 == 0) {
                    tag.setLong(1, id);
                    tag.setString(2, TAG_1PCT);
                    tag.addBatch();
                }
                for (int k = 0; k < 2; k++) {
                    contactId++;
                    String person = capital(word(random)) + " " + capital(word(random) + word(random));
                    contact.setLong(1, contactId);
                    contact.setLong(2, id);
                    contact.setString(3, person);
                    contact.setString(4, CustomerRecord.nameKey(person));
                    contact.setString(5, k == 0 ? "CFO" : "Buyer");
                    contact.setBoolean(6, k == 0);
                    contact.setObject(7, created);
                    contact.setObject(8, created);
                    contact.addBatch();
                    role.setLong(1, contactId);
                    role.setString(2, k == 0 ? "CFO" : "PURCHASING");
                    role.addBatch();
                    String email = "p" + contactId + "@c" + id + ".example";
                    channel.setLong(1, contactId);
                    channel.setString(2, email);
                    channel.setString(3, email);
                    channel.addBatch();
                }
                for (int k = 0; k < set.activitiesPerCustomer; k++) {
                    activityId++;
                    OffsetDateTime at = START.plusMinutes(random.nextInt(365 * 24 * 60));
                    activity.setLong(1, activityId);
                    activity.setLong(2, id);
                    activity.setString(3, owner);
                    activity.setObject(4, at);
                    activity.setObject(5, at.plusMinutes(15));
                    activity.setString(6, "talked about the order " + activityId);
                    activity.setString(7, owner);
                    activity.setObject(8, at);
                    activity.setObject(9, at);
                    activity.setObject(10, at.plusMinutes(15));
                    activity.addBatch();
                }
                for (int k = 0; k < set.dealsPerCustomer; k++) {
                    dealId++;
                    int stage = random.nextInt(STAGES.length);
                    deal.setLong(1, dealId);
                    deal.setLong(2, id);
                    deal.setString(3, owner);
                    deal.setLong(4, pipelineId);
                    deal.setString(5, STAGES[stage]);
                    deal.setString(6, "Deal " + dealId);
                    deal.setBigDecimal(7, BigDecimal.valueOf(random.nextInt(1_000, 100_000), 0).setScale(4));
                    deal.setInt(8, 20 + 30 * stage);
                    deal.setObject(9, LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365)));
                    deal.setObject(10, created);
                    deal.setObject(11, created);
                    deal.setObject(12, created);
                    deal.setObject(13, created);
                    deal.addBatch();
                }
                if (++pending == BATCH) {
                    flush(c, customer, ref, tag, contact, role, channel, activity, deal);
                    pending = 0;
                }
            }
            flush(c, customer, ref, tag, contact, role, channel, activity, deal);
        }
    }

    private static void flush(Connection c, PreparedStatement... statements) throws SQLException {
        for (PreparedStatement s : statements) {
            s.executeBatch();
        }
        c.commit();
    }

    private static String word(SplittableRandom random) {
        int n = random.nextInt(2, 4);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return capital(b.toString());
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
