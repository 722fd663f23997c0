package org.crm4j.persistence.memory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.crm4j.ConflictException;
import org.crm4j.CrmException;
import org.crm4j.activity.ActivityRecord;
import org.crm4j.activity.ActivityStatus;
import org.crm4j.activity.FirstContactKind;
import org.crm4j.activity.FirstContactRecord;
import org.crm4j.activity.ScheduleCount;
import org.crm4j.campaign.CampaignRecord;
import org.crm4j.campaign.CostEntry;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.NameKeys;
import org.crm4j.customer.ActivitySummary;
import org.crm4j.customer.ChannelType;
import org.crm4j.customer.CompetitorContract;
import org.crm4j.customer.CompetitorContractId;
import org.crm4j.customer.Consent;
import org.crm4j.customer.ContactChannel;
import org.crm4j.customer.ContactRecord;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.CustomerRecord;
import org.crm4j.customer.CustomerSort;
import org.crm4j.customer.CustomerStatus;
import org.crm4j.customer.NoteRecord;
import org.crm4j.customer.OpportunitySummary;
import org.crm4j.customer.OwnerChangeRecord;
import org.crm4j.customer.Purpose;
import org.crm4j.customer.Unsubscription;
import org.crm4j.event.DomainEvent;
import org.crm4j.activity.ActivityRecord;
import org.crm4j.activity.ActivityStatus;
import org.crm4j.activity.ActivityType;
import org.crm4j.activity.RequestRecord;
import org.crm4j.activity.RequestStatus;
import org.crm4j.activity.FirstContactKind;
import org.crm4j.activity.FirstContactRecord;
import org.crm4j.lead.DuplicateMatch;
import org.crm4j.lead.LeadRecord;
import org.crm4j.lead.LeadStatus;
import org.crm4j.lead.MatchKind;
import org.crm4j.lead.MatchReason;
import org.crm4j.lead.Prospect;
import org.crm4j.mailing.MailingRecord;
import org.crm4j.mailing.RecipientRecord;
import org.crm4j.mailing.RecipientStatus;
import org.crm4j.notify.Notice;
import org.crm4j.notify.NoticeId;
import org.crm4j.pipeline.OfferRecord;
import org.crm4j.pipeline.OfferStatus;
import org.crm4j.pipeline.OpportunityRecord;
import org.crm4j.pipeline.OpportunityStatus;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.PipelineId;
import org.crm4j.pipeline.SalesOrderRecord;
import org.crm4j.pipeline.StageChange;
import org.crm4j.spi.ActivityStore;
import org.crm4j.spi.CampaignCostRow;
import org.crm4j.spi.CampaignHead;
import org.crm4j.spi.CampaignStore;
import org.crm4j.spi.ClaimedDelivery;
import org.crm4j.spi.CompetitorContractStore;
import org.crm4j.spi.ConsentStore;
import org.crm4j.spi.ContactStore;
import org.crm4j.spi.CrmStore;
import org.crm4j.spi.CustomerRow;
import org.crm4j.spi.CustomerSearch;
import org.crm4j.spi.CustomerStore;
import org.crm4j.spi.CustomerTimeline;
import org.crm4j.spi.DeliveryResult;
import org.crm4j.spi.DeliveryState;
import org.crm4j.spi.DueReminder;
import org.crm4j.spi.DuplicateKeys;
import org.crm4j.spi.DuplicateQuery;
import org.crm4j.spi.EndingContract;
import org.crm4j.spi.EventStore;
import org.crm4j.spi.FirstContactCountRow;
import org.crm4j.spi.FirstContactSelection;
import org.crm4j.spi.ForecastGrouping;
import org.crm4j.spi.ForecastRow;
import org.crm4j.spi.ForecastSelection;
import org.crm4j.spi.Keyset;
import org.crm4j.spi.ActivityStore;
import org.crm4j.spi.EscalationRow;
import org.crm4j.spi.LateRequestsRow;
import org.crm4j.spi.OwnerCount;
import org.crm4j.spi.RequestStore;
import org.crm4j.spi.ServiceStandardRow;
import org.crm4j.spi.ServiceStandardStore;
import org.crm4j.spi.StoredRequest;
import org.crm4j.spi.LeadFunnelRow;
import org.crm4j.spi.LeadStore;
import org.crm4j.spi.MailingStore;
import org.crm4j.spi.NoteStore;
import org.crm4j.spi.NoticeDraft;
import org.crm4j.spi.NoticeStore;
import org.crm4j.spi.OfferStore;
import org.crm4j.spi.OpportunityStore;
import org.crm4j.spi.PipelineStore;
import org.crm4j.spi.RecipientCandidate;
import org.crm4j.spi.RecipientCount;
import org.crm4j.spi.ReminderStore;
import org.crm4j.spi.ScheduleSelection;
import org.crm4j.spi.StageTotalRow;
import org.crm4j.spi.StallMark;
import org.crm4j.spi.StallQuery;
import org.crm4j.spi.StalledRow;
import org.crm4j.spi.StoreTransaction;
import org.crm4j.spi.StoredEvent;
import org.crm4j.spi.Visibility;
import org.crm4j.spi.WonRevenueRow;

/**
 * Keeps every record in maps. Transactions are serialised by a read-write lock: one writer at a
 * time, readers in parallel; a writer's changes are undone when its work throws, so a failed
 * operation leaves nothing behind, as in a database.
 */
final class MemoryStore implements CrmStore {
    private static final Comparator<DuplicateMatch> BEST_FIRST =
            Comparator.comparingInt(DuplicateMatch::score).reversed().thenComparingLong(DuplicateMatch::id);
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<Long, CustomerRecord> customers = new TreeMap<>();
    private final Map<ExternalRef, Long> refs = new HashMap<>();
    private final TreeMap<Long, ContactRecord> contacts = new TreeMap<>();
    private final TreeMap<Long, NoteRecord> notes = new TreeMap<>();
    private final List<OwnerChangeRecord> ownerChanges = new ArrayList<>();
    private final TreeMap<Long, Outboxed> events = new TreeMap<>();
    private final TreeMap<Long, Pipeline> pipelines = new TreeMap<>();
    private final TreeMap<Long, OpportunityRecord> opportunities = new TreeMap<>();
    private final List<StageChange> stageChanges = new ArrayList<>();
    private final TreeMap<Long, OfferRecord> offers = new TreeMap<>();
    private final TreeMap<Long, SalesOrderRecord> orders = new TreeMap<>();
    private final TreeMap<Long, CampaignRecord> campaigns = new TreeMap<>();
    private final TreeMap<Long, LeadRecord> leads = new TreeMap<>();
    private final TreeMap<Long, ActivityRecord> activities = new TreeMap<>();
    /** The first-contact ledger, by salesperson, customer and kind. */
    private final Map<List<Object>, FirstContactRecord> firstContacts = new HashMap<>();
    /** Each deal's last activity: its latest change, never moving backwards. */
    private final Map<Long, Instant> lastActivity = new HashMap<>();
    /** Which stall of a deal was announced. */
    private final Map<Long, StallMark> stalls = new HashMap<>();
    /** Consents by (contact id, purpose code). */
    private final Map<List<Object>, Consent> consents = new HashMap<>();
    private final Map<Long, Unsubscription> unsubscriptions = new HashMap<>();
    private final TreeMap<Long, MailingRecord> mailings = new TreeMap<>();
    private final TreeMap<Long, RecipientRecord> recipients = new TreeMap<>();
    /** Recipient ids by (mailing id, recipient key): the unique rule. */
    private final Map<List<Object>, Long> recipientKeys = new HashMap<>();
    /** Notices by id, and their ids by key and recipient (the database's unique rule). */
    private final TreeMap<Long, Notice> notices = new TreeMap<>();
    private final Map<List<String>, Long> noticeKeys = new HashMap<>();
    private final TreeMap<Long, Delivery> deliveries = new TreeMap<>();
    /** Reminders of planned activities, by activity. */
    private final Map<Long, Reminder> reminders = new HashMap<>();
    private final TreeMap<Long, CompetitorContract> competitorContracts = new TreeMap<>();
    /** Each request's state beside its activity, by the activity's id. */
    private final TreeMap<Long, RequestRecord> requests = new TreeMap<>();
    /** The service standards, by id; one per kind and scope. */
    private final TreeMap<Long, ServiceStandardRow> standards = new TreeMap<>();
    private long nextId = 1;
    private volatile boolean closed;

    /** The delivery of a notice through one channel. */
    private record Delivery(long id, long noticeId, String channel, DeliveryState state, int attempts, String token,
            Instant leaseUntil, Instant sentAt, String error) {
    }

    /** An activity's reminder. */
    private record Reminder(long version, Instant remindAt) {
    }

    /** An event with its delivery state. */
    private record Outboxed(DomainEvent event, Instant deliveredAt, int attempts, String lastError) {
    }

    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        checkOpen();
        lock.writeLock().lock();
        Tx tx = new Tx(true);
        try {
            return work.apply(tx);
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public <T> T readOnly(Function<StoreTransaction, T> work) {
        checkOpen();
        lock.readLock().lock();
        try {
            return work.apply(new Tx(false));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public String description() {
        return "in memory";
    }

    @Override
    public void close() {
        closed = true;
    }

    /**
     * @return the stored record, when it still has the version a change was based on
     * @throws ConflictException when it is gone or its version moved, as the database adapter says it
     */
    private static <R> R current(R stored, ToLongFunction<R> version, long readVersion, String what) {
        if (stored == null) {
            throw new ConflictException(what + " no longer exists");
        }
        if (version.applyAsLong(stored) != readVersion) {
            throw new ConflictException(what + " was changed by someone else (read at version " + readVersion
                    + ", now at " + version.applyAsLong(stored) + "); reload it and apply the change again");
        }
        return stored;
    }

    private void checkOpen() {
        if (closed) {
            throw new CrmException("The in-memory store is closed");
        }
    }

    /** One transaction: writes are recorded with how to undo them. */
    private final class Tx implements StoreTransaction, CustomerStore, ContactStore, NoteStore, EventStore {
        private final boolean writable;
        private final Deque<Runnable> undo = new ArrayDeque<>();
        private final PipelineStore pipelineStore = new Pipelines();
        private final OpportunityStore opportunityStore = new Opportunities();
        private final OfferStore offerStore = new Offers();
        private final CampaignStore campaignStore = new Campaigns();
        private final LeadStore leadStore = new Leads();
        private final ActivityStore activityStore = new Activities();
        private final ConsentStore consentStore = new Consents();
        private final MailingStore mailingStore = new Mailings();
        private final NoticeStore noticeStore = new Notices();
        private final ReminderStore reminderStore = new Reminders();
        private final CompetitorContractStore competitorContractStore = new CompetitorContracts();
        private final RequestStore requestStore = new Requests();
        private final ServiceStandardStore standardStore = new ServiceStandards();

        Tx(boolean writable) {
            this.writable = writable;
        }

        void rollback() {
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
        }

        private void checkWritable() {
            if (!writable) {
                throw new CrmException("Cannot write in a read-only transaction");
            }
        }

        private <K, V> void put(Map<K, V> map, K key, V value) {
            checkWritable();
            V old = map.put(key, value);
            undo.push(() -> {
                if (old == null) {
                    map.remove(key);
                } else {
                    map.put(key, old);
                }
            });
        }

        /**
         * Writes a changed record at the next version, when the stored one still has the version
         * the change was read at.
         */
        private <R> R replaceVersioned(Map<Long, R> map, long id, long readVersion, ToLongFunction<R> version,
                String what, LongFunction<R> atVersion) {
            checkWritable();
            current(map.get(id), version, readVersion, what);
            R stored = atVersion.apply(readVersion + 1);
            put(map, id, stored);
            return stored;
        }

        private <K, V> void remove(Map<K, V> map, K key) {
            checkWritable();
            V old = map.remove(key);
            if (old != null) {
                undo.push(() -> map.put(key, old));
            }
        }

        private long newId() {
            long saved = nextId;
            undo.push(() -> nextId = saved);
            return nextId++;
        }

        @Override
        public CustomerStore customers() {
            return this;
        }

        @Override
        public ContactStore contacts() {
            return this;
        }

        @Override
        public NoteStore notes() {
            return this;
        }

        @Override
        public EventStore events() {
            return this;
        }

        @Override
        public PipelineStore pipelines() {
            return pipelineStore;
        }

        @Override
        public OpportunityStore opportunities() {
            return opportunityStore;
        }

        @Override
        public OfferStore offers() {
            return offerStore;
        }

        @Override
        public CampaignStore campaigns() {
            return campaignStore;
        }

        @Override
        public LeadStore leads() {
            return leadStore;
        }

        @Override
        public ActivityStore activities() {
            return activityStore;
        }

        @Override
        public ConsentStore consents() {
            return consentStore;
        }

        @Override
        public MailingStore mailings() {
            return mailingStore;
        }

        @Override
        public NoticeStore notices() {
            return noticeStore;
        }

        @Override
        public ReminderStore reminders() {
            return reminderStore;
        }

        @Override
        public CompetitorContractStore competitorContracts() {
            return competitorContractStore;
        }

        /**
         * Notices, deliveries and the inbox. Writers run one at a time, so a claim is simply a
         * change of the pending rows nobody holds; the rules are the database adapter's.
         */
        private final class Notices implements NoticeStore {
            private static final Comparator<Notice> LATEST_FIRST = Comparator.comparing(Notice::inboxAt)
                    .thenComparingLong(n -> n.id().value()).reversed();

            @Override
            public Map<String, Set<String>> recipientsByKey(Collection<String> keys) {
                Set<String> wanted = new HashSet<>(keys);
                Map<String, Set<String>> found = new HashMap<>();
                noticeKeys.keySet().stream().filter(k -> wanted.contains(k.get(0)))
                        .forEach(k -> found.computeIfAbsent(k.get(0), x -> new HashSet<>()).add(k.get(1)));
                return found;
            }

            @Override
            public Notice insert(NoticeDraft d, Collection<String> channels) {
                checkWritable();
                List<String> key = List.of(d.key(), d.recipientId());
                if (noticeKeys.containsKey(key)) {
                    throw new ConflictException("notice " + d.key() + " for '" + d.recipientId() + "' exists already");
                }
                long id = newId();
                Notice notice = new Notice(NoticeId.of(id), d.key(), d.kind(), d.recipientId(), d.customerId(),
                        d.subject(), d.body(), d.values(), d.createdAt(), null, null);
                put(notices, id, notice);
                put(noticeKeys, key, id);
                for (String channel : channels) {
                    long deliveryId = newId();
                    put(deliveries, deliveryId, new Delivery(deliveryId, id, channel, DeliveryState.PENDING, 0, null,
                            null, null, null));
                }
                return notice;
            }

            @Override
            public List<ClaimedDelivery> claim(Collection<String> channels, Instant now, Instant leaseUntil,
                    String token, int limit) {
                checkWritable();
                List<Delivery> claimable = deliveries.values().stream()
                        .filter(d -> d.state() == DeliveryState.PENDING && channels.contains(d.channel()))
                        .filter(d -> d.leaseUntil() == null || !d.leaseUntil().isAfter(now))
                        .limit(limit).toList();
                List<ClaimedDelivery> claimed = new ArrayList<>(claimable.size());
                for (Delivery d : claimable) {
                    put(deliveries, d.id(), new Delivery(d.id(), d.noticeId(), d.channel(), d.state(), d.attempts(),
                            token, leaseUntil, d.sentAt(), d.error()));
                    claimed.add(new ClaimedDelivery(d.id(), d.channel(), d.attempts(), notices.get(d.noticeId())));
                }
                return claimed;
            }

            @Override
            public Set<Long> finish(List<DeliveryResult> results, String token, Instant at) {
                checkWritable();
                Set<Long> recorded = new java.util.LinkedHashSet<>();
                for (DeliveryResult result : results) {
                    Delivery d = deliveries.get(result.id());
                    if (d == null || !token.equals(d.token())) {
                        continue;
                    }
                    boolean failed = result.state() == DeliveryState.PENDING
                            || result.state() == DeliveryState.FAILED;
                    put(deliveries, d.id(), new Delivery(d.id(), d.noticeId(), d.channel(), result.state(),
                            d.attempts() + (failed ? 1 : 0), null, result.retryAt(),
                            result.state() == DeliveryState.SENT ? at : null, result.error()));
                    recorded.add(d.id());
                }
                return recorded;
            }

            @Override
            public void putInInbox(Collection<Long> noticeIds, Instant at) {
                for (long noticeId : noticeIds) {
                    Notice n = notices.get(noticeId);
                    if (n != null && n.inboxAt() == null) {
                        put(notices, noticeId, new Notice(n.id(), n.key(), n.kind(), n.recipientId(), n.customerId(),
                                n.subject(), n.body(), n.values(), n.createdAt(), at, n.readAt()));
                    }
                }
            }

            @Override
            public Optional<Notice> find(long id, String recipientId) {
                return Optional.ofNullable(notices.get(id))
                        .filter(n -> n.recipientId().equals(recipientId) && n.inboxAt() != null);
            }

            @Override
            public List<Notice> inbox(String recipientId, Keyset after, int limit) {
                return notices.values().stream()
                        .filter(n -> n.recipientId().equals(recipientId) && n.inboxAt() != null)
                        .filter(n -> after == null || n.inboxAt().isBefore((Instant) after.sortValue())
                                || n.inboxAt().equals(after.sortValue()) && n.id().value() < after.id())
                        .sorted(LATEST_FIRST).limit(limit).toList();
            }

            @Override
            public long unreadCount(String recipientId) {
                return notices.values().stream().filter(n -> n.recipientId().equals(recipientId)
                        && n.inboxAt() != null && n.readAt() == null).count();
            }

            @Override
            public boolean markRead(long id, String recipientId, Instant readAt) {
                Notice n = notices.get(id);
                if (n == null || !n.recipientId().equals(recipientId) || n.inboxAt() == null) {
                    return false;
                }
                Instant read = readAt == null ? null : n.readAt() != null ? n.readAt() : readAt;
                put(notices, id, new Notice(n.id(), n.key(), n.kind(), n.recipientId(), n.customerId(), n.subject(),
                        n.body(), n.values(), n.createdAt(), n.inboxAt(), read));
                return true;
            }
        }

        /** Reminders beside their activities. */
        private final class Reminders implements ReminderStore {
            @Override
            public void set(long activityId, Instant remindAt) {
                Reminder old = reminders.get(activityId);
                put(reminders, activityId, new Reminder(old == null ? 1 : old.version() + 1, remindAt));
            }

            @Override
            public void clear(long activityId) {
                remove(reminders, activityId);
            }

            @Override
            public Optional<Instant> find(long activityId) {
                return Optional.ofNullable(reminders.get(activityId)).map(Reminder::remindAt);
            }

            @Override
            public List<DueReminder> due(Instant now, int limit) {
                return reminders.entrySet().stream()
                        .filter(e -> !e.getValue().remindAt().isAfter(now))
                        .filter(e -> activities.get(e.getKey()).status() == ActivityStatus.PLANNED)
                        .filter(e -> noticeKeys.keySet().stream().noneMatch(k -> k.get(0).equals(
                                DueReminder.noticeKey(e.getKey(), e.getValue().version()))))
                        .sorted(Comparator.comparing((Map.Entry<Long, Reminder> e) -> e.getValue().remindAt())
                                .thenComparing(Map.Entry::getKey))
                        .limit(limit)
                        .map(e -> {
                            ActivityRecord a = activities.get(e.getKey());
                            return new DueReminder(a, e.getValue().remindAt(), e.getValue().version(),
                                    customers.get(a.customerId()).name());
                        })
                        .toList();
            }
        }

        /** Contracts with competitors; need-to-know by the customer's owner. */
        private final class CompetitorContracts implements CompetitorContractStore {
            private static final Comparator<CompetitorContract> SOONEST_FIRST = Comparator
                    .comparing(CompetitorContract::endsOn).thenComparingLong(c -> c.id().value());

            @Override
            public CompetitorContract insert(long customerId, String supplier, String product, LocalDate endsOn,
                    String note, String createdBy, Instant createdAt) {
                checkWritable();
                long id = newId();
                CompetitorContract c = new CompetitorContract(CompetitorContractId.of(id), CustomerId.of(customerId),
                        supplier, product, endsOn, note, createdBy, createdAt);
                put(competitorContracts, id, c);
                return c;
            }

            private boolean visible(CompetitorContract c, Visibility visibility) {
                CustomerRecord customer = customers.get(c.customerId().value());
                return customer != null && visibility.covers(customer.ownerId());
            }

            @Override
            public List<CompetitorContract> ofCustomer(long customerId, Visibility visibility) {
                return competitorContracts.values().stream().filter(c -> c.customerId().value() == customerId)
                        .filter(c -> visible(c, visibility)).sorted(SOONEST_FIRST).toList();
            }

            @Override
            public Optional<CompetitorContract> find(long id, Visibility visibility) {
                return Optional.ofNullable(competitorContracts.get(id)).filter(c -> visible(c, visibility));
            }

            @Override
            public boolean exists(long id) {
                return competitorContracts.containsKey(id);
            }

            @Override
            public void delete(long id) {
                remove(competitorContracts, id);
            }

            @Override
            public List<EndingContract> ending(LocalDate from, LocalDate until, int limit) {
                return competitorContracts.values().stream()
                        .filter(c -> !c.endsOn().isBefore(from) && !c.endsOn().isAfter(until))
                        .filter(c -> customers.get(c.customerId().value()).status() == CustomerStatus.ACTIVE)
                        .filter(c -> noticeKeys.keySet().stream().noneMatch(k -> k.get(0).equals(
                                EndingContract.noticeKey(c.id().value()))))
                        .sorted(SOONEST_FIRST).limit(limit)
                        .map(c -> {
                            CustomerRecord customer = customers.get(c.customerId().value());
                            return new EndingContract(c, customer.name(), customer.ownerId());
                        })
                        .toList();
            }
        }

        @Override
        public RequestStore requests() {
            return requestStore;
        }

        @Override
        public ServiceStandardStore serviceStandards() {
            return standardStore;
        }

        // ---- customers

        @Override
        public CustomerRecord insert(CustomerRecord customer) {
            checkWritable();
            CustomerRecord stored = customer.withIdentity(newId(), 0);
            claimRefs(stored, null);
            put(customers, stored.id(), stored);
            return stored;
        }

        @Override
        public CustomerRecord update(CustomerRecord customer) {
            checkWritable();
            CustomerRecord current = current(customers.get(customer.id()), CustomerRecord::version, customer.version(),
                    "customer " + customer.id());
            CustomerRecord stored = customer.withIdentity(customer.id(), customer.version() + 1);
            claimRefs(stored, current);
            put(customers, stored.id(), stored);
            return stored;
        }

        private void claimRefs(CustomerRecord customer, CustomerRecord previous) {
            for (ExternalRef ref : customer.externalRefs()) {
                Long holder = refs.get(ref);
                if (holder != null && holder != customer.id()) {
                    throw new ConflictException("external reference " + ref + " belongs to another customer");
                }
            }
            if (previous != null) {
                for (ExternalRef ref : previous.externalRefs()) {
                    if (!customer.externalRefs().contains(ref)) {
                        remove(refs, ref);
                    }
                }
            }
            for (ExternalRef ref : customer.externalRefs()) {
                if (!refs.containsKey(ref)) {
                    put(refs, ref, customer.id());
                }
            }
        }

        @Override
        public Optional<CustomerRecord> find(long id, Visibility visibility) {
            return Optional.ofNullable(customers.get(id)).filter(c -> visibility.covers(c.ownerId()));
        }

        @Override
        public void lock(long id) {
            // write transactions are serialised by the store's lock already
        }

        @Override
        public boolean exists(long id) {
            return customers.containsKey(id);
        }

        @Override
        public Optional<Long> idByExternalRef(ExternalRef ref) {
            return Optional.ofNullable(refs.get(ref));
        }

        @Override
        public List<CustomerRow> rows(Collection<Long> ids, Visibility visibility) {
            return ids.stream().distinct().map(customers::get).filter(Objects::nonNull)
                    .filter(c -> visibility.covers(c.ownerId())).map(Tx::row).toList();
        }

        private static void reason(Map<Long, EnumSet<MatchReason>> found, long id, MatchReason reason) {
            found.computeIfAbsent(id, k -> EnumSet.noneOf(MatchReason.class)).add(reason);
        }

        @Override
        public List<DuplicateMatch> duplicates(DuplicateQuery query) {
            Map<Long, EnumSet<MatchReason>> found = new TreeMap<>();
            for (CustomerRecord c : customers.values()) {
                if (query.taxId() != null && query.taxId().equals(c.taxId())) {
                    reason(found, c.id(), MatchReason.TAX_ID);
                }
                if (query.nameKey() != null && query.nameKey().equals(NameKeys.normalize(c.name()))) {
                    reason(found, c.id(), query.nameReason());
                }
            }
            for (ContactRecord contact : contacts.values()) {
                CustomerRecord c = customers.get(contact.customerId());
                if (!query.visibility().covers(c.ownerId())) {
                    continue;
                }
                for (ContactChannel channel : contact.channels()) {
                    if (channel.type() == ChannelType.EMAIL && query.email() != null
                            && query.email().equals(channel.value().toLowerCase(Locale.ROOT))) {
                        reason(found, c.id(), MatchReason.EMAIL);
                    } else if (channel.type() == ChannelType.PHONE && channel.value().equals(query.phone())) {
                        reason(found, c.id(), MatchReason.PHONE);
                    }
                }
            }
            return found.entrySet().stream().map(e -> {
                CustomerRecord c = customers.get(e.getKey());
                return DuplicateMatch.of(MatchKind.CUSTOMER, c.id(), e.getValue(), c.name(), c.taxId(), c.city(),
                        c.ownerId());
            }).sorted(BEST_FIRST).limit(query.limit()).toList();
        }

        @Override
        public Map<ExternalRef, Long> holdersOf(Collection<ExternalRef> wanted) {
            Map<ExternalRef, Long> out = new HashMap<>();
            for (ExternalRef ref : wanted) {
                Long holder = refs.get(ref);
                if (holder != null) {
                    out.put(ref, holder);
                }
            }
            return out;
        }

        @Override
        public List<CustomerRecord> findAll(Collection<Long> ids, Visibility visibility) {
            return ids.stream().distinct().map(customers::get).filter(Objects::nonNull)
                    .filter(c -> visibility.covers(c.ownerId())).toList();
        }

        @Override
        public List<CustomerRecord> insertAll(List<CustomerRecord> list) {
            return list.stream().map(this::insert).toList();
        }

        /** One pass over the customers and one over the contacts, as the SQL store's one statement. */
        @Override
        public DuplicateKeys presentKeys(DuplicateKeys keys) {
            Set<String> taxIds = new HashSet<>();
            Set<String> names = new HashSet<>();
            Set<String> emails = new HashSet<>();
            Set<String> phones = new HashSet<>();
            for (CustomerRecord c : customers.values()) {
                if (c.taxId() != null && keys.taxIds().contains(c.taxId())) {
                    taxIds.add(c.taxId());
                }
                String name = NameKeys.normalize(c.name());
                if (name != null && keys.nameKeys().contains(name)) {
                    names.add(name);
                }
            }
            if (!keys.emails().isEmpty() || !keys.phones().isEmpty()) {
                for (ContactRecord contact : contacts.values()) {
                    if (!keys.visibility().covers(customers.get(contact.customerId()).ownerId())) {
                        continue;
                    }
                    for (ContactChannel channel : contact.channels()) {
                        String email = channel.value().toLowerCase(Locale.ROOT);
                        if (channel.type() == ChannelType.EMAIL && keys.emails().contains(email)) {
                            emails.add(email);
                        } else if (channel.type() == ChannelType.PHONE && keys.phones().contains(channel.value())) {
                            phones.add(channel.value());
                        }
                    }
                }
            }
            return new DuplicateKeys(taxIds, names, emails, phones, keys.visibility());
        }

        @Override
        public List<CustomerRow> search(CustomerSearch search) {
            Comparator<CustomerRecord> order = order(search.sort());
            return customers.values().stream()
                    .filter(c -> search.includeArchived() || c.status() == CustomerStatus.ACTIVE)
                    .filter(c -> search.visibility().covers(c.ownerId()))
                    .filter(c -> CriteriaEvaluator.matches(search.where(), c))
                    .filter(c -> search.after() == null || isAfter(c, search.after(), search.sort()))
                    .sorted(order)
                    .limit(search.limit())
                    .map(Tx::row)
                    .toList();
        }

        private static CustomerRow row(CustomerRecord c) {
            return new CustomerRow(c.id(), c.name(), c.taxId(), c.city(), c.ownerId(), c.status(), c.createdAt());
        }

        private Comparator<CustomerRecord> order(CustomerSort sort) {
            Comparator<CustomerRecord> asc = sort.byName()
                    ? Comparator.comparing((CustomerRecord c) -> c.nameKey()).thenComparingLong(CustomerRecord::id)
                    : Comparator.comparing(CustomerRecord::createdAt).thenComparingLong(CustomerRecord::id);

            return sort.descending() ? asc.reversed() : asc;
        }

        private boolean isAfter(CustomerRecord c, Keyset after, CustomerSort sort) {
            int cmp = sort.byName() ? c.nameKey().compareTo((String) after.sortValue())
                    : c.createdAt().compareTo((Instant) after.sortValue());
            if (cmp == 0) {
                cmp = Long.compare(c.id(), after.id());
            }
            return sort.descending() ? cmp < 0 : cmp > 0;
        }

        @Override
        public void recordOwnerChange(OwnerChangeRecord change) {
            checkWritable();
            ownerChanges.add(change);
            undo.push(() -> ownerChanges.remove(ownerChanges.size() - 1));
        }

        @Override
        public List<OwnerChangeRecord> ownerChanges(long customerId) {
            return ownerChanges.stream().filter(c -> c.customerId() == customerId).toList();
        }

        // ---- contacts

        @Override
        public ContactRecord insert(ContactRecord contact) {
            checkWritable();
            ContactRecord stored = contact.withIdentity(newId(), 0);
            put(contacts, stored.id(), stored);
            return stored;
        }

        @Override
        public ContactRecord update(ContactRecord contact) {
            ContactRecord stored = replaceVersioned(contacts, contact.id(), contact.version(), ContactRecord::version,
                    "contact " + contact.id(), next -> contact.withIdentity(contact.id(), next));
            return stored;
        }

        @Override
        public Optional<ContactRecord> find(long id) {
            return Optional.ofNullable(contacts.get(id));
        }

        @Override
        public List<ContactRecord> ofCustomers(Collection<Long> customerIds) {
            Set<Long> wanted = new HashSet<>(customerIds);
            return contacts.values().stream().filter(c -> wanted.contains(c.customerId())).toList();
        }

        @Override
        public List<ContactRecord> insertContacts(List<ContactRecord> list) {
            return list.stream().map(this::insert).toList();
        }

        @Override
        public List<ContactRecord> ofCustomer(long customerId) {
            return contacts.values().stream().filter(c -> c.customerId() == customerId)
                    .sorted(Comparator.comparing((ContactRecord c) -> !c.primary())
                            .thenComparing((ContactRecord c) -> CustomerRecord.nameKey(c.name()))
                            .thenComparingLong(ContactRecord::id))
                    .toList();
        }

        @Override
        public CustomerTimeline timeline(long customerId, int noteLimit, int eventLimit, int activityLimit,
                Visibility visibility) {
            return new CustomerTimeline(latest(customerId, noteLimit), events.descendingMap().values().stream()
                    .map(Outboxed::event)
                    .filter(e -> e.customerId() != null && e.customerId() == customerId)
                    .filter(e -> visibility.all() || dealVisible(e.opportunityId(), customerId, visibility)
                            && leadVisible(e.leadId(), customerId, visibility)
                            && activityVisible(e.activityId(), customerId, visibility))
                    .limit(eventLimit).toList(),
                    activityStore.ofCustomer(customerId, visibility, null, activityLimit).stream()
                            .map(a -> new ActivitySummary(a.id(), a.type().name(),
                                    a.direction() == null ? null : a.direction().name(),
                                    a.status() == ActivityStatus.DONE, a.ownerId(), a.startsAt(), a.endsAt(),
                                    a.outcome(), a.opportunityId(), a.leadId()))
                            .toList());
        }

        /**
         * Whether an event about that activity (if any) may be shown: the activity is the
         * customer's and its owner visible.
         */
        private boolean activityVisible(OptionalLong activityId, long customerId, Visibility visibility) {
            if (activityId.isEmpty()) {
                return true;
            }
            ActivityRecord activity = activities.get(activityId.getAsLong());
            return activity != null && activity.customerId() == customerId && visibility.covers(activity.ownerId());
        }

        /** Whether an event about that lead (if any) may be shown: the lead is the customer's and its owner visible. */
        private boolean leadVisible(OptionalLong leadId, long customerId, Visibility visibility) {
            if (leadId.isEmpty()) {
                return true;
            }
            LeadRecord lead = leads.get(leadId.getAsLong());
            return lead != null && lead.customerId() != null && lead.customerId() == customerId
                    && visibility.covers(lead.ownerId());
        }

        /** Whether an event about that deal (if any) may be shown: the deal is the customer's and its owner visible. */
        private boolean dealVisible(OptionalLong dealId, long customerId, Visibility visibility) {
            if (dealId.isEmpty()) {
                return true;
            }
            OpportunityRecord deal = opportunities.get(dealId.getAsLong());
            return deal != null && deal.customerId() == customerId && visibility.covers(deal.ownerId());
        }

        // ---- notes

        @Override
        public NoteRecord insert(NoteRecord note) {
            checkWritable();
            NoteRecord stored = new NoteRecord(newId(), note.customerId(), note.authorId(), note.text(), note.createdAt());
            put(notes, stored.id(), stored);
            return stored;
        }

        @Override
        public List<NoteRecord> latest(long customerId, int limit) {
            return notes.descendingMap().values().stream().filter(n -> n.customerId() == customerId)
                    .sorted(Comparator.comparing(NoteRecord::createdAt).thenComparingLong(NoteRecord::id).reversed())
                    .limit(limit).toList();
        }

        /** Pipelines, in the same transaction. */
        private final class Pipelines implements PipelineStore {

            @Override
            public Pipeline insert(Pipeline pipeline) {
                checkWritable();
                Pipeline stored = pipeline.withIdentity(PipelineId.of(newId()), 0);
                put(pipelines, stored.id().value(), stored);
                return stored;
            }

            @Override
            public Pipeline update(Pipeline pipeline) {
                checkWritable();
                current(pipelines.get(pipeline.id().value()), Pipeline::version, pipeline.version(),
                        "pipeline " + pipeline.id());
                Pipeline stored = pipeline.withIdentity(pipeline.id(), pipeline.version() + 1);
                put(pipelines, stored.id().value(), stored);
                return stored;
            }

            @Override
            public Optional<Pipeline> find(long id) {
                return Optional.ofNullable(pipelines.get(id));
            }

            @Override
            public List<Pipeline> all() {
                return pipelines.values().stream()
                        .sorted(Comparator.comparing(Pipeline::name).thenComparingLong(p -> p.id().value())).toList();
            }
        }

        /** Opportunities, in the same transaction. */
        private final class Opportunities implements OpportunityStore {
            @Override
            public OpportunityRecord insert(OpportunityRecord opportunity) {
                checkWritable();
                OpportunityRecord stored = opportunity.withIdentity(newId(), 0);
                put(opportunities, stored.id(), stored);
                put(lastActivity, stored.id(), stored.updatedAt());
                return stored;
            }

            @Override
            public OpportunityRecord update(OpportunityRecord opportunity) {
                OpportunityRecord stored = replaceVersioned(opportunities, opportunity.id(), opportunity.version(),
                        OpportunityRecord::version,
                        "opportunity " + opportunity.id(), next -> opportunity.withIdentity(opportunity.id(), next));
                recordActivity(stored.id(), stored.updatedAt());
                return stored;
            }

            @Override
            public void recordActivity(long opportunityId, Instant at) {
                checkWritable();
                Instant last = lastActivity.get(opportunityId);
                if (opportunities.containsKey(opportunityId) && (last == null || at.isAfter(last))) {
                    put(lastActivity, opportunityId, at);
                }
            }

            @Override
            public Optional<OpportunityRecord> find(long id, Visibility visibility) {
                return Optional.ofNullable(opportunities.get(id)).filter(o -> visibility.covers(o.ownerId()));
            }

            @Override
            public boolean exists(long id) {
                return opportunities.containsKey(id);
            }

            @Override
            public void lock(long id) {
                // write transactions are serialised by the store's lock already
            }

            @Override
            public List<OpportunityRecord> ofCustomer(long customerId, Visibility visibility) {
                return opportunities.values().stream()
                        .filter(o -> o.customerId() == customerId && visibility.covers(o.ownerId()))
                        .sorted(Comparator.comparing((OpportunityRecord o) -> o.status() != OpportunityStatus.OPEN)
                                .thenComparing(OpportunityRecord::createdAt, Comparator.reverseOrder())
                                .thenComparing(OpportunityRecord::id, Comparator.reverseOrder()))
                        .toList();
            }

            @Override
            public List<OpportunitySummary> summariesOfCustomer(long customerId, Visibility visibility) {
                return ofCustomer(customerId, visibility).stream()
                        .map(o -> new OpportunitySummary(o.id(), o.title(), o.ownerId(), o.pipelineId(), o.stageCode(),
                                o.status() == OpportunityStatus.OPEN, o.status() == OpportunityStatus.WON, o.amount(),
                                o.probability(), o.expectedClose(), o.createdAt()))
                        .toList();
            }

            @Override
            public void recordStageChange(StageChange change) {
                checkWritable();
                stageChanges.add(change);
                undo.push(() -> stageChanges.remove(stageChanges.size() - 1));
            }

            @Override
            public List<StageChange> stageChanges(long opportunityId) {
                return stageChanges.stream().filter(c -> c.opportunityId().value() == opportunityId).toList();
            }

            @Override
            public List<StageTotalRow> stageTotals(long pipelineId, Visibility visibility) {
                Map<String, StageTotalRow> rows = new TreeMap<>();
                for (OpportunityRecord o : opportunities.values()) {
                    if (o.pipelineId() != pipelineId || o.status() != OpportunityStatus.OPEN
                            || !visibility.covers(o.ownerId())) {
                        continue;
                    }
                    BigDecimal amount = o.amount() == null ? BigDecimal.ZERO : o.amount().amount();
                    rows.merge(o.stageCode(), new StageTotalRow(o.stageCode(), 1, amount,
                            amount.multiply(BigDecimal.valueOf(o.probability()))),
                            (a, b) -> new StageTotalRow(a.stageCode(), a.count() + b.count(), a.amount().add(b.amount()),
                                    a.amountTimesProbability().add(b.amountTimesProbability())));
                }
                return List.copyOf(rows.values());
            }

            @Override
            public List<StalledRow> stalled(StallQuery query) {
                return stalledWhere(query, o -> true, query.after());
            }

            @Override
            public List<StalledRow> unannouncedStalls(StallQuery query) {
                return stalledWhere(query, o -> {
                    StallMark mark = stalls.get(o.id());
                    Instant last = lastActivity.get(o.id());
                    boolean newlyIdle = !last.isAfter(query.idleSince())
                            && (mark == null || mark.idleMark() == null || !mark.idleMark().equals(last));
                    boolean newlyOverdue = query.closeBefore() != null && o.expectedClose().isBefore(query.closeBefore())
                            && (mark == null || mark.overdueClose() == null
                                    || !mark.overdueClose().equals(o.expectedClose()));
                    return newlyIdle || newlyOverdue;
                }, null);
            }

            /** The answers of the SQL query: open, idle or overdue, visible, after the keyset. */
            private List<StalledRow> stalledWhere(StallQuery query, Predicate<OpportunityRecord> also, Keyset after) {
                LocalDate closeBefore = query.closeBefore();
                Comparator<StalledRow> order = Comparator.comparing(StalledRow::lastActivityAt)
                        .thenComparingLong(StalledRow::id);
                return opportunities.values().stream()
                        .filter(o -> o.status() == OpportunityStatus.OPEN)
                        .filter(o -> query.pipelineId() == null || o.pipelineId() == query.pipelineId())
                        .filter(o -> query.visibility().covers(o.ownerId()))
                        .filter(o -> !lastActivity.get(o.id()).isAfter(query.idleSince())
                                || closeBefore != null && o.expectedClose().isBefore(closeBefore))
                        .filter(also)
                        .map(o -> new StalledRow(o.id(), o.customerId(), o.pipelineId(), o.title(), o.ownerId(),
                                o.stageCode(), o.amount(), o.expectedClose(), o.stageSince(), lastActivity.get(o.id())))
                        .filter(r -> after == null || isAfter(r, (Instant) after.sortValue(), after.id()))
                        .sorted(order)
                        .limit(query.limit())
                        .toList();
            }

            /** The row value comparison {@code (lastActivityAt, id) > (at, id)}. */
            private static boolean isAfter(StalledRow row, Instant at, long id) {
                int c = row.lastActivityAt().compareTo(at);
                return c > 0 || c == 0 && row.id() > id;
            }

            @Override
            public void markStallsAnnounced(List<StallMark> marks) {
                checkWritable();
                for (StallMark mark : marks) {
                    StallMark kept = stalls.get(mark.opportunityId());
                    StallMark merged = kept == null ? mark : new StallMark(mark.opportunityId(),
                            mark.idleMark() != null ? mark.idleMark() : kept.idleMark(),
                            mark.overdueClose() != null ? mark.overdueClose() : kept.overdueClose(),
                            mark.reasons(), mark.flaggedAt());
                    put(stalls, mark.opportunityId(), merged);
                }
            }

            @Override
            public List<ForecastRow> cashFlow(ForecastSelection selection, Visibility visibility) {
                record Key(LocalDate periodStart, String groupKey, String currency) {
                }
                Map<Key, ForecastRow> rows = new HashMap<>();
                for (OpportunityRecord o : opportunities.values()) {
                    if (o.status() != OpportunityStatus.OPEN || o.amount() == null
                            || o.expectedClose().isBefore(selection.from()) || !o.expectedClose().isBefore(selection.to())
                            || !selection.pipelineIds().isEmpty() && !selection.pipelineIds().contains(o.pipelineId())
                            || !visibility.covers(o.ownerId())) {
                        continue;
                    }
                    String group = selection.grouping() == ForecastGrouping.OWNER ? o.ownerId()
                            : String.valueOf(o.pipelineId());
                    Key key = new Key(selection.period().startOf(o.expectedClose()), group,
                            o.amount().currency().getCurrencyCode());
                    BigDecimal amount = o.amount().amount();
                    rows.merge(key, new ForecastRow(key.periodStart(), group, key.currency(), 1, amount,
                            amount.multiply(BigDecimal.valueOf(o.probability()))),
                            (a, b) -> new ForecastRow(a.periodStart(), a.groupKey(), a.currency(), a.count() + b.count(),
                                    a.amount().add(b.amount()), a.amountTimesProbability().add(b.amountTimesProbability())));
                }
                return List.copyOf(rows.values());
            }

            @Override
            public boolean stageInUse(long pipelineId, String stageCode) {
                return opportunities.values().stream()
                        .anyMatch(o -> o.pipelineId() == pipelineId && o.stageCode().equals(stageCode))
                        || stageChanges.stream().anyMatch(c -> {
                            OpportunityRecord o = opportunities.get(c.opportunityId().value());
                            return o != null && o.pipelineId() == pipelineId
                                    && (stageCode.equals(c.fromStage()) || stageCode.equals(c.toStage()));
                        });
            }
        }

        /** Offers and sales orders, in the same transaction. */
        private final class Offers implements OfferStore {
            @Override
            public OfferRecord insert(OfferRecord offer) {
                checkWritable();
                if (offers.values().stream().anyMatch(o -> o.opportunityId() == offer.opportunityId()
                        && o.number() == offer.number())) {
                    throw new ConflictException("another offer of the deal was drafted at the same time; try again");
                }
                OfferRecord stored = offer.withIdentity(newId(), 0);
                put(offers, stored.id(), stored);
                return stored;
            }

            @Override
            public OfferRecord update(OfferRecord offer) {
                OfferRecord stored = replaceVersioned(offers, offer.id(), offer.version(), OfferRecord::version,
                        "offer " + offer.id(), next -> offer.withIdentity(offer.id(), next));
                return stored;
            }

            @Override
            public Optional<OfferRecord> find(long id, Visibility visibility) {
                return Optional.ofNullable(offers.get(id))
                        .filter(o -> visibility.covers(opportunities.get(o.opportunityId()).ownerId()));
            }

            @Override
            public boolean exists(long id) {
                return offers.containsKey(id);
            }

            @Override
            public List<OfferRecord> ofOpportunity(long opportunityId) {
                return offers.values().stream().filter(o -> o.opportunityId() == opportunityId)
                        .sorted(Comparator.comparingInt(OfferRecord::number)).toList();
            }

            @Override
            public int lastNumber(long opportunityId) {
                return offers.values().stream().filter(o -> o.opportunityId() == opportunityId)
                        .mapToInt(OfferRecord::number).max().orElse(0);
            }

            @Override
            public boolean anySent(long opportunityId) {
                return offers.values().stream()
                        .anyMatch(o -> o.opportunityId() == opportunityId && o.status() != OfferStatus.DRAFT);
            }

            @Override
            public SalesOrderRecord insertOrder(SalesOrderRecord order) {
                checkWritable();
                if (orderOf(order.offerId()).isPresent()) {
                    throw new ConflictException("the offer was turned into an order already");
                }
                SalesOrderRecord stored = order.withId(newId());
                put(orders, stored.id(), stored);
                return stored;
            }

            @Override
            public Optional<SalesOrderRecord> orderOf(long offerId) {
                return orders.values().stream().filter(o -> o.offerId() == offerId).findFirst();
            }
        }

        /** Campaigns, in the same transaction. */
        private final class Campaigns implements CampaignStore {
            @Override
            public CampaignRecord insert(CampaignRecord campaign) {
                checkWritable();
                CampaignRecord stored = campaign.withIdentity(newId(), 0);
                put(campaigns, stored.id(), stored);
                return stored;
            }

            @Override
            public CampaignRecord update(CampaignRecord campaign) {
                CampaignRecord stored = replaceVersioned(campaigns, campaign.id(), campaign.version(),
                        CampaignRecord::version,
                        "campaign " + campaign.id(), next -> campaign.withIdentity(campaign.id(), next));
                return stored;
            }

            @Override
            public Optional<CampaignRecord> find(long id, Visibility visibility) {
                return Optional.ofNullable(campaigns.get(id)).filter(c -> visibility.covers(c.ownerId())
                        || c.productManagerId() != null && visibility.covers(c.productManagerId()));
            }

            @Override
            public boolean exists(long id) {
                return campaigns.containsKey(id);
            }

            @Override
            public Optional<CampaignHead> head(long id) {
                return Optional.ofNullable(campaigns.get(id)).map(c -> new CampaignHead(c.id(), c.name(), c.currency(),
                        c.ownerId(), c.productManagerId()));
            }

            @Override
            public List<CampaignCostRow> costsPerDay(long campaignId, Visibility visibility) {
                Optional<CampaignRecord> campaign = find(campaignId, visibility);
                if (campaign.isEmpty()) {
                    return List.of();
                }
                Map<CampaignCostRow, BigDecimal> sums = new HashMap<>();
                for (CostEntry c : campaign.get().costs()) {
                    sums.merge(new CampaignCostRow(c.keyword(), c.kind(), c.date(), BigDecimal.ZERO),
                            c.amount().amount(), BigDecimal::add);
                }
                return sums.entrySet().stream().map(e -> new CampaignCostRow(e.getKey().keyword(), e.getKey().kind(),
                        e.getKey().date(), e.getValue())).toList();
            }
        }

        /** Leads, in the same transaction; one lead per customer and campaign, as the database's unique rule. */
        private final class Leads implements LeadStore {
            @Override
            public LeadRecord insert(LeadRecord lead) {
                checkWritable();
                if (lead.campaignId() != null && lead.customerId() != null
                        && !customersWithLead(lead.campaignId(), List.of(lead.customerId())).isEmpty()) {
                    throw new ConflictException("the customer has a lead of this campaign already (opened at the"
                            + " same time)");
                }
                LeadRecord stored = lead.withIdentity(newId(), 0);
                put(leads, stored.id(), stored);
                return stored;
            }

            @Override
            public List<LeadRecord> insertAll(List<LeadRecord> list) {
                return list.stream().map(this::insert).toList();
            }

            @Override
            public LeadRecord update(LeadRecord lead) {
                LeadRecord stored = replaceVersioned(leads, lead.id(), lead.version(), LeadRecord::version,
                        "lead " + lead.id(), next -> lead.withIdentity(lead.id(), next));
                return stored;
            }

            @Override
            public Optional<LeadRecord> find(long id, Visibility visibility) {
                return Optional.ofNullable(leads.get(id)).filter(l -> visibility.covers(l.ownerId()));
            }

            @Override
            public void lock(long id) {
                // write transactions are serialised by the store's lock already
            }

            @Override
            public boolean exists(long id) {
                return leads.containsKey(id);
            }

            @Override
            public List<LeadRecord> ofCustomer(long customerId, Visibility visibility) {
                return leads.values().stream().filter(l -> l.customerId() != null && l.customerId() == customerId)
                        .filter(l -> visibility.covers(l.ownerId())).toList();
            }

            @Override
            public List<LeadRecord> ofCampaign(long campaignId, Visibility visibility, long afterId, int limit) {
                return leads.tailMap(afterId, false).values().stream()
                        .filter(l -> l.campaignId() != null && l.campaignId() == campaignId)
                        .filter(l -> visibility.covers(l.ownerId())).limit(limit).toList();
            }

            @Override
            public List<LeadFunnelRow> funnel(long campaignId, Visibility visibility) {
                Map<LeadFunnelRow, long[]> counts = new HashMap<>();
                for (LeadRecord l : leads.values()) {
                    if (l.campaignId() != null && l.campaignId() == campaignId && visibility.covers(l.ownerId())) {
                        long[] c = counts.computeIfAbsent(new LeadFunnelRow(l.keyword(), l.status(), 0, 0),
                                k -> new long[2]);
                        c[0]++;
                        c[1] += l.attempts().isEmpty() ? 0 : 1;
                    }
                }
                return counts.entrySet().stream().map(e -> new LeadFunnelRow(e.getKey().keyword(),
                        e.getKey().status(), e.getValue()[0], e.getValue()[1])).toList();
            }

            @Override
            public List<WonRevenueRow> wonRevenue(long campaignId, Visibility visibility, ZoneId zone) {
                Map<WonRevenueRow, WonRevenueRow> sums = new HashMap<>();
                for (LeadRecord l : leads.values()) {
                    OpportunityRecord deal = l.opportunityId() == null ? null : opportunities.get(l.opportunityId());
                    if (l.campaignId() == null || l.campaignId() != campaignId || deal == null
                            || deal.status() != OpportunityStatus.WON || !visibility.covers(deal.ownerId())) {
                        continue;
                    }
                    String currency = deal.amount() == null ? null : deal.amount().currency().getCurrencyCode();
                    BigDecimal amount = deal.amount() == null ? BigDecimal.ZERO : deal.amount().amount();
                    WonRevenueRow key = new WonRevenueRow(l.keyword(), currency,
                            LocalDate.ofInstant(deal.stageSince(), zone), 0, BigDecimal.ZERO);
                    sums.merge(key, new WonRevenueRow(key.keyword(), currency, key.wonOn(), 1, amount),
                            (a, b) -> new WonRevenueRow(a.keyword(), currency, a.wonOn(), a.deals() + b.deals(),
                                    a.amount().add(b.amount())));
                }
                return List.copyOf(sums.values());
            }

            @Override
            public List<DuplicateMatch> duplicates(DuplicateQuery query) {
                List<DuplicateMatch> found = new ArrayList<>();
                for (LeadRecord l : leads.values()) {
                    Prospect p = l.prospect();
                    if (p == null || l.status() == LeadStatus.CONVERTED || l.status() == LeadStatus.DISQUALIFIED) {
                        continue;
                    }
                    EnumSet<MatchReason> reasons = EnumSet.noneOf(MatchReason.class);
                    if (query.taxId() != null && query.taxId().equals(p.taxId())) {
                        reasons.add(MatchReason.TAX_ID);
                    }
                    if (query.email() != null && p.email() != null && query.email().equals(p.email().normalized())) {
                        reasons.add(MatchReason.EMAIL);
                    }
                    if (query.phone() != null && p.phone() != null && query.phone().equals(p.phone().value())) {
                        reasons.add(MatchReason.PHONE);
                    }
                    String name = p.company() != null ? p.company() : p.personName();
                    if (query.nameKey() != null && query.nameKey().equals(NameKeys.normalize(name))) {
                        reasons.add(query.nameReason());
                    }
                    if (!reasons.isEmpty()) {
                        boolean shown = query.visibility().covers(l.ownerId());
                        found.add(DuplicateMatch.of(MatchKind.LEAD, l.id(), reasons, shown ? name : null,
                                shown ? p.taxId() : null, shown ? p.city() : null, shown ? l.ownerId() : null));
                    }
                }
                return found.stream().sorted(BEST_FIRST).limit(query.limit()).toList();
            }

            @Override
            public Set<Long> customersWithLead(long campaignId, Collection<Long> customerIds) {
                Set<Long> wanted = new HashSet<>(customerIds);
                Set<Long> found = new HashSet<>();
                for (LeadRecord l : leads.values()) {
                    if (l.campaignId() != null && l.campaignId() == campaignId && wanted.contains(l.customerId())) {
                        found.add(l.customerId());
                    }
                }
                return found;
            }
        }

        /**
         * Activities and the first-contact ledger, in the same transaction; one ledger entry per
         * salesperson, customer and kind, as the database's unique rule.
         */
        private final class Activities implements ActivityStore {
            private static final Comparator<ActivityRecord> LATEST_FIRST = Comparator
                    .comparing(ActivityRecord::startsAt).thenComparingLong(ActivityRecord::id).reversed();

            @Override
            public ActivityRecord insert(ActivityRecord activity) {
                checkWritable();
                ActivityRecord stored = activity.withIdentity(newId(), 0);
                put(activities, stored.id(), stored);
                return stored;
            }

            @Override
            public ActivityRecord update(ActivityRecord activity) {
                ActivityRecord stored = replaceVersioned(activities, activity.id(), activity.version(),
                        ActivityRecord::version,
                        "activity " + activity.id(), next -> activity.withIdentity(activity.id(), next));
                return stored;
            }

            @Override
            public Optional<ActivityRecord> find(long id, Visibility visibility) {
                return Optional.ofNullable(activities.get(id)).filter(a -> visibility.covers(a.ownerId()));
            }

            @Override
            public boolean exists(long id) {
                return activities.containsKey(id);
            }

            @Override
            public List<ActivityRecord> ofCustomer(long customerId, Visibility visibility, Keyset after, int limit) {
                return activities.values().stream().filter(a -> a.customerId() == customerId)
                        .filter(a -> visibility.covers(a.ownerId()))
                        .filter(a -> after == null || a.startsAt().isBefore((Instant) after.sortValue())
                                || a.startsAt().equals(after.sortValue()) && a.id() < after.id())
                        .sorted(LATEST_FIRST).limit(limit).toList();
            }

            @Override
            public Optional<FirstContactRecord> firstContact(String salespersonId, long customerId,
                    FirstContactKind kind) {
                return Optional.ofNullable(firstContacts.get(List.of(salespersonId, customerId, kind)));
            }

            @Override
            public void recordFirstContact(FirstContactRecord entry) {
                checkWritable();
                List<Object> key = List.of(entry.salespersonId(), entry.customerId(), entry.kind());
                if (firstContacts.containsKey(key)) {
                    throw new ConflictException("the salesperson recorded this first contact with the customer"
                            + " already (recorded at the same time)");
                }
                put(firstContacts, key, entry);
            }

            @Override
            public List<ActivityRecord> schedule(ScheduleSelection selection, Visibility visibility, Keyset after,
                    int limit) {
                return activities.values().stream().filter(a -> scheduled(a, selection, visibility))
                        .filter(a -> after == null || a.startsAt().isAfter((Instant) after.sortValue())
                                || a.startsAt().equals(after.sortValue()) && a.id() > after.id())
                        .sorted(Comparator.comparing(ActivityRecord::startsAt).thenComparingLong(ActivityRecord::id))
                        .limit(limit).toList();
            }

            @Override
            public List<ScheduleCount> scheduleCounts(ScheduleSelection selection, Visibility visibility) {
                Map<String, long[]> counts = new TreeMap<>();
                activities.values().stream().filter(a -> scheduled(a, selection, visibility)).forEach(a ->
                        counts.computeIfAbsent(a.ownerId(), o -> new long[2])[a.status() == ActivityStatus.PLANNED
                                ? 0 : 1]++);
                List<ScheduleCount> result = new ArrayList<>();
                counts.forEach((owner, c) -> result.add(new ScheduleCount(owner, c[0], c[1])));
                return result;
            }

            private boolean scheduled(ActivityRecord a, ScheduleSelection selection, Visibility visibility) {
                return !a.startsAt().isBefore(selection.from()) && a.startsAt().isBefore(selection.to())
                        && selection.statuses().contains(a.status()) && visibility.covers(a.ownerId());
            }

            @Override
            public List<FirstContactCountRow> firstContactCounts(FirstContactSelection selection,
                    Visibility visibility) {
                List<Instant> bounds = selection.boundaries();
                Map<List<Object>, long[]> sums = new HashMap<>();
                for (FirstContactRecord f : firstContacts.values()) {
                    if (f.at().isBefore(bounds.get(0)) || !f.at().isBefore(bounds.get(bounds.size() - 1))
                            || !visibility.covers(f.salespersonId())) {
                        continue;
                    }
                    int period = 0;
                    while (!f.at().isBefore(bounds.get(period + 1))) {
                        period++;
                    }
                    Instant until = f.at().plus(selection.dealWindow());
                    boolean followed = opportunities.values().stream().anyMatch(o -> o.customerId() == f.customerId()
                            && o.ownerId().equals(f.salespersonId()) && !o.createdAt().isBefore(f.at())
                            && o.createdAt().isBefore(until));
                    long[] sum = sums.computeIfAbsent(List.of(f.salespersonId(), period, f.kind()), k -> new long[2]);
                    sum[0]++;
                    sum[1] += followed ? 1 : 0;
                }
                List<FirstContactCountRow> rows = new ArrayList<>();
                sums.forEach((key, sum) -> rows.add(new FirstContactCountRow((String) key.get(0), (Integer) key.get(1),
                        (FirstContactKind) key.get(2), sum[0], sum[1])));
                return rows;
            }
        }

        private final class Consents implements ConsentStore {
            @Override
            public void put(Consent consent) {
                Tx.this.put(consents, List.of(consent.contactId().value(), consent.purpose().code()), consent);
            }

            @Override
            public List<Consent> ofContact(long contactId) {
                return consents.values().stream().filter(c -> c.contactId().value() == contactId)
                        .sorted(Comparator.comparing(c -> c.purpose().code())).toList();
            }

            @Override
            public Optional<Unsubscription> unsubscription(long contactId) {
                return Optional.ofNullable(unsubscriptions.get(contactId));
            }

            @Override
            public void unsubscribe(Unsubscription unsubscription) {
                checkWritable();
                if (unsubscriptions.containsKey(unsubscription.contactId().value())) {
                    throw new ConflictException("the contact was unsubscribed at the same time");
                }
                Tx.this.put(unsubscriptions, unsubscription.contactId().value(), unsubscription);
            }

            @Override
            public void resubscribe(long contactId) {
                remove(unsubscriptions, contactId);
            }
        }

        private final class Mailings implements MailingStore {
            @Override
            public MailingRecord insert(MailingRecord mailing) {
                checkWritable();
                MailingRecord stored = mailing.withIdentity(newId(), 0);
                put(mailings, stored.id(), stored);
                return stored;
            }

            @Override
            public MailingRecord update(MailingRecord mailing) {
                return replaceVersioned(mailings, mailing.id(), mailing.version(), MailingRecord::version,
                        "mailing " + mailing.id(), next -> mailing.withIdentity(mailing.id(), next));
            }

            @Override
            public Optional<MailingRecord> find(long id, Visibility visibility) {
                return Optional.ofNullable(mailings.get(id)).filter(m -> visibility.covers(m.ownerId()));
            }

            @Override
            public boolean exists(long id) {
                return mailings.containsKey(id);
            }

            @Override
            public List<RecipientCandidate> candidates(Collection<Long> customerIds, Purpose purpose) {
                Set<Long> wanted = new HashSet<>(customerIds);
                return contacts.values().stream().filter(c -> wanted.contains(c.customerId()))
                        .sorted(Comparator.comparingLong(ContactRecord::customerId).thenComparingLong(ContactRecord::id))
                        .map(c -> {
                            CustomerRecord customer = customers.get(c.customerId());
                            String email = c.channels().stream().filter(ch -> ch.type() == ChannelType.EMAIL)
                                    .map(ContactChannel::value).findFirst().orElse(null);
                            Consent consent = consents.get(List.of(c.id(), purpose.code()));
                            return new RecipientCandidate(c.id(), c.customerId(), customer.name(), customer.ownerId(),
                                    c.name(), email, consent == null ? null : consent.status(),
                                    unsubscriptions.containsKey(c.id()));
                        }).toList();
            }

            @Override
            public Set<String> existingKeys(long mailingId, Collection<String> keys) {
                Set<String> found = new HashSet<>();
                for (String key : keys) {
                    if (recipientKeys.containsKey(List.of(mailingId, key))) {
                        found.add(key);
                    }
                }
                return found;
            }

            @Override
            public void insertRecipients(List<RecipientRecord> list) {
                checkWritable();
                for (RecipientRecord r : list) {
                    List<Object> key = List.of(r.mailingId(), r.recipientKey());
                    if (recipientKeys.containsKey(key)) {
                        throw new ConflictException("a recipient of the mailing was written by a concurrent sending run");
                    }
                    RecipientRecord stored = r.withId(newId());
                    put(recipientKeys, key, stored.id());
                    put(recipients, stored.id(), stored);
                }
            }

            @Override
            public List<RecipientRecord> claim(long mailingId, String token, Instant now, Instant staleBefore,
                    int limit) {
                checkWritable();
                List<RecipientRecord> claimed = recipients.values().stream().filter(r -> r.mailingId() == mailingId)
                        .filter(r -> r.status() == RecipientStatus.PENDING || r.status() == RecipientStatus.FAILED
                                || r.status() == RecipientStatus.CLAIMED && r.claimedAt().isBefore(staleBefore))
                        .limit(limit)
                        .map(r -> change(r, RecipientStatus.CLAIMED, r.attempts(), r.lastError(), token, now, null, null))
                        .toList();
                claimed.forEach(r -> put(recipients, r.id(), r));
                return claimed;
            }

            @Override
            public boolean markSent(long recipientId, String token, Instant at, Long activityId) {
                RecipientRecord r = recipients.get(recipientId);
                if (r == null || r.status() != RecipientStatus.CLAIMED || !token.equals(r.claimToken())) {
                    return false;
                }
                put(recipients, r.id(), change(r, RecipientStatus.SENT, r.attempts(), r.lastError(), null,
                        r.claimedAt(), at, activityId));
                return true;
            }

            @Override
            public void markFailed(long recipientId, String token, String error) {
                RecipientRecord r = recipients.get(recipientId);
                if (r != null && r.status() == RecipientStatus.CLAIMED && token.equals(r.claimToken())) {
                    put(recipients, r.id(), change(r, RecipientStatus.FAILED, r.attempts() + 1, error, null, null, null,
                            null));
                }
            }

            @Override
            public void release(long mailingId, String token) {
                List<RecipientRecord> held = recipients.values().stream()
                        .filter(r -> r.mailingId() == mailingId && r.status() == RecipientStatus.CLAIMED
                                && token.equals(r.claimToken())).toList();
                held.forEach(r -> put(recipients, r.id(), change(r, RecipientStatus.PENDING, r.attempts(),
                        r.lastError(), null, null, null, null)));
            }

            @Override
            public List<RecipientCount> counts(long mailingId) {
                Map<List<Object>, Long> counts = new LinkedHashMap<>();
                recipients.values().stream().filter(r -> r.mailingId() == mailingId).forEach(r -> counts.merge(
                        java.util.Arrays.asList(r.status(), r.skipReason()), 1L, Long::sum));
                List<RecipientCount> out = new ArrayList<>();
                counts.forEach((k, n) -> out.add(new RecipientCount((RecipientStatus) k.get(0),
                        (org.crm4j.mailing.SkipReason) k.get(1), n)));
                return out;
            }

            private RecipientRecord change(RecipientRecord r, RecipientStatus status, int attempts, String error,
                    String token, Instant claimedAt, Instant sentAt, Long activityId) {
                return new RecipientRecord(r.id(), r.mailingId(), r.recipientKey(), r.contactId(), r.customerId(),
                        r.customerName(), r.customerOwnerId(), r.userId(), r.name(), r.email(), status, r.skipReason(),
                        attempts, error, token, claimedAt, sentAt, activityId);
            }
        }

        /**
         * Requests, in the same transaction; a source id is taken by one request, as the
         * database's unique rule.
         */
        private final class Requests implements RequestStore {
            private static final Comparator<RequestRecord> EARLIEST_DUE = Comparator
                    .comparing(RequestRecord::dueAt).thenComparingLong(RequestRecord::activityId);

            @Override
            public RequestRecord insert(RequestRecord request) {
                checkWritable();
                if (bySource(request.sourceSystem(), request.sourceId()).isPresent()) {
                    throw new ConflictException("a request with this source id was received already (received at"
                            + " the same time)");
                }
                RequestRecord stored = request.withIdentity(request.activityId(), 0);
                put(requests, stored.activityId(), stored);
                return stored;
            }

            @Override
            public RequestRecord update(RequestRecord request) {
                long id = request.activityId();
                return replaceVersioned(requests, id, request.version(), RequestRecord::version, "request " + id,
                        next -> request.withIdentity(id, next).escalatedTo(requests.get(id).escalationLevel()));
            }

            @Override
            public Optional<StoredRequest> find(long id, Visibility visibility) {
                return Optional.ofNullable(requests.get(id)).map(this::stored)
                        .filter(r -> visibility.covers(r.activity().ownerId()));
            }

            @Override
            public boolean exists(long id) {
                return requests.containsKey(id);
            }

            @Override
            public Optional<StoredRequest> bySource(String sourceSystem, String sourceId) {
                if (sourceSystem == null) {
                    return Optional.empty();
                }
                return requests.values().stream().filter(r -> sourceSystem.equals(r.sourceSystem())
                        && sourceId.equals(r.sourceId())).findFirst().map(this::stored);
            }

            @Override
            public List<StoredRequest> overdue(Instant now, Visibility visibility, Keyset after, int limit) {
                return requests.values().stream()
                        .filter(r -> r.status() == RequestStatus.OPEN && r.dueAt().isBefore(now))
                        .filter(r -> after == null || r.dueAt().isAfter((Instant) after.sortValue())
                                || r.dueAt().equals(after.sortValue()) && r.activityId() > after.id())
                        .sorted(EARLIEST_DUE).map(this::stored)
                        .filter(r -> visibility.covers(r.activity().ownerId())).limit(limit).toList();
            }

            @Override
            public List<EscalationRow> toEscalate(Instant now, int limit) {
                return requests.values().stream().filter(r -> r.status() == RequestStatus.OPEN
                        && (r.escalationLevel() == 0 && r.dueAt().isBefore(now)
                                || r.escalationLevel() == 1 && r.escalateAt().isBefore(now)))
                        .sorted(EARLIEST_DUE).limit(limit).map(r -> {
                            ActivityRecord a = activities.get(r.activityId());
                            return new EscalationRow(r.activityId(), a.customerId(), a.ownerId(), a.outcome(),
                                    r.escalationLevel(), r.dueAt(), r.escalateAt());
                        }).toList();
            }

            @Override
            public boolean claimEscalation(long id, int from, int to) {
                RequestRecord r = requests.get(id);
                if (r == null || r.status() != RequestStatus.OPEN || r.escalationLevel() != from) {
                    return false;
                }
                put(requests, id, r.escalatedTo(to));
                return true;
            }

            @Override
            public void resetEscalation(long id) {
                RequestRecord r = requests.get(id);
                if (r != null) {
                    put(requests, id, r.escalatedTo(0));
                }
            }

            private StoredRequest stored(RequestRecord r) {
                return new StoredRequest(activities.get(r.activityId()), r);
            }
        }

        /** Service standards and their checks, counted over the maps as the database's GROUP BY does. */
        private final class ServiceStandards implements ServiceStandardStore {
            @Override
            public List<ServiceStandardRow> all() {
                return List.copyOf(standards.values());
            }

            @Override
            public long put(ServiceStandardRow standard) {
                long id = idOf(standard.kind(), standard.scope()).orElseGet(Tx.this::newId);
                Tx.this.put(standards, id, standard);
                return id;
            }

            @Override
            public OptionalLong remove(String kind, String scope) {
                OptionalLong id = idOf(kind, scope).map(OptionalLong::of).orElse(OptionalLong.empty());
                id.ifPresent(i -> Tx.this.remove(standards, i));
                return id;
            }

            private Optional<Long> idOf(String kind, String scope) {
                return standards.entrySet().stream().filter(e -> e.getValue().kind().equals(kind)
                        && e.getValue().scope().equals(scope)).map(Map.Entry::getKey).findFirst();
            }

            @Override
            public List<OwnerCount> uncontacted(String rating, Set<String> ratedApart, Set<ActivityType> contactTypes,
                    Instant since, Instant asOf, Visibility visibility) {
                Set<Long> contacted = new HashSet<>();
                for (ActivityRecord a : activities.values()) {
                    if (a.status() == ActivityStatus.DONE && contactTypes.contains(a.type())
                            && within(a.startsAt(), since, asOf)) {
                        contacted.add(a.customerId());
                    }
                }
                for (RequestRecord r : requests.values()) {
                    if (r.answeredAt() != null && within(r.answeredAt(), since, asOf)) {
                        contacted.add(activities.get(r.activityId()).customerId());
                    }
                }
                return countByOwner(customers.values().stream()
                        .filter(c -> c.status() == CustomerStatus.ACTIVE && !c.createdAt().isAfter(since))
                        .filter(c -> rating != null ? rating.equals(c.rating())
                                : c.rating() == null || !ratedApart.contains(c.rating()))
                        .filter(c -> visibility.covers(c.ownerId()) && !contacted.contains(c.id()))
                        .map(CustomerRecord::ownerId).toList());
            }

            @Override
            public List<LateRequestsRow> lateRequests(Instant since, Instant asOf, Visibility visibility) {
                Map<String, long[]> counts = new TreeMap<>();
                for (RequestRecord r : requests.values()) {
                    String owner = activities.get(r.activityId()).ownerId();
                    boolean open = r.status() == RequestStatus.OPEN;
                    if (!r.dueAt().isBefore(since) && r.dueAt().isBefore(asOf) && visibility.covers(owner)
                            && (open || r.answeredAt().isAfter(r.dueAt()))) {
                        counts.computeIfAbsent(owner, k -> new long[2])[open ? 1 : 0]++;
                    }
                }
                return counts.entrySet().stream().map(e -> new LateRequestsRow(e.getKey(), e.getValue()[0],
                        e.getValue()[1])).toList();
            }

            @Override
            public List<OwnerCount> loggedLate(ActivityType type, int hours, Instant since, Instant asOf,
                    Visibility visibility) {
                return countByOwner(activities.values().stream()
                        .filter(a -> a.type() == type && !a.endsAt().isBefore(since) && a.endsAt().isBefore(asOf))
                        .filter(a -> visibility.covers(a.ownerId()))
                        .filter(a -> (a.doneAt() == null ? asOf : a.doneAt()).isAfter(a.endsAt()
                                .plus(Duration.ofHours(hours))))
                        .map(ActivityRecord::ownerId).toList());
            }

            private boolean within(Instant at, Instant from, Instant to) {
                return !at.isBefore(from) && !at.isAfter(to);
            }

            private List<OwnerCount> countByOwner(List<String> owners) {
                Map<String, Long> counts = new TreeMap<>();
                owners.forEach(o -> counts.merge(o, 1L, Long::sum));
                return counts.entrySet().stream().map(e -> new OwnerCount(e.getKey(), e.getValue())).toList();
            }
        }

        // ---- events

        @Override
        public void append(List<DomainEvent> list) {
            checkWritable();
            for (DomainEvent event : list) {
                put(events, newId(), new Outboxed(event, null, 0, null));
            }
        }

        @Override
        public List<StoredEvent> undelivered(long afterSequence, int limit) {
            return events.tailMap(afterSequence, false).entrySet().stream()
                    .filter(e -> e.getValue().deliveredAt() == null)
                    .limit(limit)
                    .map(e -> new StoredEvent(e.getKey(), e.getValue().event(), e.getValue().attempts()))
                    .toList();
        }

        @Override
        public void markDelivered(List<Long> sequences, Instant at) {
            for (Long sequence : sequences) {
                Outboxed o = events.get(sequence);
                if (o != null) {
                    put(events, sequence, new Outboxed(o.event(), at, o.attempts(), o.lastError()));
                }
            }
        }

        @Override
        public void markFailed(long sequence, String error) {
            Outboxed o = events.get(sequence);
            if (o != null) {
                put(events, sequence, new Outboxed(o.event(), null, o.attempts() + 1, error));
            }
        }
    }
}
