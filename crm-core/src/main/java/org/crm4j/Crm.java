package org.crm4j;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import javax.sql.DataSource;
import org.crm4j.access.Actor;
import org.crm4j.activity.Activities;
import org.crm4j.customer.ContactPerson;
import org.crm4j.activity.EscalationReport;
import org.crm4j.common.WorkingCalendar;
import org.crm4j.event.DeliveryReport;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.internal.access.AccessPolicy;
import org.crm4j.internal.Assert;
import org.crm4j.internal.BeanValidation;
import org.crm4j.internal.notify.BuiltInNotices;
import org.crm4j.internal.pipeline.BuiltInRules;
import org.crm4j.internal.DueWork;
import org.crm4j.internal.event.EventDelivery;
import org.crm4j.internal.ReferenceSync;
import org.crm4j.internal.access.FlatUserDirectory;
import org.crm4j.internal.notify.NoticeTemplates;
import org.crm4j.internal.notify.NotificationEngine;
import org.crm4j.internal.pipeline.PipelineCache;
import org.crm4j.internal.activity.RequestEscalation;
import org.crm4j.internal.Runtime;
import org.crm4j.internal.pipeline.StallDetection;
import org.crm4j.notify.DueWorkReport;
import org.crm4j.notify.NoticeTemplate;
import org.crm4j.pipeline.StallCriteria;
import org.crm4j.pipeline.StallReport;
import org.crm4j.plugin.CrmPlugin;
import org.crm4j.store.CrmStore;
import org.crm4j.store.CrmStoreProvider;
import org.crm4j.plugin.EventListener;
import org.crm4j.plugin.EventNoticeRule;
import org.crm4j.plugin.MailSender;
import org.crm4j.plugin.NoticeRule;
import org.crm4j.plugin.NotificationChannel;
import org.crm4j.plugin.PipelineRule;
import org.crm4j.plugin.PluginContext;
import org.crm4j.store.StoreContext;
import org.crm4j.plugin.TemplateEngine;
import org.crm4j.plugin.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door of crm4j.
 *
 * <pre>{@code
 * try (Crm crm = Crm.builder().build()) {            // embedded H2, in memory
 *     Customers customers = crm.as(Actor.of("sam")).customers();
 *     Customer acme = customers.create(NewCustomer.company("ACME GmbH"));
 * }
 * }</pre>
 *
 * <p>With no configuration it runs on an embedded H2 database in memory; {@link Builder#h2File}
 * keeps it in a file and {@link Builder#dataSource} plugs in the host's database (H2 or
 * PostgreSQL; the schema is created and migrated on start, in tables prefixed {@code crm_}).
 * Every call is made by someone: {@link #as(Actor)} gives the operations that actor may do.
 * A {@code Crm} is thread-safe; build one per database and close it when the host stops.
 */
public final class Crm implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Crm.class);

    private final Runtime runtime;
    private final UserDirectory directory;
    private final EventDelivery delivery;
    private final StallDetection stallDetection;
    private final DueWork dueWork;
    private final DueWork.Scheduler scheduler;
    private final RequestEscalation requestEscalation;
    private final org.crm4j.internal.sales.SalesPull salesPull;
    private volatile boolean closed;

    private Crm(Runtime runtime, UserDirectory directory, List<EventDelivery.Listener> listeners,
            Notifications notifications, List<org.crm4j.plugin.SalesSource> salesSources) {
        this.runtime = runtime;
        this.salesPull = new org.crm4j.internal.sales.SalesPull(runtime, salesSources);
        this.directory = directory;
        NotificationEngine engine = new NotificationEngine(runtime, notifications.rules(),
                notifications.eventRules(), notifications.channels(), notifications.templates(),
                notifications.config());
        List<EventDelivery.Listener> all = new ArrayList<>();
        all.add(new EventDelivery.Listener(NOTICES_LISTENER, engine.eventListener()));
        all.addAll(listeners);
        this.delivery = new EventDelivery(runtime, all, notifications.eventLease(), notifications.eventAttempts());
        this.stallDetection = new StallDetection(runtime);
        this.requestEscalation = new RequestEscalation(runtime);
        this.dueWork = new DueWork(engine, requestEscalation, stallDetection, notifications.stallCriteria(), delivery);
        this.scheduler = notifications.every() == null ? null : new DueWork.Scheduler(dueWork, notifications.every());
    }

    /** What the builder configured for notices and due work. */
    private record Notifications(List<NoticeRule> rules, List<EventNoticeRule> eventRules,
            List<NotificationChannel> channels, NoticeTemplates templates, NotificationEngine.Config config,
            StallCriteria stallCriteria, Duration every, Duration eventLease, int eventAttempts) {
    }

    /** The id of the listener that turns events into notices (stalled deals, overdue requests). */
    private static final String NOTICES_LISTENER = "crm4j.notices";

    /** @return a builder with nothing set: embedded H2 in memory, system clock, no listeners */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param actor the host's user who acts
     * @return the operations that actor may do
     */
    public ActorScope as(Actor actor) {
        Assert.notNull(actor, "actor");
        checkOpen();
        runtime.sync().checkIfDue();
        return new ActorScope(runtime, actor);
    }

    /**
     * @param userId a user the {@link UserDirectory} knows; their roles come from it
     * @return the operations that user may do
     * @throws NotFoundException when the directory does not know the user
     */
    public ActorScope as(String userId) {
        Assert.notNull(userId, "userId");
        var user = directory.find(userId).orElseThrow(() -> new NotFoundException("user", userId));
        return as(new Actor(user.id(), user.roles()));
    }

    /**
     * Runs the host's work in the host's own transaction: every call to crm4j that the work makes
     * on this thread reads and writes through the given connection, so that the host's changes and
     * crm4j's (its domain events too, written to the outbox) commit together or not at all. crm4j
     * never commits, rolls back or closes the connection: the host does, after this returns.
     * Events are delivered ({@link #deliverEvents()}) only once the host has committed them; after a
     * rollback nothing of crm4j's work remains and no event is delivered.
     *
     * <pre>{@code
     * try (Connection c = dataSource.getConnection()) {
     *     c.setAutoCommit(false);
     *     insertOrder(c, ...);                                   // the host's own table
     *     Customer acme = crm.inHostTransaction(c, () -> crm.as("sam").customers()
     *             .create(NewCustomer.company("ACME")));
     *     c.commit();                                            // or c.rollback(): neither remains
     * }
     * }</pre>
     *
     * <p>The connection must reach the database crm4j runs on (the host's {@code DataSource} given to
     * {@link Builder#dataSource}) and have auto-commit off. When crm4j's work fails, its exception
     * reaches the host, who should roll back: on PostgreSQL a failed statement leaves the transaction
     * unable to do anything else. Caches keep nothing read inside the host's transaction. The
     * in-memory store cannot join (a {@link CrmException}). JTA is not supported: hand crm4j the
     * transaction's connection, as above.
     *
     * @param connection the host's connection, in its transaction (auto-commit off)
     * @param work what the host does, calling crm4j
     * @param <T> the work's result
     * @return the work's result
     * @throws CrmException when the store cannot join, the connection is closed or in auto-commit
     *     mode, or this thread already works in a host's transaction on another connection
     */
    public <T> T inHostTransaction(java.sql.Connection connection, java.util.function.Supplier<T> work) {
        Assert.notNull(connection, "connection");
        Assert.notNull(work, "work");
        checkOpen();
        return org.crm4j.internal.CurrentTransaction.joining(connection, work);
    }

    /**
     * {@link #inHostTransaction(java.sql.Connection, java.util.function.Supplier)} for work without a
     * result.
     *
     * @param connection the host's connection, in its transaction (auto-commit off)
     * @param work what the host does, calling crm4j
     */
    public void inHostTransaction(java.sql.Connection connection, Runnable work) {
        Assert.notNull(work, "work");
        inHostTransaction(connection, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Pulls sales from every registered {@link org.crm4j.plugin.SalesSource} (R29): from each one's
     * checkpoint kept in the database, page by page until it says there is no more, taken in as
     * {@code Sales.importDocuments} takes documents (payments one by one), as an administrator named
     * after the source. Call it from the host's scheduler; a pull cut short, or run on two nodes at
     * once, asks for a page again, which changes nothing that went in.
     *
     * @return what was taken from each source
     * @throws CrmException naming the source when a source fails; what earlier pages brought stays
     */
    public org.crm4j.sales.SalesPullReport.All pullSales() {
        checkOpen();
        return salesPull.pull();
    }

    /**
     * Delivers the domain events of the outbox to the registered listeners, in order per
     * aggregate and listener, at least once, and marks them delivered. Any node may call it at any
     * time: each event is claimed in the database for the event lease
     * ({@link Builder#eventLease}) before it is handed over, so two nodes never deliver one event
     * at once, an aggregate's later event never overtakes its earlier one held by another node, and
     * a crashed node's claims are taken over when the lease ends. Each listener keeps its own
     * progress: an event a listener refused comes again to that listener only, on the next call,
     * and holds back the later events of its aggregate for that listener only; after
     * {@link Builder#eventAttempts} failures it is a dead letter ({@code CRM-EVT-002}) that waits
     * for an administrator ({@code crm.as(admin).events()}). Concurrent calls in one JVM run one
     * after the other.
     *
     * @return what was delivered
     */
    public DeliveryReport deliverEvents() {
        checkOpen();
        runtime.sync().checkIfDue();
        return delivery.deliver();
    }

    /**
     * Finds the open deals that stalled (R25) since the last run and raises one
     * {@link EventTypes#OPPORTUNITY_STALLED} event for each, in the outbox; {@link #deliverEvents()}
     * then hands them to the listeners (e.g. to remind the owner). Every deal is looked at,
     * whoever owns it. A stall is announced once: a deal comes again only when it is idle after
     * newer activity, or overdue with another expected close date. Announcing leaves the deal
     * itself unchanged, so a user saving it meanwhile meets no conflict. Call it from the host's
     * scheduler (e.g. daily); one run flags at most {@link StallCriteria#limit()} deals in one
     * transaction and says when more remain. What was announced is kept per deal, not per criteria:
     * run it with the same criteria every time. Concurrent calls in one JVM run one after the other;
     * a run on another node at the same time may fail with a {@link ConflictException}, and then
     * nothing of it remains.
     *
     * @param criteria what counts as stalled (no page token)
     * @return how many stalls were announced and whether more remain
     * @throws ValidationException when the criteria are missing or carry a page token
     */
    public StallReport detectStalledDeals(StallCriteria criteria) {
        checkOpen();
        return stallDetection.detect(criteria);
    }

    /**
     * Does the work that is due (R15), as a call the host schedules (e.g. every minute), or the
     * built-in scheduler ({@link Builder#runDueWorkEvery}) runs: asks the notice rules for due
     * notices (reminders of planned activities, competitors' contracts ending within the
     * configured days, plugged-in {@link NoticeRule}s), escalates overdue requests, detects
     * stalled deals when {@link Builder#stallDetection criteria} are configured, delivers the
     * outbox (events such as {@code opportunity.stalled} and {@code request.overdue} become
     * notices, as {@link #deliverEvents()}), and delivers the pending notices through every
     * channel (the inbox; e-mail when a {@link MailSender} is registered; the host's channels),
     * raising {@code notice.sent} for each delivery.
     *
     * <p>Each notice exists once per cause and recipient and is delivered once per channel, also
     * when this runs at the same time in several threads or on several application nodes sharing
     * one database: deliveries are claimed in the database for a lease
     * ({@link Builder#noticeLease}), after which a crashed worker's claim is taken over. A
     * delivery that fails is tried again on later runs, with growing pauses, up to 10 times.
     *
     * @return what was done
     */
    public DueWorkReport runDueWork() {
        checkOpen();
        return dueWork.run();
    }

    /**
     * Escalates the open requests whose due time passed (R7), once per level, raising one
     * {@link EventTypes#REQUEST_OVERDUE} event for each, in the outbox; {@link #deliverEvents()}
     * then hands them to the listeners (the notification engine tells the event's
     * {@code recipient}). Level 1, when the due time has passed: the request's owner. Level 2,
     * when it is still open one more answer period later (as many working days again as it got
     * to be answered in): the owner's superior in the user directory, or the owner again when
     * nobody is above them. A request found past both at once reaches both levels in one run.
     * Every request is looked at, whoever owns it; escalating leaves its version alone, so a
     * user answering it meanwhile meets no conflict. Reopening a request lets it escalate anew.
     *
     * <p>Due work: call it from the host's scheduler (e.g. every few minutes). One run escalates
     * at most 500 requests in one transaction and says when more remain. Each level is claimed in
     * the store by a conditional update, so runs at the same time, in this JVM or on other nodes
     * on the same database, never raise a level twice.
     *
     * @return how many escalations were raised and whether more remain
     */
    public EscalationReport escalateOverdueRequests() {
        checkOpen();
        return requestEscalation.escalate();
    }

    /**
     * Forgets cached answers of the user directory, after the host changed users or reporting
     * lines, on this node at once and on every other node on the database within
     * {@link Builder#cacheSync} (the change is recorded in the database).
     */
    public void userDirectoryChanged() {
        checkOpen();
        runtime.access().invalidate();
        runtime.store().inTransaction(tx -> {
            ReferenceSync.changed(tx, ReferenceSync.DIRECTORY);
            return null;
        });
    }

    /** @return what the store is, e.g. {@code Hibernate ORM on H2} */
    public String storeDescription() {
        return runtime.store().description();
    }

    /** Closes the store and releases its connections. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (scheduler != null) {
                scheduler.close();
            }
            runtime.store().close();
            runtime.validation().close();
            LOG.debug("crm4j closed");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new CrmException("This Crm is closed");
        }
    }

    /**
     * Configures and builds a {@link Crm}. Every option may be set once; a second call fails.
     */
    public static final class Builder {
        /** The longest role code of a contact person. */
        private static final int MAX_ROLE = 50;
        private DataSource dataSource;
        private Path h2File;
        private String storeId;
        private final Map<String, String> storeProperties = new LinkedHashMap<>();
        private Clock clock;
        private UserDirectory userDirectory;
        private Duration userCacheTtl;
        private Duration referenceDataTtl;
        private final List<EventListener> listeners = new ArrayList<>();
        private Duration eventLease;
        private Duration cacheSync;
        private Integer eventAttempts;
        private final List<CrmPlugin> plugins = new ArrayList<>();
        private final List<PipelineRule> pipelineRules = new ArrayList<>();
        private Boolean discoverPlugins;
        private TemplateEngine templateEngine;
        private MailSender mailSender;
        private final List<NoticeRule> noticeRules = new ArrayList<>();
        private final List<EventNoticeRule> eventNoticeRules = new ArrayList<>();
        private final List<NotificationChannel> channels = new ArrayList<>();
        private final List<org.crm4j.plugin.SalesSource> salesSources = new ArrayList<>();
        private final Map<String, NoticeTemplate> noticeTemplates = new LinkedHashMap<>();
        private Integer competitorContractNoticeDays;
        private Integer renewalNoticeDays;
        private final Map<String, Integer> renewalNoticeDaysByProduct = new java.util.LinkedHashMap<>();
        private StallCriteria stallCriteria;
        private Duration dueWorkEvery;
        private Duration noticeLease;
        private Set<String> responsibleRoles;
        private WorkingCalendar workingCalendar;

        private Builder() {
        }

        /**
         * @param ds the host's database; crm4j creates its tables ({@code crm_*}) there on start
         * @return this builder
         */
        public Builder dataSource(DataSource ds) {
            once(dataSource, "dataSource");
            once(h2File, "h2File");
            this.dataSource = Assert.notNull(ds, "dataSource");
            return this;
        }

        /**
         * @param file where the embedded H2 database keeps its data (without the {@code .mv.db}
         *     ending), instead of in memory
         * @return this builder
         */
        public Builder h2File(Path file) {
            once(h2File, "h2File");
            once(dataSource, "dataSource");
            this.h2File = Assert.notNull(file, "h2File");
            return this;
        }

        /**
         * @param id the id of the store adapter to use (e.g. {@code jpa} or {@code memory});
         *     by default the one with the highest priority on the class path
         * @return this builder
         */
        public Builder store(String id) {
            once(storeId, "store");
            this.storeId = Assert.notNull(id, "store");
            return this;
        }

        /**
         * @param key a setting of the store adapter (e.g. a Hibernate property)
         * @param value its value
         * @return this builder
         */
        public Builder storeProperty(String key, String value) {
            Assert.notNull(key, "key");
            Assert.notNull(value, "value");
            if (storeProperties.putIfAbsent(key, value) != null) {
                throw new ValidationException("storeProperty." + key, "SetOnce", "was already set");
            }
            return this;
        }

        /**
         * @param c the clock every time stamp, reminder and deadline is taken from
         * @return this builder
         */
        public Builder clock(Clock c) {
            once(clock, "clock");
            this.clock = Assert.notNull(c, "clock");
            return this;
        }

        /**
         * @param directory the host's users and reporting lines; without one, every user is known
         *     and nobody reports to anybody
         * @return this builder
         */
        public Builder userDirectory(UserDirectory directory) {
            once(userDirectory, "userDirectory");
            this.userDirectory = Assert.notNull(directory, "userDirectory");
            return this;
        }

        /**
         * @param ttl how long answers of the user directory are cached (default 1 minute; zero
         *     asks the directory every time)
         * @return this builder
         */
        public Builder userCacheTtl(Duration ttl) {
            once(userCacheTtl, "userCacheTtl");
            Assert.notNull(ttl, "userCacheTtl");
            if (ttl.isNegative()) {
                throw new ValidationException("userCacheTtl", "PositiveOrZero", "must not be negative");
            }
            this.userCacheTtl = ttl;
            return this;
        }

        /**
         * @param ttl how long reference data (pipelines) is cached before it is read again
         *     (default 5 minutes); a change made through this CRM takes effect at once, a change
         *     made by another application node after this time
         * @return this builder
         */
        public Builder referenceDataTtl(Duration ttl) {
            once(referenceDataTtl, "referenceDataTtl");
            Assert.notNull(ttl, "referenceDataTtl");
            if (ttl.isNegative()) {
                throw new ValidationException("referenceDataTtl", "PositiveOrZero", "must not be negative");
            }
            this.referenceDataTtl = ttl;
            return this;
        }

        /**
         * @param listener receives every domain event on {@link Crm#deliverEvents()}, under its
         *     {@link EventListener#id()} (a lambda's id is its place among the listeners:
         *     {@code listener-1}, ...; name it with {@link #listener(String, EventListener)} when that
         *     place may change)
         * @return this builder
         */
        public Builder listener(EventListener listener) {
            listeners.add(Assert.notNull(listener, "listener"));
            return this;
        }

        /**
         * @param id the listener's stable id, under which its progress through the outbox is kept
         *     (1 to 100 characters)
         * @param listener receives every domain event on {@link Crm#deliverEvents()}
         * @return this builder
         */
        public Builder listener(String id, EventListener listener) {
            Assert.notNull(listener, "listener");
            listeners.add(new NamedListener(listenerId(id), listener));
            return this;
        }

        /**
         * @param lease how long a node holds the events it claimed for delivery (default 5
         *     minutes); another node takes them over after it, e.g. when the first one crashed. A
         *     listener still at work on an event when the lease ends may see it again.
         * @return this builder
         */
        public Builder eventLease(Duration lease) {
            once(eventLease, "eventLease");
            Assert.notNull(lease, "eventLease");
            if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new ValidationException("eventLease", "Min", "must be at least one second, was " + lease);
            }
            this.eventLease = lease;
            return this;
        }

        /**
         * @param interval how often at most this node asks the database whether another node
         *     changed reference data it caches (pipelines, after {@code userDirectoryChanged()} the
         *     directory's answers), before a call of {@code crm.as(...)}; default 1 second, the
         *     longest a change on one node is unseen on another
         * @return this builder
         */
        public Builder cacheSync(Duration interval) {
            once(cacheSync, "cacheSync");
            Assert.notNull(interval, "cacheSync");
            if (interval.isNegative()) {
                throw new ValidationException("cacheSync", "PositiveOrZero", "must not be negative, was " + interval);
            }
            this.cacheSync = interval;
            return this;
        }

        /**
         * @param attempts after how many failures of a listener on one event the event is a dead
         *     letter for it (default 10, at least 1): it waits for an administrator, and so do the
         *     later events of its aggregate for that listener
         * @return this builder
         */
        public Builder eventAttempts(int attempts) {
            once(eventAttempts, "eventAttempts");
            Assert.positive(attempts, "eventAttempts");
            this.eventAttempts = attempts;
            return this;
        }

        /**
         * @param rule a rule every stage move of a deal must pass, checked after the built-in
         *     rules and the discovered ones
         * @return this builder
         */
        public Builder pipelineRule(PipelineRule rule) {
            pipelineRules.add(Assert.notNull(rule, "pipelineRule"));
            return this;
        }

        /**
         * @param plugin a plugin to register after the discovered ones
         * @return this builder
         */
        public Builder plugin(CrmPlugin plugin) {
            plugins.add(Assert.notNull(plugin, "plugin"));
            return this;
        }

        /**
         * @param discover whether plugins listed under {@code META-INF/services} are loaded
         *     (default true)
         * @return this builder
         */
        public Builder discoverPlugins(boolean discover) {
            once(discoverPlugins, "discoverPlugins");
            this.discoverPlugins = discover;
            return this;
        }

        /**
         * @param engine renders notices and mailings; by default the one found under
         *     {@code META-INF/services/org.crm4j.plugin.TemplateEngine} (crm-reports ships one on Mustache)
         * @return this builder
         */
        public Builder templateEngine(TemplateEngine engine) {
            once(templateEngine, "templateEngine");
            this.templateEngine = Assert.notNull(engine, "templateEngine");
            return this;
        }

        /**
         * @param sender hands e-mails (notices, mailings) to the host's mail system
         * @return this builder
         */
        public Builder mailSender(MailSender sender) {
            once(mailSender, "mailSender");
            this.mailSender = Assert.notNull(sender, "mailSender");
            return this;
        }

        /**
         * @param rule a rule that finds due notices in the store on every {@link Crm#runDueWork()},
         *     after the built-in, discovered and plugins' ones
         * @return this builder
         */
        public Builder noticeRule(NoticeRule rule) {
            noticeRules.add(Assert.notNull(rule, "noticeRule"));
            return this;
        }

        /**
         * @param rule a rule that turns events of one type into notices, after the built-in and
         *     plugins' ones
         * @return this builder
         */
        public Builder eventNoticeRule(EventNoticeRule rule) {
            eventNoticeRules.add(Assert.notNull(rule, "eventNoticeRule"));
            return this;
        }

        /**
         * @param channel a way notices reach employees, besides the inbox and e-mail
         * @return this builder
         */
        public Builder notificationChannel(NotificationChannel channel) {
            channels.add(Assert.notNull(channel, "notificationChannel"));
            return this;
        }

        /**
         * Replaces the template of one kind of notice (see {@link org.crm4j.notify.NoticeKinds}, or a
         * plugged-in rule's kind). It may use only the values the kind supplies: a placeholder it does
         * not is refused by {@link #build()}, naming it (when a template engine is on the class path).
         *
         * @param kind the kind, e.g. {@code competitor-contract}
         * @param template the subject and body
         * @return this builder
         */
        public Builder noticeTemplate(String kind, NoticeTemplate template) {
            Assert.notNull(kind, "kind");
            Assert.notNull(template, "template");
            if (noticeTemplates.putIfAbsent(kind, template) != null) {
                throw new ValidationException("noticeTemplate." + kind, "SetOnce", "was already set");
            }
            return this;
        }

        /**
         * @param days how many days before a customer's contract with a competitor ends its owner
         *     gets a notice (default 90)
         * @return this builder
         */
        public Builder competitorContractNoticeDays(int days) {
            once(competitorContractNoticeDays, "competitorContractNoticeDays");
            if (days < 0 || days > 3660) {
                throw new ValidationException("competitorContractNoticeDays", "Range", "must be 0 to 3660, was "
                        + days);
            }
            this.competitorContractNoticeDays = days;
            return this;
        }

        /**
         * @param source an ERP to pull sales from with {@link Crm#pullSales()}
         * @return this builder
         */
        public Builder salesSource(org.crm4j.plugin.SalesSource source) {
            salesSources.add(Assert.notNull(source, "salesSource"));
            return this;
        }

        /**
         * @param days how many days before the last day on which notice of a service can be given
         *     (its end less its notice days) the customer's owner gets a notice that renewal talks
         *     are due (R15, default 30), for the products without a number of their own
         * @return this builder
         */
        public Builder renewalNoticeDays(int days) {
            once(renewalNoticeDays, "renewalNoticeDays");
            if (days < 0 || days > 3660) {
                throw new ValidationException("renewalNoticeDays", "Range", "must be 0 to 3660, was " + days);
            }
            this.renewalNoticeDays = days;
            return this;
        }

        /**
         * @param productCode a product's code in the ERP
         * @param days how many days before the last day for notice of its services renewal talks are
         *     due, instead of {@link #renewalNoticeDays(int)}'s number
         * @return this builder
         */
        public Builder renewalNoticeDays(String productCode, int days) {
            Assert.notNull(productCode, "productCode");
            if (productCode.isBlank()) {
                throw new ValidationException("renewalNoticeDays.productCode", "NotBlank", "name the product");
            }
            if (days < 0 || days > 3660) {
                throw new ValidationException("renewalNoticeDays." + productCode, "Range", "must be 0 to 3660, was "
                        + days);
            }
            if (renewalNoticeDaysByProduct.putIfAbsent(productCode, days) != null) {
                throw new ValidationException("renewalNoticeDays." + productCode, "SetOnce", "was already set");
            }
            return this;
        }

        /**
         * @param criteria what counts as a stalled deal for {@link Crm#runDueWork()}, which then runs
         *     {@link Crm#detectStalledDeals}; without it, due work detects no stalls
         * @return this builder
         */
        public Builder stallDetection(StallCriteria criteria) {
            once(stallCriteria, "stallDetection");
            Assert.notNull(criteria, "stallDetection");
            if (criteria.pageToken() != null) {
                throw new ValidationException("stallDetection.pageToken", "Null", "a detection run reads no pages");
            }
            this.stallCriteria = criteria;
            return this;
        }

        /**
         * Runs {@link Crm#runDueWork()} on one daemon thread of crm4j's, every period (the pause
         * between the end of a run and the start of the next), until the CRM is closed; a failing run
         * is logged ({@code CRM-NTF-005}), not thrown. Off by default: the library owns no threads
         * unless asked to.
         *
         * @param every the period, at least one second
         * @return this builder
         */
        public Builder runDueWorkEvery(Duration every) {
            once(dueWorkEvery, "runDueWorkEvery");
            Assert.notNull(every, "runDueWorkEvery");
            if (every.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new ValidationException("runDueWorkEvery", "Min", "must be at least one second, was " + every);
            }
            this.dueWorkEvery = every;
            return this;
        }

        /**
         * @param lease how long a worker holds the notices it claimed for delivery (default 5
         *     minutes); another worker takes them over after it, e.g. when the first one crashed
         * @return this builder
         */
        public Builder noticeLease(Duration lease) {
            once(noticeLease, "noticeLease");
            Assert.notNull(lease, "noticeLease");
            if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new ValidationException("noticeLease", "Min", "must be at least one second, was " + lease);
            }
            this.noticeLease = lease;
            return this;
        }

        /**
         * Sets the predefined responsible roles of the first-contact ledger (R9): a first call or
         * first meeting counts only with a contact person holding one of them. By default
         * {@link org.crm4j.activity.Activities#RESPONSIBLE_ROLES} (CFO, CTO, IT manager).
         *
         * @param roles role codes (normalised as contact roles are: trimmed, upper case, {@code _}
         *     for spaces), at least one, each 1 to 50 characters
         * @return this builder
         * @throws ValidationException when the set is empty or holds a blank or too long code
         */
        public Builder responsibleRoles(Set<String> roles) {
            once(responsibleRoles, "responsibleRoles");
            Assert.notNull(roles, "responsibleRoles");
            List<ValidationException.Violation> violations = new ArrayList<>();
            Set<String> codes = new java.util.TreeSet<>();
            if (roles.isEmpty()) {
                violations.add(new ValidationException.Violation("responsibleRoles", "NotEmpty",
                        "name at least one role a first contact must be with"));
            }
            for (String role : roles) {
                String code = ContactPerson.normalizeRole(role);
                if (code == null || code.isEmpty()) {
                    violations.add(new ValidationException.Violation("responsibleRoles", "NotBlank",
                            "a role code cannot be null or blank"));
                } else if (code.length() > MAX_ROLE) {
                    violations.add(new ValidationException.Violation("responsibleRoles", "Size",
                            "a role code has at most " + MAX_ROLE + " characters, was " + code.length()));
                } else {
                    codes.add(code);
                }
            }
            if (!violations.isEmpty()) {
                throw new ValidationException(violations);
            }
            this.responsibleRoles = Set.copyOf(codes);
            return this;
        }

        /**
         * @param calendar the working days that deadlines in working days are counted in (a
         *     request's due time), in the zone of the clock; by default Monday to Friday without
         *     holidays
         * @return this builder
         */
        public Builder workingCalendar(WorkingCalendar calendar) {
            once(workingCalendar, "workingCalendar");
            this.workingCalendar = Assert.notNull(calendar, "workingCalendar");
            return this;
        }

        /**
         * Opens the store (creating or migrating the schema) and builds the CRM.
         *
         * @return the CRM
         * @throws CrmException when no store adapter is on the class path, the named one is
         *     missing, or the store cannot be opened
         */
        public Crm build() {
            Clock c = clock == null ? Clock.systemUTC() : clock;
            UserDirectory directory = userDirectory == null ? new FlatUserDirectory() : userDirectory;
            List<EventListener> allListeners = new ArrayList<>();
            List<CrmPlugin> allPlugins = new ArrayList<>();
            List<PipelineRule> allRules = new ArrayList<>(BuiltInRules.all());
            List<NoticeRule> allNoticeRules = new ArrayList<>(BuiltInNotices.rules(
                    competitorContractNoticeDays == null ? BuiltInNotices.DEFAULT_COMPETITOR_DAYS
                            : competitorContractNoticeDays,
                    new org.crm4j.internal.sales.RenewalNotices(renewalNoticeDays == null
                            ? org.crm4j.internal.sales.RenewalNotices.DEFAULT_DAYS : renewalNoticeDays,
                            renewalNoticeDaysByProduct)));
            List<EventNoticeRule> allEventNoticeRules = new ArrayList<>(BuiltInNotices.eventRules());
            List<NotificationChannel> allChannels = new ArrayList<>();
            List<org.crm4j.plugin.SalesSource> allSalesSources = new ArrayList<>();
            if (discoverPlugins == null || discoverPlugins) {
                ServiceLoader.load(CrmPlugin.class, classLoader()).forEach(allPlugins::add);
                ServiceLoader.load(PipelineRule.class, classLoader()).forEach(allRules::add);
                ServiceLoader.load(NoticeRule.class, classLoader()).forEach(allNoticeRules::add);
                ServiceLoader.load(NotificationChannel.class, classLoader()).forEach(allChannels::add);
            }
            allPlugins.addAll(plugins);
            Set<String> ids = new HashSet<>();
            PluginContext context = new PluginContext() {
                @Override
                public void addListener(EventListener listener) {
                    allListeners.add(Assert.notNull(listener, "listener"));
                }

                @Override
                public void addPipelineRule(PipelineRule rule) {
                    allRules.add(Assert.notNull(rule, "rule"));
                }

                @Override
                public void addNoticeRule(NoticeRule rule) {
                    allNoticeRules.add(Assert.notNull(rule, "rule"));
                }

                @Override
                public void addEventNoticeRule(EventNoticeRule rule) {
                    allEventNoticeRules.add(Assert.notNull(rule, "rule"));
                }

                @Override
                public void addNotificationChannel(NotificationChannel channel) {
                    allChannels.add(Assert.notNull(channel, "channel"));
                }

                @Override
                public void addSalesSource(org.crm4j.plugin.SalesSource source) {
                    allSalesSources.add(Assert.notNull(source, "source"));
                }

                @Override
                public Clock clock() {
                    return c;
                }
            };
            for (CrmPlugin plugin : allPlugins) {
                if (!ids.add(plugin.id())) {
                    throw new CrmException("Two plugins have the id '" + plugin.id() + "'");
                }
                plugin.register(context);
            }
            allListeners.addAll(listeners);
            List<EventDelivery.Listener> namedListeners = named(allListeners);
            allRules.addAll(pipelineRules);
            allNoticeRules.addAll(noticeRules);
            allEventNoticeRules.addAll(eventNoticeRules);
            allChannels.addAll(channels);
            allSalesSources.addAll(salesSources);
            Set<String> sourceIds = new HashSet<>();
            for (org.crm4j.plugin.SalesSource source : allSalesSources) {
                if (!sourceIds.add(source.id())) {
                    throw new CrmException("Two sales sources have the id '" + source.id() + "'");
                }
            }
            Set<String> noticeRuleIds = new HashSet<>();
            Map<String, Set<String>> kinds = new LinkedHashMap<>();
            Map<String, NoticeTemplate> ruleTemplates = new LinkedHashMap<>();
            for (NoticeRule rule : allNoticeRules) {
                if (!noticeRuleIds.add(rule.id())) {
                    throw new CrmException("Two notice rules have the id '" + rule.id() + "'");
                }
                declareKind(kinds, ruleTemplates, rule.kind(), rule.placeholders(), rule.defaultTemplate());
            }
            for (EventNoticeRule rule : allEventNoticeRules) {
                declareKind(kinds, ruleTemplates, rule.kind(), rule.placeholders(), rule.defaultTemplate());
            }
            TemplateEngine engine = templateEngine == null ? discoverTemplateEngine() : templateEngine;
            NoticeTemplates templates = NoticeTemplates.of(() -> {
                if (engine == null) {
                    throw new CrmException("No template engine for notices: add org.crm4j:crm-reports to the class"
                            + " path or register one with Crm.builder().templateEngine(...)");
                }
                return engine;
            }, kinds, ruleTemplates, noticeTemplates);
            if (engine != null || !noticeTemplates.isEmpty()) {
                templates.checkAll();   // a bad host template fails here, before the store is opened
            }
            Notifications notifications = new Notifications(allNoticeRules, allEventNoticeRules, allChannels,
                    templates, new NotificationEngine.Config(noticeLease == null ? Duration.ofMinutes(5) : noticeLease,
                            Duration.ofMinutes(1), 10, 500), stallCriteria, dueWorkEvery,
                    eventLease == null ? Duration.ofMinutes(5) : eventLease, eventAttempts == null ? 10 : eventAttempts);
            Set<String> ruleIds = new HashSet<>();
            for (PipelineRule rule : allRules) {
                if (!ruleIds.add(rule.id())) {
                    throw new CrmException("Two pipeline rules have the id '" + rule.id() + "'");
                }
            }

            CrmStoreProvider provider = chooseStore();
            BeanValidation validation = new BeanValidation();
            CrmStore store;
            try {
                store = provider.open(new StoreContext(dataSource, h2File, storeProperties, c));
            } catch (RuntimeException e) {
                validation.close();
                throw e;
            }
            try {
                org.crm4j.internal.FeatureStores.check(provider.id(), store.stores());
            } catch (RuntimeException e) {
                store.close();
                validation.close();
                throw e;
            }
            Duration ttl = userCacheTtl == null ? Duration.ofMinutes(1) : userCacheTtl;
            CrmStore tracked = Runtime.tracking(store);
            AccessPolicy access = new AccessPolicy(directory, ttl);
            PipelineCache pipelines = new PipelineCache(tracked,
                    referenceDataTtl == null ? Duration.ofMinutes(5) : referenceDataTtl);
            ReferenceSync sync = new ReferenceSync(tracked, cacheSync == null ? Duration.ofSeconds(1) : cacheSync,
                    pipelines::invalidate, access::invalidate);
            Runtime runtime = new Runtime(tracked, access, validation, c, pipelines,
                    List.copyOf(allRules), engine, mailSender,
                    responsibleRoles == null ? Activities.RESPONSIBLE_ROLES : responsibleRoles,
                    workingCalendar == null ? WorkingCalendar.mondayToFriday() : workingCalendar, sync);
            try {
                sync.start();
            } catch (RuntimeException e) {
                store.close();
                validation.close();
                throw e;
            }
            LOG.debug("crm4j started on {} with {} plugins and {} listeners", store.description(),
                    allPlugins.size(), allListeners.size());
            try {
                return new Crm(runtime, directory, namedListeners, notifications, allSalesSources);
            } catch (RuntimeException e) {
                store.close();
                validation.close();
                throw e;
            }
        }

        private static void declareKind(Map<String, Set<String>> kinds, Map<String, NoticeTemplate> templates,
                String kind, Set<String> placeholders, NoticeTemplate template) {
            if (kind == null || kind.isBlank()) {
                throw new CrmException("A notice rule has no kind");
            }
            Set<String> names = new HashSet<>(kinds.getOrDefault(kind, Set.of()));
            names.addAll(placeholders);
            kinds.put(kind, Set.copyOf(names));
            if (template != null) {
                templates.putIfAbsent(kind, template);
            }
        }

        private static TemplateEngine discoverTemplateEngine() {
            return ServiceLoader.load(TemplateEngine.class, classLoader()).findFirst().orElse(null);
        }

        /**
         * Gives every listener its id: its own, or for a lambda or an anonymous class (whose class
         * names change from one start to the next) its place among the listeners.
         */
        private static List<EventDelivery.Listener> named(List<EventListener> all) {
            List<EventDelivery.Listener> named = new ArrayList<>(all.size());
            Set<String> ids = new HashSet<>();
            ids.add(NOTICES_LISTENER);
            for (int i = 0; i < all.size(); i++) {
                EventListener listener = all.get(i);
                Class<?> type = listener.getClass();
                String id = listener.id();
                if (id == null || id.equals(type.getName())
                        && (type.isHidden() || type.isAnonymousClass() || type.isSynthetic())) {
                    id = "listener-" + (i + 1);
                }
                if (!ids.add(id)) {
                    throw new CrmException("Two event listeners have the id '" + id
                            + "'; register them with Crm.builder().listener(id, listener) under ids of their own");
                }
                named.add(new EventDelivery.Listener(listenerId(id), listener));
            }
            return named;
        }

        private static String listenerId(String id) {
            Assert.notNull(id, "listener id");
            if (id.isBlank() || id.length() > 100) {
                throw new ValidationException("listener id", "Size", "must be 1 to 100 characters, was '"
                        + Assert.abbreviate(id, 40) + "'");
            }
            return id;
        }

        /** A listener registered under an id of the host's choosing. */
        private record NamedListener(String id, EventListener listener) implements EventListener {
            @Override
            public void onEvent(DomainEvent event) throws Exception {
                listener.onEvent(event);
            }

            @Override
            public void onEvent(DomainEvent event, long sequence) throws Exception {
                listener.onEvent(event, sequence);
            }
        }

        private CrmStoreProvider chooseStore() {
            List<CrmStoreProvider> providers = new ArrayList<>();
            ServiceLoader.load(CrmStoreProvider.class, classLoader()).forEach(providers::add);
            if (providers.isEmpty()) {
                throw new CrmException("No crm4j store adapter is on the class path; add the dependency "
                        + "org.crm4j:crm-persistence");
            }
            if (storeId != null) {
                return providers.stream().filter(p -> p.id().equals(storeId)).findFirst()
                        .orElseThrow(() -> new CrmException("No store adapter with id '" + storeId + "'; found "
                                + providers.stream().map(CrmStoreProvider::id).toList()));
            }
            return providers.stream().max(Comparator.comparingInt(CrmStoreProvider::priority)).orElseThrow();
        }

        private static ClassLoader classLoader() {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return loader == null ? Crm.class.getClassLoader() : loader;
        }

        private static void once(Object current, String name) {
            if (current != null) {
                throw new ValidationException(name, "SetOnce", "was already set");
            }
        }
    }
}
