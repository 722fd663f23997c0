package org.crm4j.persistence.jpa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.crm4j.ConflictException;
import org.crm4j.common.ExternalRef;
import org.crm4j.activity.ActivityStatus;
import org.crm4j.customer.ActivitySummary;
import org.crm4j.customer.CustomerDocument;
import org.crm4j.customer.CustomerDocumentId;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.DocumentOrigin;
import org.crm4j.customer.store.CustomerRecord;
import org.crm4j.customer.store.NoteRecord;
import org.crm4j.customer.store.OwnerChangeRecord;
import org.crm4j.event.DomainEvent;
import org.crm4j.lead.DuplicateMatch;
import org.crm4j.lead.MatchKind;
import org.crm4j.store.CustomerRow;
import org.crm4j.store.CustomerSearch;
import org.crm4j.store.CustomerStore;
import org.crm4j.store.CustomerTimeline;
import org.crm4j.store.DuplicateKeys;
import org.crm4j.store.DuplicateQuery;
import org.crm4j.store.Visibility;
import org.hibernate.LockMode;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/** Customers in the JPA store. Need-to-know is part of every query's WHERE clause. */
final class JpaCustomerStore implements CustomerStore {
    /** The customer with everything it holds, in one select. */
    private static final String FIND = "select c from Customer c left join fetch c.tags left join fetch c.categories"
            + " left join fetch c.externalRefs where c.id = :id";
    /** Many customers with everything they hold, in one select. */
    private static final String FIND_ALL = "select c from Customer c left join fetch c.tags left join fetch c.categories"
            + " left join fetch c.externalRefs where c.id in :ids";

    private static final String NOTE = "note";
    private static final String EVENT = "event";
    private static final String DOCUMENT = "document";
    /** The aggregates of the customer's details whose events show by their record's owner, not a column of the event. */
    private static final String DETAIL_AGGREGATES = "('service', 'sales-document', 'payment', 'document')";
    private final JpaTransaction tx;

    JpaCustomerStore(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public CustomerRecord insert(CustomerRecord customer) {
        Session session = tx.writing();
        CustomerEntity entity = CustomerEntity.of(customer);
        session.persist(entity);
        flushClaiming(customer.externalRefs());
        return customer.withIdentity(entity.id, entity.version);
    }

    @Override
    public CustomerRecord update(CustomerRecord customer) {
        CustomerEntity entity = tx.writing().find(CustomerEntity.class, customer.id());
        Set<ExternalRef> added = new HashSet<>(customer.externalRefs());
        long version = tx.updateVersioned(entity, "customer " + customer.id(), customer.version(), e -> e.version,
                e -> {
                    added.removeAll(e.refs());
                    e.copyFrom(customer);
                }, () -> flushClaiming(added));
        return customer.withIdentity(customer.id(), version);
    }

    /** Inserts the customers with one JDBC batch per table (see {@link BulkInsert}). */
    @Override
    public List<CustomerRecord> insertAll(List<CustomerRecord> customers) {
        if (customers.isEmpty()) {
            return List.of();
        }
        Session session = tx.writing();
        long[] ids = BulkInsert.pooledIds(session, "crm_customer_seq", customers.size());
        List<CustomerEntity> entities = new ArrayList<>(customers.size());
        Set<ExternalRef> refs = new HashSet<>();
        for (int i = 0; i < customers.size(); i++) {
            CustomerEntity entity = CustomerEntity.of(customers.get(i));
            entity.id = ids[i];
            entity.version = 0;
            entities.add(entity);
            refs.addAll(customers.get(i).externalRefs());
        }
        try {
            BulkInsert.customers(session, entities);
        } catch (RuntimeException e) {
            throw claimFailure(e, refs);
        }
        List<CustomerRecord> out = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            out.add(customers.get(i).withIdentity(ids[i], 0));
        }
        return out;
    }

    /**
     * One select on crm_external_ref by the ids alone, on their index (V15), the pairs asked for
     * picked out here: with a condition on the system too, H2 prefers the key led by the system
     * and walks every reference of it.
     */
    @Override
    public Map<ExternalRef, Long> holdersOf(Collection<ExternalRef> refs) {
        Map<ExternalRef, Long> out = new LinkedHashMap<>();
        if (refs.isEmpty()) {
            return out;
        }
        Set<String> ids = new HashSet<>();
        refs.forEach(r -> ids.add(r.id()));
        Set<ExternalRef> wanted = new HashSet<>(refs);
        List<Object[]> rows = InList.bind(tx.session().createNativeQuery(InList.expand(
                        "select external_system, external_id, customer_id"
                        + " from crm_external_ref where external_id in (:ids)", "ids", ids),
                        Object[].class)
                .addSynchronizedQuerySpace("crm_external_ref"), "ids", ids)
                .getResultList();
        for (Object[] row : rows) {
            ExternalRef ref = new ExternalRef((String) row[0], (String) row[1]);
            if (wanted.contains(ref)) {
                out.put(ref, ((Number) row[2]).longValue());
            }
        }
        return out;
    }

    @Override
    public List<CustomerRecord> findAll(Collection<Long> ids, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ids.isEmpty() || ntk.nothing()) {
            return List.of();
        }
        SelectionQuery<CustomerEntity> query = ntk.select(FIND_ALL + " and " + ntk.customerDetails("c"),
                CustomerEntity.class, Map.of("ids", ids));
        return query.getResultList().stream().map(CustomerEntity::toRecord).toList();
    }

    @Override
    public DuplicateKeys presentKeys(DuplicateKeys keys) {
        NeedToKnow ntk = NeedToKnow.of(tx, keys.visibility());
        DuplicateSql.Keys sql = DuplicateSql.presentKeys(keys, ntk);
        if (sql == null) {
            return new DuplicateKeys(Set.of(), Set.of(), Set.of(), Set.of(), keys.visibility());
        }
        var query = ntk.nativeSelect(sql.sql(), Object[].class, sql.parameters())
                .addSynchronizedQuerySpace("crm_customer").addSynchronizedQuerySpace("crm_contact")
                .addSynchronizedQuerySpace("crm_contact_channel");
        Set<String> taxIds = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<String> emails = new HashSet<>();
        Set<String> phones = new HashSet<>();
        for (Object[] row : query.getResultList()) {
            String key = (String) row[1];
            switch (String.valueOf(row[0]).trim()) {
                case "t" -> taxIds.add(key);
                case "n" -> names.add(key);
                case "e" -> emails.add(key);
                default -> phones.add(key);
            }
        }
        return new DuplicateKeys(taxIds, names, emails, phones, keys.visibility());
    }

    /** Flushes, naming the external references in question when one of them is taken. */
    private void flushClaiming(Set<ExternalRef> refs) {
        try {
            tx.session().flush();
        } catch (RuntimeException e) {
            throw claimFailure(e, refs);
        }
    }

    /** A write that failed: a taken external reference as a conflict that names it, else as it is. */
    private static RuntimeException claimFailure(RuntimeException e, Set<ExternalRef> refs) {
        if (PersistenceExceptionConverter.isUniqueViolationOn(e, "crm_external_ref") && !refs.isEmpty()) {
            String names = refs.stream().map(ExternalRef::toString).sorted().collect(Collectors.joining(", "));
            return new ConflictException(refs.size() == 1
                    ? "external reference " + names + " belongs to another customer"
                    : "one of the external references " + names + " belongs to another customer");
        }
        return PersistenceExceptionConverter.translate(e);
    }

    @Override
    public Optional<CustomerRecord> find(long id, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return Optional.empty();
        }
        SelectionQuery<CustomerEntity> query = ntk.select(FIND + " and " + ntk.customerDetails("c"), CustomerEntity.class)
                .setParameter("id", id);
        return query.getResultList().stream().findFirst().map(CustomerEntity::toRecord);
    }

    @Override
    public void lock(long id) {
        tx.session().createSelectionQuery("select c.id from Customer c where c.id = :id", Long.class)
                .setParameter("id", id).setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public boolean exists(long id) {
        return !tx.session().createSelectionQuery("select c.id from Customer c where c.id = :id", Long.class)
                .setParameter("id", id).getResultList().isEmpty();
    }

    @Override
    public List<DuplicateMatch> duplicates(DuplicateQuery query) {
        NeedToKnow ntk = NeedToKnow.of(tx, query.visibility());
        String sql = DuplicateSql.customers(query, ntk);
        if (sql == null) {
            return List.of();
        }
        return DuplicateSql.rows(ntk, sql, query).stream()
                .map(r -> DuplicateMatch.of(MatchKind.CUSTOMER, ((Number) r[0]).longValue(),
                        DuplicateSql.reasons(r, query), (String) r[1], (String) r[2], (String) r[3], (String) r[4]))
                .toList();
    }

    @Override
    public Optional<Long> idByExternalRef(ExternalRef ref) {
        return tx.session().createNativeQuery("select customer_id from crm_external_ref"
                        + " where external_system = :system and external_id = :id", Long.class)
                .addSynchronizedQuerySpace("crm_external_ref")
                .setParameter("system", ref.system())
                .setParameter("id", ref.id())
                .getResultList().stream().findFirst();
    }

    @Override
    public List<CustomerRow> rows(Collection<Long> ids, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ids.isEmpty() || ntk.nothing()) {
            return List.of();
        }
        String hql = "select new " + CustomerRow.class.getName() + "(c.id, c.name, c.taxId, c.address.city,"
                + " c.ownerId, c.status, c.createdAt, true) from Customer c where c.id in :ids and " + ntk.customerDetails("c");
        return ntk.select(hql, CustomerRow.class, Map.of("ids", ids)).getResultList();
    }

    @Override
    public List<CustomerRow> search(CustomerSearch search) {
        // the viewer's need-to-know filters the rows (when the search is not of basic fields) and
        // tells of each row whether the viewer may open it
        NeedToKnow ntk = NeedToKnow.of(tx, search.viewer());
        boolean filtered = NeedToKnow.filters(search.visibility());
        if (filtered && ntk.nothing()) {
            return List.of();
        }
        CustomerSearchQuery translated = new CustomerSearchQuery(search, ntk);
        return ntk.select(translated.hql() + Limits.literal(search.limit()), CustomerRow.class,
                translated.parameters()).getResultList();
    }

    @Override
    public void recordOwnerChange(OwnerChangeRecord change) {
        tx.writing().persist(OwnerChangeEntity.of(change));
    }

    @Override
    public List<OwnerChangeRecord> ownerChanges(long customerId) {
        return tx.session().createSelectionQuery("from OwnerChange o where o.customerId = :customer"
                        + " order by o.changedAt, o.id", OwnerChangeEntity.class)
                .setParameter("customer", customerId)
                .getResultList().stream().map(OwnerChangeEntity::toRecord).toList();
    }

    /**
     * The timeline for an actor who may see only some deals, leads and activities: events about a
     * deal, a lead or an activity only when it is the customer's and visible (R28: its own owner or
     * the customer's covered), and activities by the same rule, in the same statement. The
     * customer's line is tested first, once per row by the customer's key; only an actor outside it
     * has each event's record looked up by its key, and its own owner tested (an "in" list of the
     * customer's visible records was read again for every event by H2).
     */
    private static String visibleTimeline(NeedToKnow ntk, int notes, int events, int activities, int documents) {
        return timeline(notes, events, activities, " and (" + ntk.customerLineOf("customer")
                + " or ((e.opportunityId is null or exists (select 1 from Opportunity o where o.id = e.opportunityId"
                + " and o.customerId = :customer and " + ntk.ownRecord("o.ownerId") + "))"
                + " and (e.leadId is null or exists (select 1 from Lead l where l.id = e.leadId"
                + " and l.customerId = :customer and " + ntk.ownRecord("l.ownerId") + "))"
                + " and (e.activityId is null or exists (select 1 from Activity a where a.id = e.activityId"
                + " and a.customerId = :customer and " + ntk.ownRecord("a.ownerId") + "))"
                // sales records: the salesperson's (a payment's: its invoice's; one on account has none)
                + " and (e.aggregateType not in " + DETAIL_AGGREGATES
                + " or (e.aggregateType = 'service' and exists (select 1 from ServiceContract s"
                + " where s.id = e.aggregateId and s.customerId = :customer and " + ntk.ownRecord("s.salespersonId")
                + "))"
                + " or (e.aggregateType = 'sales-document' and exists (select 1 from SalesDocument d"
                + " where d.id = e.aggregateId and d.customerId = :customer and " + ntk.ownRecord("d.salespersonId")
                + "))"
                + " or (e.aggregateType = 'payment' and exists (select 1 from Payment p join SalesDocument pd"
                + " on pd.id = p.invoiceId where p.id = e.aggregateId and p.customerId = :customer and "
                + ntk.ownRecord("pd.salespersonId") + "))"
                + " or (e.aggregateType = 'document' and exists (select 1 from KeptDocument kd"
                + " where kd.id = e.aggregateId and kd.customerId = :customer and " + ntk.ownRecord("kd.ownerId")
                + ")))))",
                " where a.customerId = :customer and " + ntk.recordOf("a.ownerId", "customer"), documents,
                " where d.customerId = :customer and " + ntk.recordOf("d.ownerId", "customer"));
    }

    /**
     * The customer card's notes, history and activities in one statement: each part ordered and
     * limited on its own, then put together with a common column shape (kind, id or sequence,
     * time, actor or owner, text or data or outcome, then the event's type, aggregate type,
     * aggregate id and id as text, which an activity fills with its type, status, deal and
     * direction, and an activity's end and lead, null for the others; the event id as text, since
     * HQL casts no null to a UUID). The limits are written into the text ({@link Limits}).
     *
     * @param eventCondition a condition on the events, starting with " and ", or empty
     * @param activityWhere the where clause of the activities, or null for no activities
     */
    private static String timeline(int notes, int events, int activities, String eventCondition,
            String activityWhere, int documents, String documentWhere) {
        // one select around the union: H2 keeps a parsed union for no second use, but a select it does
        return "select t.kind, t.id, t.at, t.actor, t.body, t.c5, t.c6, t.c7, t.c8, t.c9, t.c10, t.c11, t.c12 from ("
                + "(select '" + NOTE + "' as kind, n.id as id, n.createdAt as at, n.authorId as actor, n.text as body,"
                + " cast(null as String) as c5, cast(null as String) as c6, cast(null as Long) as c7,"
                + " cast(null as String) as c8, cast(null as Instant) as c9, cast(null as Long) as c10,"
                + " cast(null as String) as c11, cast(null as String) as c12"
                + " from Note n where n.customerId = :customer order by n.createdAt desc, n.id desc" + Limits.literal(notes) + ")"
                + " union all"
                + " (select '" + EVENT + "', e.sequence, e.occurredAt, e.actorId, e.payload,"
                + " e.type, e.aggregateType, e.aggregateId, cast(e.eventId as String),"
                + " cast(null as Instant), cast(null as Long), cast(null as String), cast(null as String)"
                + " from OutboxEvent e where e.customerId = :customer" + eventCondition
                + " order by e.sequence desc" + Limits.literal(events) + ")"
                + (activityWhere == null ? "" : " union all"
                + " (select 'activity', a.id, a.startsAt, a.ownerId, a.outcome,"
                + " cast(a.type as String), cast(a.status as String), a.opportunityId, cast(a.direction as String),"
                + " a.endsAt, a.leadId, cast(null as String), cast(null as String)"
                + " from Activity a" + activityWhere + " order by a.startsAt desc, a.id desc" + Limits.literal(activities) + ")")
                + (documentWhere == null ? "" : " union all"
                + " (select '" + DOCUMENT + "', d.id, d.keptAt, d.ownerId, d.title,"
                + " cast(d.origin as String), d.mediaType, d.size, d.fileName, cast(null as Instant), d.sourceId,"
                + " d.sha256, d.keptBy"
                + " from KeptDocument d" + documentWhere + " order by d.keptAt desc, d.id desc"
                + Limits.literal(documents) + ")")
                + ") t";
    }

    @Override
    public CustomerTimeline timeline(long customerId, int noteLimit, int eventLimit, int activityLimit,
            int documentLimit, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        // an actor who sees everything gets every event, activity and document; one who may see no
        // deal, lead, activity, sales record or document at all gets no event about any, and none of them
        String hql = ntk.everything()
                ? timeline(noteLimit, eventLimit, activityLimit, "", " where a.customerId = :customer",
                        documentLimit, " where d.customerId = :customer")
                : ntk.nothing()
                        ? timeline(noteLimit, eventLimit, activityLimit,
                                " and e.opportunityId is null and e.leadId is null and e.activityId is null"
                                        + " and e.aggregateType not in " + DETAIL_AGGREGATES, null, documentLimit, null)
                        : visibleTimeline(ntk, noteLimit, eventLimit, activityLimit, documentLimit);
        List<Object[]> rows = ntk.select(hql, Object[].class).setParameter("customer", customerId).getResultList();
        List<Object[]> notes = new ArrayList<>();
        List<Object[]> events = new ArrayList<>();
        List<Object[]> activities = new ArrayList<>();
        List<Object[]> documents = new ArrayList<>();
        for (Object[] row : rows) {
            (NOTE.equals(row[0]) ? notes : EVENT.equals(row[0]) ? events : DOCUMENT.equals(row[0]) ? documents
                    : activities).add(row);
        }
        documents.sort(Comparator.comparing((Object[] r) -> (Instant) r[2]).thenComparing(r -> (Long) r[1]).reversed());
        notes.sort(Comparator.comparing((Object[] r) -> (Instant) r[2]).thenComparing(r -> (Long) r[1]).reversed());
        events.sort(Comparator.comparing((Object[] r) -> (Long) r[1]).reversed());
        activities.sort(Comparator.comparing((Object[] r) -> (Instant) r[2]).thenComparing(r -> (Long) r[1])
                .reversed());
        return new CustomerTimeline(
                notes.stream().map(r -> new NoteRecord((Long) r[1], customerId, (String) r[3], (String) r[4],
                        (Instant) r[2])).toList(),
                events.stream().map(r -> new DomainEvent(UUID.fromString((String) r[8]), (String) r[5], (String) r[6], (Long) r[7],
                        customerId, (String) r[3], (Instant) r[2], EventJson.readData((String) r[4]))).toList(),
                activities.stream().map(r -> new ActivitySummary((Long) r[1], (String) r[5], (String) r[8],
                        ActivityStatus.DONE.name().equals(r[6]), (String) r[3], (Instant) r[2], (Instant) r[9],
                        (String) r[4], (Long) r[7], (Long) r[10])).toList(),
                documents.stream().map(r -> new CustomerDocument(CustomerDocumentId.of((Long) r[1]),
                        CustomerId.of(customerId), DocumentOrigin.valueOf((String) r[5]), (Long) r[10], (String) r[4],
                        (String) r[8], (String) r[6], (Long) r[7], (String) r[11], (String) r[3], (String) r[12],
                        (Instant) r[2])).toList());
    }
}
