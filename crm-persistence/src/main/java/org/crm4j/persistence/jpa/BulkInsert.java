package org.crm4j.persistence.jpa;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write path of bulk work (an import's new customers and contacts, the outbox's events): plain
 * JDBC batches on the transaction's own connection, with the rows made by the same entity classes
 * as the single writes (so the computed columns, keys and defaults are the same), and ids drawn
 * from the same sequences in as few statements as the database allows.
 *
 * <p>A persistence context costs per entity what a batch insert does not: each persisted entity
 * is cascaded, dirty-checked at every flush and kept until the transaction ends. For a batch of 500
 * new customers with contacts that was most of an import's time, which PERFORMANCE.md measured at
 * about 1.9 times a JDBC batch on PostgreSQL at best. The rows written here are not in the
 * session: the bulk callers read them back, if at all, by query.
 */
final class BulkInsert {
    /** The step of the pooled sequences (the migration's {@code increment by 50}). */
    static final int POOL = 50;
    /** The rows inserted into a table through here before its statistics are first refreshed. */
    static final long FIRST_ANALYZE = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(BulkInsert.class);
    /**
     * Per database (session factory) and table: the rows inserted through here, and the count at
     * which its statistics are refreshed next.
     */
    private static final Map<SessionFactory, Map<String, long[]>> GROWTH =
            Collections.synchronizedMap(new WeakHashMap<>());

    private BulkInsert() {
    }

    /**
     * Ids from a sequence that steps by {@link #POOL} and that Hibernate's pooled optimizer also
     * draws from: a drawn value {@code v} stands for the ids {@code v - 49 ... v}, as it does for
     * the optimizer, so the two never hand out the same id.
     *
     * @param session the transaction's session
     * @param sequence the sequence
     * @param count how many ids
     * @return that many new ids, ascending
     */
    static long[] pooledIds(Session session, String sequence, int count) {
        long[] blocks = draw(session, sequence, (count + POOL - 1) / POOL);
        long[] ids = new long[count];
        int n = 0;
        for (long top : blocks) {
            for (long id = Math.max(1, top - POOL + 1); id <= top && n < count; id++) {
                ids[n++] = id;
            }
        }
        if (n < count) {
            // only when the very first value of a new sequence (1) was among the blocks
            long[] more = pooledIds(session, sequence, count - n);
            System.arraycopy(more, 0, ids, n, more.length);
            Arrays.sort(ids);
        }
        return ids;
    }

    /**
     * The next values of a sequence, ascending: on PostgreSQL and H2 in one statement however
     * many, elsewhere one statement each.
     *
     * @param session the transaction's session
     * @param sequence the sequence
     * @param count how many values
     * @return the values
     */
    static long[] draw(Session session, String sequence, int count) {
        long[] values = new long[count];
        if (count == 0) {
            return values;
        }
        Dialect dialect = JpaTransaction.dialectOf(session);
        if (count > 1 && (dialect instanceof PostgreSQLDialect || dialect instanceof H2Dialect)) {
            String sql = dialect instanceof PostgreSQLDialect
                    ? "select nextval('" + sequence + "') from generate_series(1, :count)"
                    : "select next value for " + sequence + " from system_range(1, :count)";
            // a query space nothing writes to: the draw flushes nothing, as an id generator does not
            List<?> drawn = session.createNativeQuery(sql, Object.class).addSynchronizedQuerySpace(sequence)
                    .setParameter("count", count).getResultList();
            if (drawn.size() != count) {
                throw new IllegalStateException("asked " + sequence + " for " + count + " values, got " + drawn.size());
            }
            for (int i = 0; i < count; i++) {
                values[i] = ((Number) drawn.get(i)).longValue();
            }
            Arrays.sort(values);
            return values;
        }
        String next = dialect.getSequenceSupport().getSequenceNextValString(sequence);
        for (int i = 0; i < count; i++) {
            values[i] = ((Number) session.createNativeQuery(next, Object.class).addSynchronizedQuerySpace(sequence)
                    .getSingleResult()).longValue();
        }
        return values;
    }

    /**
     * Inserts new customers with their tags, categories and external references.
     *
     * @param session the transaction's session
     * @param customers the rows, their ids set
     */
    static void customers(Session session, List<CustomerEntity> customers) {
        session.doWork(c -> {
            try (PreparedStatement customer = c.prepareStatement("insert into crm_customer (id, version, kind, name,"
                    + " name_key, match_key, tax_id, industry, rating, status, owner_id, street, postal_code, city,"
                    + " region, country, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?)");
                    PreparedStatement tag = c.prepareStatement("insert into crm_customer_tag (customer_id, tag)"
                            + " values (?, ?)");
                    PreparedStatement category = c.prepareStatement("insert into crm_customer_category (customer_id,"
                            + " category) values (?, ?)");
                    PreparedStatement ref = c.prepareStatement("insert into crm_external_ref (external_system,"
                            + " external_id, customer_id) values (?, ?, ?)")) {
                int tags = 0;
                int categories = 0;
                int refs = 0;
                for (CustomerEntity e : customers) {
                    customer.setLong(1, e.id);
                    customer.setLong(2, e.version);
                    customer.setString(3, e.kind.name());
                    customer.setString(4, e.name);
                    customer.setString(5, e.nameKey);
                    customer.setString(6, e.matchKey);
                    customer.setString(7, e.taxId);
                    customer.setString(8, e.industry);
                    customer.setString(9, e.rating);
                    customer.setString(10, e.status.name());
                    customer.setString(11, e.ownerId);
                    address(customer, 12, e.address);
                    customer.setObject(17, time(e.createdAt));
                    customer.setObject(18, time(e.updatedAt));
                    customer.addBatch();
                    for (String t : e.tags) {
                        tag.setLong(1, e.id);
                        tag.setString(2, t);
                        tag.addBatch();
                        tags++;
                    }
                    for (String k : e.categories) {
                        category.setLong(1, e.id);
                        category.setString(2, k);
                        category.addBatch();
                        categories++;
                    }
                    for (ExternalRefValue r : e.externalRefs) {
                        ref.setString(1, r.system);
                        ref.setString(2, r.externalId);
                        ref.setLong(3, e.id);
                        ref.addBatch();
                        refs++;
                    }
                }
                customer.executeBatch();
                run(tag, tags);
                run(category, categories);
                run(ref, refs);
            }
        });
        grew(session, "crm_customer", customers.size(), "crm_customer", "crm_external_ref", "crm_customer_tag");
    }

    /**
     * Inserts new contact persons with their roles and channels.
     *
     * @param session the transaction's session
     * @param contacts the rows, their ids set
     */
    static void contacts(Session session, List<ContactEntity> contacts) {
        session.doWork(c -> {
            try (PreparedStatement contact = c.prepareStatement("insert into crm_contact (id, version, customer_id,"
                    + " name, name_key, job_title, is_primary, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?)");
                    PreparedStatement role = c.prepareStatement("insert into crm_contact_role (contact_id, role_code)"
                            + " values (?, ?)");
                    PreparedStatement channel = c.prepareStatement("insert into crm_contact_channel (contact_id,"
                            + " position, channel_type, channel_value, label, match_key, street, postal_code, city,"
                            + " region, country) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int roles = 0;
                int channels = 0;
                for (ContactEntity e : contacts) {
                    contact.setLong(1, e.id);
                    contact.setLong(2, e.version);
                    contact.setLong(3, e.customerId);
                    contact.setString(4, e.name);
                    contact.setString(5, e.nameKey);
                    contact.setString(6, e.jobTitle);
                    contact.setBoolean(7, e.primary);
                    contact.setObject(8, time(e.createdAt));
                    contact.setObject(9, time(e.updatedAt));
                    contact.addBatch();
                    for (String r : e.roles) {
                        role.setLong(1, e.id);
                        role.setString(2, r);
                        role.addBatch();
                        roles++;
                    }
                    for (int i = 0; i < e.channels.size(); i++) {
                        ChannelValue v = e.channels.get(i);
                        channel.setLong(1, e.id);
                        channel.setInt(2, i);
                        channel.setString(3, v.type.name());
                        channel.setString(4, v.value);
                        channel.setString(5, v.label);
                        channel.setString(6, v.matchKey);
                        address(channel, 7, v.address);
                        channel.addBatch();
                        channels++;
                    }
                }
                contact.executeBatch();
                run(role, roles);
                run(channel, channels);
            }
        });
        grew(session, "crm_contact", contacts.size(), "crm_contact", "crm_contact_channel");
    }

    /** Sets the seven columns of a document's address from the index given (all null for none). */
    private static void address(PreparedStatement statement, int first, org.crm4j.sales.DocumentAddress a)
            throws java.sql.SQLException {
        statement.setString(first, a == null ? null : a.name());
        address(statement, first + 1, a == null ? null : AddressColumns.of(a.address()));
        statement.setString(first + 6, a == null ? null : a.phone());
    }

    /**
     * @param session a session of the adapter
     * @return the parameter marker of a JSON value given as text: PostgreSQL casts it to {@code jsonb},
     *     H2 parses it ({@code FORMAT JSON}; without it H2 would store a JSON string)
     */
    static String jsonParameter(Session session) {
        return JpaTransaction.dialectOf(session) instanceof PostgreSQLDialect ? "cast(? as jsonb)" : "? format json";
    }

    /**
     * Inserts events into the outbox.
     *
     * @param session the transaction's session
     * @param events the rows, their sequence numbers set
     */
    static void events(Session session, List<OutboxEventEntity> events) {
        String json = jsonParameter(session);
        session.doWork(c -> {
            try (PreparedStatement event = c.prepareStatement("insert into crm_event (sequence_no, event_id,"
                    + " event_type, aggregate_type, aggregate_id, customer_id, opportunity_id, lead_id, activity_id,"
                    + " actor_id, occurred_at, payload, commit_no, attempts) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + json + ", ?, 0)")) {
                for (OutboxEventEntity e : events) {
                    event.setLong(1, e.sequence);
                    event.setObject(2, e.eventId);
                    event.setString(3, e.type);
                    event.setString(4, e.aggregateType);
                    event.setLong(5, e.aggregateId);
                    nullableLong(event, 6, e.customerId);
                    nullableLong(event, 7, e.opportunityId);
                    nullableLong(event, 8, e.leadId);
                    nullableLong(event, 9, e.activityId);
                    event.setString(10, e.actorId);
                    event.setObject(11, time(e.occurredAt));
                    event.setString(12, e.payload);
                    nullableLong(event, 13, e.commitNo);
                    event.addBatch();
                }
                event.executeBatch();
            }
        });
    }

    /**
     * Inserts new leads with their contact attempts and duplicate matches.
     *
     * @param session the transaction's session
     * @param leads the rows, their ids set
     */
    static void leads(Session session, List<LeadEntity> leads) {
        session.doWork(c -> {
            try (PreparedStatement lead = c.prepareStatement("insert into crm_lead (id, version, campaign_id,"
                    + " customer_id, prospect_company, prospect_person, prospect_email, prospect_phone, prospect_tax_id,"
                    + " prospect_city, prospect_country, email_key, name_key, keyword, source, owner_id, status,"
                    + " disqualify_reason, opportunity_id, created_by, created_at, updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement attempt = c.prepareStatement("insert into crm_lead_attempt (lead_id, position,"
                            + " attempted_by, attempted_at, text) values (?, ?, ?, ?, ?)");
                    PreparedStatement match = c.prepareStatement("insert into crm_lead_match (lead_id, position,"
                            + " matched_kind, matched_id, score, reasons) values (?, ?, ?, ?, ?, ?)")) {
                int attempts = 0;
                int matches = 0;
                for (LeadEntity e : leads) {
                    lead.setLong(1, e.id);
                    lead.setLong(2, e.version);
                    nullableLong(lead, 3, e.campaignId);
                    nullableLong(lead, 4, e.customerId);
                    lead.setString(5, e.prospectCompany);
                    lead.setString(6, e.prospectPerson);
                    lead.setString(7, e.prospectEmail);
                    lead.setString(8, e.prospectPhone);
                    lead.setString(9, e.prospectTaxId);
                    lead.setString(10, e.prospectCity);
                    lead.setString(11, e.prospectCountry);
                    lead.setString(12, e.emailKey);
                    lead.setString(13, e.nameKey);
                    lead.setString(14, e.keyword);
                    lead.setString(15, e.source);
                    lead.setString(16, e.ownerId);
                    lead.setString(17, e.status.name());
                    lead.setString(18, e.disqualifyReason);
                    nullableLong(lead, 19, e.opportunityId);
                    lead.setString(20, e.createdBy);
                    lead.setObject(21, time(e.createdAt));
                    lead.setObject(22, time(e.updatedAt));
                    lead.addBatch();
                    for (int i = 0; i < e.attempts.size(); i++) {
                        ContactAttemptValue a = e.attempts.get(i);
                        attempt.setLong(1, e.id);
                        attempt.setInt(2, i);
                        attempt.setString(3, a.by);
                        attempt.setObject(4, time(a.at));
                        attempt.setString(5, a.text);
                        attempt.addBatch();
                        attempts++;
                    }
                    for (int i = 0; i < e.matches.size(); i++) {
                        LeadMatchValue m = e.matches.get(i);
                        match.setLong(1, e.id);
                        match.setInt(2, i);
                        match.setString(3, m.kind.name());
                        match.setLong(4, m.matchedId);
                        match.setInt(5, m.score);
                        match.setString(6, m.reasons);
                        match.addBatch();
                        matches++;
                    }
                }
                lead.executeBatch();
                run(attempt, attempts);
                run(match, matches);
            }
        });
        grew(session, "crm_lead", leads.size(), "crm_lead");
    }

    /**
     * Refreshes the statistics of tables a bulk job grew, on PostgreSQL, each time the rows written
     * here since the last refresh have doubled (from {@link #FIRST_ANALYZE} on: 7 times for a
     * million rows). Its autovacuum refreshes them only a minute or more later, and until then the
     * generic plan of a prepared lookup, made when the table was small, stays a sequential scan
     * that compares every row with the batch's hundreds of keys: single batches of an import of
     * 5,000 customers into a new database took 4 to 7 seconds instead of 0.7. H2 refreshes its
     * statistics itself after a number of changes.
     */
    private static void grew(Session session, String table, int rows, String... tables) {
        if (!(JpaTransaction.dialectOf(session) instanceof PostgreSQLDialect)) {
            return;
        }
        long[] state = GROWTH.computeIfAbsent(session.getSessionFactory(), f -> new ConcurrentHashMap<>())
                .computeIfAbsent(table, t -> new long[] {0, FIRST_ANALYZE});
        long written;
        synchronized (state) {
            state[0] += rows;
            written = state[0];
            if (written < state[1]) {
                return;
            }
            state[1] = 2 * written;
        }
        String list = String.join(", ", tables);
        long started = System.nanoTime();
        session.doWork(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("analyze " + list);
            }
        });
        LOG.debug("CRM-JPA-006 Analyzed {} after {} rows written in bulk ({} ms)", list, written,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static void run(PreparedStatement statement, int rows) throws SQLException {
        if (rows > 0) {
            statement.executeBatch();
        }
    }

    private static void address(PreparedStatement s, int first, AddressColumns a) throws SQLException {
        s.setString(first, a == null ? null : a.street);
        s.setString(first + 1, a == null ? null : a.postalCode);
        s.setString(first + 2, a == null ? null : a.city);
        s.setString(first + 3, a == null ? null : a.region);
        s.setString(first + 4, a == null ? null : a.country);
    }

    /**
     * Inserts new sales documents with their lines: one batch per table.
     *
     * @param session the transaction's session
     * @param documents the rows, their ids set
     */
    static void salesDocuments(Session session, List<org.crm4j.sales.store.DocumentRecord> documents) {
        session.doWork(c -> {
            try (PreparedStatement doc = c.prepareStatement("insert into crm_sales_document (id, version, kind,"
                    + " customer_id, currency, ordered_on, invoiced_on, due_on, salesperson_id, net, tax, gross,"
                    + " reverses_id, order_id, opportunity_id, campaign_id, external_system, external_id, received_at,"
                    + " updated_at, bill_name, bill_street, bill_postal_code, bill_city, bill_region, bill_country,"
                    + " bill_phone, ship_name, ship_street, ship_postal_code, ship_city, ship_region, ship_country,"
                    + " ship_phone) values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement line = c.prepareStatement("insert into crm_sales_line (document_id, position,"
                            + " product_code, product_group, description, quantity, unit, unit_price, discount_percent,"
                            + " discount_reason, tax_rate, net_amount, line_cost)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (org.crm4j.sales.store.DocumentRecord d : documents) {
                    doc.setLong(1, d.id());
                    doc.setString(2, d.kind().name());
                    doc.setLong(3, d.customerId());
                    doc.setString(4, d.currency());
                    doc.setObject(5, d.orderedOn());
                    doc.setObject(6, d.invoicedOn());
                    doc.setObject(7, d.dueOn());
                    doc.setString(8, d.salespersonId());
                    doc.setBigDecimal(9, d.net());
                    doc.setBigDecimal(10, d.tax());
                    doc.setBigDecimal(11, d.gross());
                    nullableLong(doc, 12, d.reversesId());
                    nullableLong(doc, 13, d.orderId());
                    nullableLong(doc, 14, d.opportunityId());
                    nullableLong(doc, 15, d.campaignId());
                    doc.setString(16, d.externalRef().system());
                    doc.setString(17, d.externalRef().id());
                    doc.setObject(18, time(d.receivedAt()));
                    doc.setObject(19, time(d.updatedAt()));
                    address(doc, 20, d.billTo());
                    address(doc, 27, d.shipTo());
                    doc.addBatch();
                    java.util.Currency currency = java.util.Currency.getInstance(d.currency());
                    int position = 0;
                    for (org.crm4j.sales.SalesLine l : d.lines()) {
                        SalesLineValue v = SalesLineValue.of(l, currency);
                        line.setLong(1, d.id());
                        line.setInt(2, position++);
                        line.setString(3, v.productCode);
                        line.setString(4, v.productGroup);
                        line.setString(5, v.description);
                        line.setBigDecimal(6, v.quantity);
                        line.setString(7, v.unit);
                        line.setBigDecimal(8, v.unitPrice);
                        line.setBigDecimal(9, v.discountPercent);
                        line.setString(10, v.discountReason);
                        line.setBigDecimal(11, v.taxRate);
                        line.setBigDecimal(12, v.netAmount);
                        line.setBigDecimal(13, v.lineCost);
                        line.addBatch();
                    }
                }
                doc.executeBatch();
                line.executeBatch();
            }
        });
    }

    private static void nullableLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
