package org.crm4j.persistence.jpa;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.crm4j.ConflictException;
import org.crm4j.CrmException;
import org.crm4j.store.ActivityStore;
import org.crm4j.store.CampaignStore;
import org.crm4j.store.ConsentStore;
import org.crm4j.store.CompetitorContractStore;
import org.crm4j.store.ContactStore;
import org.crm4j.store.CustomerStore;
import org.crm4j.store.EventStore;
import org.crm4j.store.LeadStore;
import org.crm4j.store.MailingStore;
import org.crm4j.store.NoteStore;
import org.crm4j.store.NoticeStore;
import org.crm4j.store.OfferStore;
import org.crm4j.store.OpportunityStore;
import org.crm4j.store.PipelineStore;
import org.crm4j.store.ReminderStore;
import org.crm4j.store.RequestStore;
import org.crm4j.store.ServiceStandardStore;
import org.crm4j.store.StoreTransaction;
import org.crm4j.store.Stores;
import org.hibernate.LockMode;
import org.hibernate.Session;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/** The stores of one transaction, all on one Hibernate session. */
final class JpaTransaction implements StoreTransaction {
    /** The stores by their interface, made when first asked. */
    private Stores stores;
    private final Session session;
    private final boolean writable;
    private final OwnerSets ownerSets;
    /** Whether {@link #planWithValues} has set the plan mode for this transaction. */
    private boolean planningWithValues;
    /** The lowest and highest sequence numbers of the events appended in this transaction, or -1. */
    private long firstAppended = -1;
    private long lastAppended = -1;
    /** The commit clock's number this transaction took, or -1. */
    private long commitNo = -1;
    /** How this database is given a long owner list; known once asked. */
    private InList.Lists lists;
    private final JpaCustomerStore customers;
    private final JpaContactStore contacts;
    private final JpaNoteStore notes;
    private final JpaEventStore events;
    private final JpaPipelineStore pipelines;
    private final JpaOpportunityStore opportunities;
    private final JpaOfferStore offers;
    private final JpaCampaignStore campaigns;
    private final JpaLeadStore leads;
    private final JpaActivityStore activities;
    private final JpaConsentStore consents;
    private final JpaMailingStore mailings;
    private final JpaNoticeStore notices;
    private final JpaReminderStore reminders;
    private final JpaCompetitorContractStore competitorContracts;
    private final JpaRequestStore requests;
    private final JpaServiceStandardStore serviceStandards;

    /**
     * @param session the transaction's session; the caller begins and ends the transaction
     * @param writable whether the work may write
     * @param ownerSets the store's long owner sets
     */
    JpaTransaction(Session session, boolean writable, OwnerSets ownerSets) {
        this.session = session;
        this.writable = writable;
        this.ownerSets = ownerSets;
        this.customers = new JpaCustomerStore(this);
        this.contacts = new JpaContactStore(this);
        this.notes = new JpaNoteStore(this);
        this.events = new JpaEventStore(this);
        this.pipelines = new JpaPipelineStore(this);
        this.opportunities = new JpaOpportunityStore(this);
        this.offers = new JpaOfferStore(this);
        this.campaigns = new JpaCampaignStore(this);
        this.leads = new JpaLeadStore(this);
        this.activities = new JpaActivityStore(this);
        this.consents = new JpaConsentStore(this);
        this.mailings = new JpaMailingStore(this);
        this.notices = new JpaNoticeStore(this);
        this.reminders = new JpaReminderStore(this);
        this.competitorContracts = new JpaCompetitorContractStore(this);
        this.requests = new JpaRequestStore(this);
        this.serviceStandards = new JpaServiceStandardStore(this);
    }

    /**
     * Notes events appended in this transaction, for {@link #stampCommit}.
     *
     * @param first the lowest sequence number appended
     * @param last the highest
     */
    void appended(long first, long last) {
        firstAppended = firstAppended < 0 ? first : Math.min(firstAppended, first);
        lastAppended = Math.max(lastAppended, last);
    }

    /** @return the commit clock's next number, or -1 when it has no row */
    private static long tick(java.sql.Connection c, String sql) throws java.sql.SQLException {
        try (java.sql.PreparedStatement tick = c.prepareStatement(sql); java.sql.ResultSet rs = tick.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /**
     * The last work of a transaction that appended events, just before it commits: takes the
     * commit clock's next number (its row stays locked until the commit, so the numbers follow the
     * commit order) and stamps the transaction's events with it (V25). Other transactions' events in
     * the range are not this one's to see until they commit, and carry their own number by then.
     * Events appended with {@link #commitNumber} in hand carry it already.
     */
    void stampCommit() {
        if (lastAppended < 0) {
            return;
        }
        long first = firstAppended;
        long last = lastAppended;
        firstAppended = -1;
        lastAppended = -1;
        long number = commitNumber();
        session.doWork(c -> {
            try (java.sql.PreparedStatement stamp = c.prepareStatement("update crm_event set commit_no = ?"
                    + " where sequence_no between ? and ? and commit_no is null")) {
                stamp.setLong(1, number);
                stamp.setLong(2, first);
                stamp.setLong(3, last);
                stamp.executeUpdate();
            }
        });
    }

    /**
     * Takes this transaction's number of the commit clock, once (the clock's row stays locked until
     * the commit): for events written as the transaction's last statements, which then need no
     * stamp afterwards ({@link JpaEventStore#appendLast}).
     *
     * @return the number
     */
    long commitNumber() {
        if (commitNo >= 0) {
            return commitNo;
        }
        session.flush();
        boolean postgres = dialectOf(session) instanceof PostgreSQLDialect;
        commitNo = session.doReturningWork(c -> {
            String tick = postgres
                    ? "update crm_commit_clock set last_no = last_no + 1 where id = 1 returning last_no"
                    : "select last_no from final table (update crm_commit_clock set last_no = last_no + 1 where id = 1)";
            long number = tick(c, tick);
            if (number < 0) {
                // the clock's row was deleted (a host emptied crm4j's tables): it starts again after the
                // highest commit number kept
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("insert into crm_commit_clock (id, last_no)"
                            + " select 1, coalesce(max(commit_no), 0) from crm_event");
                }
                number = tick(c, tick);
            }
            return number;
        });
        return commitNo;
    }

    public CustomerStore customers() {
        return customers;
    }

    public ContactStore contacts() {
        return contacts;
    }

    public NoteStore notes() {
        return notes;
    }

    public EventStore events() {
        return events;
    }

    public PipelineStore pipelines() {
        return pipelines;
    }

    public OpportunityStore opportunities() {
        return opportunities;
    }

    public OfferStore offers() {
        return offers;
    }

    public CampaignStore campaigns() {
        return campaigns;
    }

    public LeadStore leads() {
        return leads;
    }

    public ActivityStore activities() {
        return activities;
    }

    public ConsentStore consents() {
        return consents;
    }

    public MailingStore mailings() {
        return mailings;
    }

    public NoticeStore notices() {
        return notices;
    }

    public ReminderStore reminders() {
        return reminders;
    }

    public CompetitorContractStore competitorContracts() {
        return competitorContracts;
    }

    public RequestStore requests() {
        return requests;
    }

    public ServiceStandardStore serviceStandards() {
        return serviceStandards;
    }

    /**
     * @param owners a long owner set of need-to-know
     * @return the id under which it is stored, written in this transaction if it was not
     */
    String ownerSet(java.util.Collection<String> owners) {
        return ownerSets.ensure(this, owners);
    }

    /**
     * A customer's hand-over (R28): the records of one kind on the customer in one of the open
     * statuses go to the new owner, each with its version moved on (someone editing one gets a
     * conflict, not a lost change), in one select and one bulk update.
     *
     * @param entity the entity name, with {@code customerId}, {@code status}, {@code ownerId} and {@code version}
     * @param open the statuses of an open record
     * @param customerId the customer
     * @param toOwner the new owner
     * @return the ids of the records moved
     */
    List<Long> reassign(String entity, java.util.Collection<?> open, long customerId, String toOwner) {
        flush();
        List<Long> ids = InList.bind(session.createSelectionQuery(InList.expand("select x.id from " + entity + " x"
                + " where x.customerId = :customer and x.status in :open and x.ownerId <> :to order by x.id", "open",
                open), Long.class), "open", open)
                .setParameter("customer", customerId).setParameter("to", toOwner).getResultList();
        if (!ids.isEmpty()) {
            InList.bind(writing().createMutationQuery(InList.expand("update " + entity + " x set x.ownerId = :to,"
                    + " x.version = x.version + 1 where x.id in :ids", "ids", ids)), "ids", ids)
                    .setParameter("to", toOwner).executeUpdate();
            // the session's copies of the moved records are stale
            session.clear();
        }
        return ids;
    }

    /** @return the session */
    Session session() {
        return session;
    }

    /**
     * @return the session, for a write
     * @throws CrmException when the transaction is read-only
     */
    Session writing() {
        if (!writable) {
            throw new CrmException("Cannot write in a read-only transaction");
        }
        return session;
    }

    /**
     * @param session a session of the adapter
     * @return the dialect of its database
     */
    static Dialect dialectOf(Session session) {
        return session.getSessionFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
    }

    /** @return how this database is best given a long owner list ({@link InList.Lists}) */
    InList.Lists lists() {
        if (lists == null) {
            lists = dialectOf(session) instanceof H2Dialect ? InList.Lists.FILTERED : InList.Lists.INDEXED;
        }
        return lists;
    }

    /**
     * Has PostgreSQL plan the rest of this transaction's statements for the values they are given
     * ({@code plan_cache_mode = force_custom_plan}), once per transaction; nothing on other databases.
     *
     * <p>For the aggregate reports. The driver prepares a statement on the server once it has run a
     * few times, and PostgreSQL then keeps one generic plan for it, made without the values. For a
     * date range that plan assumes a sliver of the table: the cash-flow forecast of a year walked the
     * index on the closing date over all of its 200,000 deals (1.4 s against 0.14 s when planned with
     * the dates; EXPLAIN ANALYZE on crm-benchmarks' {@code large} set), and a long owner list is
     * compared value by value on each row where a custom plan hashes it. A report runs seldom and
     * reads much, so the millisecond of planning per run is well spent.
     */
    void planWithValues() {
        if (planningWithValues || !(dialectOf(session) instanceof PostgreSQLDialect)) {
            return;
        }
        try {
            session.doWork(connection -> {
                try (java.sql.Statement statement = connection.createStatement()) {
                    statement.execute("set local plan_cache_mode = force_custom_plan");
                }
            });
        } catch (RuntimeException e) {
            throw PersistenceExceptionConverter.translate(e);
        }
        planningWithValues = true;
    }

    /**
     * Writes what is pending now, so that a conflict surfaces inside the call that caused it.
     *
     * @throws org.crm4j.ConflictException on a stale version or a broken unique rule
     * @throws CrmException on any other failure
     */
    void flush() {
        try {
            session.flush();
        } catch (RuntimeException e) {
            throw PersistenceExceptionConverter.translate(e);
        }
    }

    /**
     * Writes a change to a versioned entity when the version it was read at is still the stored
     * one. Hibernate's {@code @Version} then guards the commit against a concurrent writer.
     *
     * @param entity the managed entity, or null when it no longer exists
     * @param what the record in words, e.g. {@code customer 42}
     * @param readVersion the version the change was based on
     * @param version reads the entity's version
     * @param copy applies the change to the entity
     * @param flush writes it, translating failures
     * @param <E> the entity type
     * @return the new version, incremented even when nothing differed, as every store's is
     * @throws ConflictException when the entity is gone or its version moved
     */
    <E> long updateVersioned(E entity, String what, long readVersion, ToLongFunction<E> version, Consumer<E> copy,
            Runnable flush) {
        if (entity == null) {
            throw new ConflictException(what + " no longer exists");
        }
        long stored = version.applyAsLong(entity);
        if (stored != readVersion) {
            throw new ConflictException(what + " was changed by someone else (read at version " + readVersion
                    + ", now at " + stored + "); reload it and apply the change again");
        }
        copy.accept(entity);
        flush.run();
        if (version.applyAsLong(entity) == readVersion) {
            writing().lock(entity, LockMode.OPTIMISTIC_FORCE_INCREMENT);
            return readVersion + 1;
        }
        return version.applyAsLong(entity);
    }

    /** @return the stores of this transaction by their interface */
    Stores storeSet() {
        if (stores == null) {
            stores = Stores.builder()
                .add(CustomerStore.class, customers())
                .add(ContactStore.class, contacts())
                .add(NoteStore.class, notes())
                .add(EventStore.class, events())
                .add(PipelineStore.class, pipelines())
                .add(OpportunityStore.class, opportunities())
                .add(OfferStore.class, offers())
                .add(CampaignStore.class, campaigns())
                .add(LeadStore.class, leads())
                .add(ActivityStore.class, activities())
                .add(ConsentStore.class, consents())
                .add(MailingStore.class, mailings())
                .add(NoticeStore.class, notices())
                .add(ReminderStore.class, reminders())
                .add(org.crm4j.sales.store.SalesStore.class, new JpaSalesStore(this))
                .add(org.crm4j.document.store.CustomerDocumentStore.class, new JpaCustomerDocumentStore(this))
                .add(org.crm4j.store.ClientChangeStore.class, new JpaClientChangeStore(this))
                .add(CompetitorContractStore.class, competitorContracts())
                .add(RequestStore.class, requests())
                .add(ServiceStandardStore.class, serviceStandards())
                .add(org.crm4j.store.ReferenceVersionStore.class, new JpaReferenceVersionStore(this))
                .build();
        }
        return stores;
    }

    @Override
    public <S> S store(Class<S> type) {
        return storeSet().get(type);
    }
}
