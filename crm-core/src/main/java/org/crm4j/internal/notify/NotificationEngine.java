package org.crm4j.internal.notify;

import org.crm4j.store.NoticeStore;
import org.crm4j.store.EventStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.crm4j.ConflictException;
import org.crm4j.CrmException;
import org.crm4j.access.Actor;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.notify.DueNotice;
import org.crm4j.notify.MailMessage;
import org.crm4j.notify.Notice;
import org.crm4j.store.ClaimedDelivery;
import org.crm4j.store.DeliveryResult;
import org.crm4j.store.DeliveryState;
import org.crm4j.plugin.DirectoryUser;
import org.crm4j.plugin.EventListener;
import org.crm4j.plugin.EventNoticeRule;
import org.crm4j.store.NoticeDraft;
import org.crm4j.plugin.NoticeRule;
import org.crm4j.plugin.NoticeRuleContext;
import org.crm4j.plugin.NotificationChannel;
import org.crm4j.store.StoreTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.crm4j.internal.Runtime;

/**
 * Makes notices and delivers them (R15). Notices come from rules that read the store and from
 * events; each is rendered from its kind's template and stored once per key and recipient (the
 * store's unique rule decides a race between two nodes). Delivery claims pending deliveries in the
 * store for a lease, hands each to its channel outside any transaction, and records the outcome
 * only while the claim is still held, with a {@code notice.sent} event; so two workers, in one
 * JVM or on two nodes sharing the database, never deliver one notice twice through one channel,
 * and a crashed worker's claim is taken over when its lease ends.
 */
public final class NotificationEngine {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationEngine.class);
    /** Who raises the events of notices. */
    static final Actor SYSTEM = Actor.of("crm4j");
    /** The id of the in-app inbox channel. */
    public static final String INBOX = "inbox";
    /** The id of the e-mail channel. */
    public static final String EMAIL = "email";
    private static final int BATCH = 200;
    private static final int MAX_BATCHES = 50;
    private static final int INSERT_BATCH = 20;

    private final Runtime rt;
    private final List<NoticeRule> rules;
    private final Map<String, List<EventNoticeRule>> eventRules;
    private final Map<String, NotificationChannel> channels;
    private final NoticeTemplates templates;
    private final Config config;
    private final ThreadLocal<Tally> eventTally = new ThreadLocal<>();

    /**
     * How deliveries are claimed and retried.
     *
     * @param lease how long a claim holds before another worker may take it over
     * @param retryDelay how long a failed delivery waits, times its failures so far
     * @param maxAttempts after how many failures a delivery is given up
     * @param ruleLimit how many notices one rule yields in one run at most
     */
    public record Config(Duration lease, Duration retryDelay, int maxAttempts, int ruleLimit) {
    }

    /** Counts of one run. */
    public static final class Tally {
        public int created;
        public int unaddressed;
        public int failed;
        public final Map<String, Integer> sent = new HashMap<>();
        public final Map<String, Integer> unreachable = new HashMap<>();
        public int deliveryFailures;
    }

    /**
     * @param rt the runtime
     * @param rules the rules that read the store
     * @param eventRules the rules that read events
     * @param hostChannels the host's and plugins' channels, after the inbox and e-mail
     * @param templates the kinds' templates
     * @param config claims and retries
     */
    public NotificationEngine(Runtime rt, List<NoticeRule> rules, List<EventNoticeRule> eventRules,
            List<NotificationChannel> hostChannels, NoticeTemplates templates, Config config) {
        this.rt = rt;
        this.rules = List.copyOf(rules);
        Map<String, List<EventNoticeRule>> byType = new LinkedHashMap<>();
        eventRules.forEach(r -> byType.computeIfAbsent(r.eventType(), t -> new ArrayList<>()).add(r));
        this.eventRules = Map.copyOf(byType);
        Map<String, NotificationChannel> all = new LinkedHashMap<>();
        all.put(INBOX, new InboxChannel());
        if (rt.mailSender() != null) {
            all.put(EMAIL, new EmailChannel(rt));
        }
        for (NotificationChannel channel : hostChannels) {
            String id = channel.id();
            if (id == null || id.isBlank() || id.length() > 50) {
                throw new CrmException("A notification channel needs an id of 1 to 50 characters, was '" + id + "'");
            }
            if (all.putIfAbsent(id, channel) != null) {
                throw new CrmException("Two notification channels have the id '" + id + "'");
            }
        }
        this.channels = all;
        this.templates = templates;
        this.config = config;
    }

    /** @return the ids of the channels notices are delivered through */
    public Set<String> channelIds() {
        return channels.keySet();
    }

    /** @return the listener that turns events into notices, called first on every event */
    public EventListener eventListener() {
        return event -> {
            List<EventNoticeRule> matching = eventRules.get(event.type());
            if (matching == null) {
                return;
            }
            List<DueNotice> due = new ArrayList<>();
            for (EventNoticeRule rule : matching) {
                due.addAll(rule.notices(event));
            }
            Tally tally = eventTally.get();
            create(due, tally == null ? new Tally() : tally);
        };
    }

    /**
     * Counts the notices the event listener makes on this thread while the work runs.
     *
     * @param tally where they are counted
     * @param work the work, e.g. an event delivery
     */
    public void countingEventNotices(Tally tally, Runnable work) {
        eventTally.set(tally);
        try {
            work.run();
        } finally {
            eventTally.remove();
        }
    }

    /**
     * Asks every rule for its due notices and creates them. A rule that fails (with anything but a
     * {@link VirtualMachineError}) is logged with its stack trace and skipped; the others go on.
     *
     * @param tally where the outcome is counted
     * @return false when a rule failed
     */
    public boolean runRules(Tally tally) {
        boolean allRan = true;
        Instant now = rt.now();
        ZoneId zone = rt.clock().getZone();
        for (NoticeRule rule : rules) {
            List<DueNotice> due;
            try {
                due = rt.store().readOnly(tx -> rule.due(context(tx, now, zone)));
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                // a plugin's rule may throw anything, an Error included; the other rules go on
                LOG.warn("CRM-NTF-003 Notice rule {} failed; it is asked again on the next run", rule.id(), e);
                allRan = false;
                continue;
            }
            try {
                create(due, tally);
            } catch (ConflictException e) {
                // another node made some of these notices at the same time; they exist once, and
                // what this run did not make, the next one does (made notices are left out by key)
                LOG.debug("Notices of rule {} were made at the same time elsewhere: {}", rule.id(), e.getMessage());
            }
        }
        return allRan;
    }

    private NoticeRuleContext context(StoreTransaction tx, Instant now, ZoneId zone) {
        return new NoticeRuleContext() {
            @Override
            public StoreTransaction store() {
                return tx;
            }

            @Override
            public Instant now() {
                return now;
            }

            @Override
            public ZoneId zone() {
                return zone;
            }

            @Override
            public int limit() {
                return config.ruleLimit();
            }
        };
    }

    /**
     * Creates the notices that do not exist yet (by key and recipient), rendered, with a pending
     * delivery per channel. Notices to users the directory does not know are dropped.
     */
    void create(List<DueNotice> due, Tally tally) {
        Map<List<String>, DueNotice> unique = new LinkedHashMap<>();
        for (DueNotice notice : due) {
            if (!rt.access().isKnownUser(notice.recipientId())) {
                tally.unaddressed++;
                LOG.debug("Notice {} is for '{}', whom the directory does not know; dropped", notice.key(),
                        notice.recipientId());
                continue;
            }
            unique.putIfAbsent(List.of(notice.key(), notice.recipientId()), notice);
        }
        List<DueNotice> all = new ArrayList<>(unique.values());
        for (int from = 0; from < all.size(); from += BATCH) {
            List<DueNotice> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            Set<String> keys = new LinkedHashSet<>();
            batch.forEach(n -> keys.add(n.key()));
            Map<String, Set<String>> existing = rt.store().readOnly(tx -> tx.store(NoticeStore.class).recipientsByKey(keys));
            Instant now = rt.now();
            List<NoticeDraft> drafts = new ArrayList<>();
            for (DueNotice notice : batch) {
                if (existing.getOrDefault(notice.key(), Set.of()).contains(notice.recipientId())) {
                    continue;
                }
                NoticeDraft draft = render(notice, now);
                if (draft == null) {
                    tally.failed++;
                } else {
                    drafts.add(draft);
                }
            }
            tally.created += insert(drafts);
        }
    }

    private NoticeDraft render(DueNotice notice, Instant now) {
        Map<String, String> values = new LinkedHashMap<>(notice.values());
        values.putIfAbsent("recipient", notice.recipientId());
        values.putIfAbsent("recipientName", rt.access().user(notice.recipientId())
                .map(DirectoryUser::displayName).orElse(notice.recipientId()));
        try {
            NoticeTemplates.Rendered text = templates.render(notice.kind(), values);
            return new NoticeDraft(notice.key(), notice.kind(), notice.recipientId(), notice.customerId(),
                    text.subject(), text.body(), values, now);
        } catch (CrmException e) {
            LOG.warn("CRM-NTF-002 Notice {} for '{}' cannot be rendered and is skipped: {}", notice.key(),
                    notice.recipientId(), e.getMessage());
            return null;
        }
    }

    /**
     * Inserts in small transactions (so that a concurrent worker making the same notices waits
     * briefly on the unique key); when another worker made some of them meanwhile, the rest one by
     * one.
     *
     * @throws ConflictException when a notice could not be made and does not exist either (it is
     *     made on a later run)
     */
    private int insert(List<NoticeDraft> drafts) {
        Set<String> ids = channels.keySet();
        int created = 0;
        for (int from = 0; from < drafts.size(); from += INSERT_BATCH) {
            List<NoticeDraft> chunk = drafts.subList(from, Math.min(drafts.size(), from + INSERT_BATCH));
            try {
                created += rt.store().inTransaction(tx -> {
                    chunk.forEach(d -> tx.store(NoticeStore.class).insert(d, ids));
                    return chunk.size();
                });
            } catch (ConflictException e) {
                for (NoticeDraft draft : chunk) {
                    if (!exists(draft)) {
                        try {
                            rt.store().inTransaction(tx -> tx.store(NoticeStore.class).insert(draft, ids));
                            created++;
                        } catch (ConflictException taken) {
                            if (!exists(draft)) {
                                throw taken;
                            }
                        }
                    }
                }
            }
        }
        return created;
    }

    private boolean exists(NoticeDraft draft) {
        return rt.store().readOnly(tx -> tx.store(NoticeStore.class).recipientsByKey(Set.of(draft.key())))
                .getOrDefault(draft.key(), Set.of()).contains(draft.recipientId());
    }

    /**
     * Delivers the pending notices: claims a batch, delivers it, records the outcomes, until none
     * is left (or a bound of batches is reached).
     *
     * @param tally where the outcome is counted
     */
    public void dispatch(Tally tally) {
        String token = UUID.randomUUID().toString();
        for (int round = 0; round < MAX_BATCHES; round++) {
            Instant claimedAt = rt.now();
            List<ClaimedDelivery> claimed = rt.store().inTransaction(tx -> tx.store(NoticeStore.class).claim(channels.keySet(),
                    claimedAt, claimedAt.plus(config.lease()), token, BATCH));
            if (claimed.isEmpty()) {
                return;
            }
            List<DeliveryResult> results = new ArrayList<>(claimed.size());
            for (ClaimedDelivery delivery : claimed) {
                results.add(deliver(delivery));
            }
            Instant at = rt.now();
            rt.store().inTransaction(tx -> {
                Set<Long> held = tx.store(NoticeStore.class).finish(results, token, at);
                List<DomainEvent> events = new ArrayList<>();
                List<Long> toInbox = new ArrayList<>();
                for (int i = 0; i < results.size(); i++) {
                    DeliveryResult result = results.get(i);
                    ClaimedDelivery delivery = claimed.get(i);
                    if (!held.contains(delivery.id())) {
                        LOG.warn("CRM-NTF-004 The claim of delivery {} ({} of notice {}) ended before it was done and"
                                + " another worker took it over; lengthen the notice lease", delivery.id(),
                                delivery.channel(), delivery.notice().id());
                        continue;
                    }
                    count(tally, delivery, result);
                    if (result.state() == DeliveryState.SENT) {
                        if (delivery.channel().equals(INBOX)) {
                            toInbox.add(delivery.notice().id().value());
                        }
                        events.add(sentEvent(delivery, at));
                    }
                }
                if (!toInbox.isEmpty()) {
                    tx.store(NoticeStore.class).putInInbox(toInbox, at);
                }
                tx.store(EventStore.class).append(events);
                return null;
            });
            if (claimed.size() < BATCH) {
                return;
            }
        }
    }

    private static void count(Tally tally, ClaimedDelivery delivery, DeliveryResult result) {
        switch (result.state()) {
            case SENT -> tally.sent.merge(delivery.channel(), 1, Integer::sum);
            case UNREACHABLE -> tally.unreachable.merge(delivery.channel(), 1, Integer::sum);
            default -> tally.deliveryFailures++;
        }
    }

    private DeliveryResult deliver(ClaimedDelivery delivery) {
        NotificationChannel channel = channels.get(delivery.channel());
        Notice notice = delivery.notice();
        DirectoryUser recipient = rt.access().user(notice.recipientId())
                .orElseGet(() -> new DirectoryUser(notice.recipientId(), notice.recipientId(), Set.of(), null));
        try {
            NotificationChannel.Outcome outcome = channel.deliver(notice, recipient);
            return new DeliveryResult(delivery.id(), outcome == NotificationChannel.Outcome.UNREACHABLE
                    ? DeliveryState.UNREACHABLE : DeliveryState.SENT, null, null);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // a channel is a plugin and may throw anything, an Error included
            int failures = delivery.attempts() + 1;
            String error = e.toString();
            error = error.length() > 1000 ? error.substring(0, 1000) : error;
            if (failures >= config.maxAttempts()) {
                LOG.warn("CRM-NTF-001 Channel {} failed to deliver notice {} {} times; given up: {}", channel.id(),
                        notice.id(), failures, error);
                return new DeliveryResult(delivery.id(), DeliveryState.FAILED, error, null);
            }
            LOG.warn("CRM-NTF-001 Channel {} failed to deliver notice {}; it is tried again: {}", channel.id(),
                    notice.id(), error);
            return new DeliveryResult(delivery.id(), DeliveryState.PENDING, error,
                    rt.now().plus(config.retryDelay().multipliedBy(failures)));
        }
    }

    private DomainEvent sentEvent(ClaimedDelivery delivery, Instant at) {
        Notice notice = delivery.notice();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("key", notice.key());
        data.put("kind", notice.kind());
        data.put("recipient", notice.recipientId());
        data.put("channel", delivery.channel());
        return rt.event(SYSTEM, EventTypes.NOTICE_SENT, "notice", notice.id().value(), null, at, data);
    }

    /** The in-app inbox: the notice is put there in the transaction that records its delivery. */
    private static final class InboxChannel implements NotificationChannel {
        @Override
        public String id() {
            return INBOX;
        }

        @Override
        public Outcome deliver(Notice notice, DirectoryUser recipient) {
            return Outcome.DELIVERED;
        }
    }

    /** E-mail through the host's mail sender, to the address the directory has for the recipient. */
    private static final class EmailChannel implements NotificationChannel {
        private final Runtime rt;

        EmailChannel(Runtime rt) {
            this.rt = rt;
        }

        @Override
        public String id() {
            return EMAIL;
        }

        @Override
        public Outcome deliver(Notice notice, DirectoryUser recipient) throws Exception {
            if (recipient.email() == null) {
                return Outcome.UNREACHABLE;
            }
            rt.mail().send(new MailMessage("notice-" + notice.id() + "@crm4j", recipient.email().value(),
                    recipient.displayName(), notice.subject(), notice.body(), null));
            return Outcome.DELIVERED;
        }
    }
}
