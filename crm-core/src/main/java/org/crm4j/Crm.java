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
import org.crm4j.activity.EscalationReport;
import org.crm4j.common.WorkingCalendar;
import org.crm4j.event.DeliveryReport;
import org.crm4j.event.EventTypes;
import org.crm4j.internal.AccessPolicy;
import org.crm4j.internal.Assert;
import org.crm4j.internal.BeanValidation;
import org.crm4j.internal.BuiltInRules;
import org.crm4j.internal.EventDelivery;
import org.crm4j.internal.FlatUserDirectory;
import org.crm4j.internal.PipelineCache;
import org.crm4j.internal.RequestEscalation;
import org.crm4j.internal.Runtime;
import org.crm4j.internal.StallDetection;
import org.crm4j.pipeline.StallCriteria;
import org.crm4j.pipeline.StallReport;
import org.crm4j.spi.CrmPlugin;
import org.crm4j.spi.CrmStore;
import org.crm4j.spi.CrmStoreProvider;
import org.crm4j.spi.EventListener;
import org.crm4j.spi.MailSender;
import org.crm4j.spi.PipelineRule;
import org.crm4j.spi.PluginContext;
import org.crm4j.spi.StoreContext;
import org.crm4j.spi.TemplateEngine;
import org.crm4j.spi.UserDirectory;
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
    private final RequestEscalation requestEscalation;
    private volatile boolean closed;

    private Crm(Runtime runtime, UserDirectory directory, List<EventListener> listeners) {
        this.runtime = runtime;
        this.directory = directory;
        this.delivery = new EventDelivery(runtime, listeners);
        this.stallDetection = new StallDetection(runtime);
        this.requestEscalation = new RequestEscalation(runtime);
    }

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
     * Delivers the domain events of the outbox to the registered listeners, in order per
     * aggregate, and marks them delivered. An event a listener refused stays and is delivered
     * again on the next call. Call it from the host's scheduler; concurrent calls in one JVM run
     * one after the other.
     *
     * @return what was delivered
     */
    public DeliveryReport deliverEvents() {
        checkOpen();
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

    /** Forgets cached answers of the user directory, after the host changed users or reporting lines. */
    public void userDirectoryChanged() {
        runtime.access().invalidate();
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
        private DataSource dataSource;
        private Path h2File;
        private String storeId;
        private final Map<String, String> storeProperties = new LinkedHashMap<>();
        private Clock clock;
        private UserDirectory userDirectory;
        private Duration userCacheTtl;
        private Duration referenceDataTtl;
        private final List<EventListener> listeners = new ArrayList<>();
        private final List<CrmPlugin> plugins = new ArrayList<>();
        private final List<PipelineRule> pipelineRules = new ArrayList<>();
        private Boolean discoverPlugins;
        private TemplateEngine templateEngine;
        private MailSender mailSender;
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
         * @param listener receives every domain event on {@link Crm#deliverEvents()}
         * @return this builder
         */
        public Builder listener(EventListener listener) {
            listeners.add(Assert.notNull(listener, "listener"));
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
         *     {@code META-INF/services/org.crm4j.spi.TemplateEngine} (crm-reports ships one on Mustache)
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
            if (discoverPlugins == null || discoverPlugins) {
                ServiceLoader.load(CrmPlugin.class, classLoader()).forEach(allPlugins::add);
                ServiceLoader.load(PipelineRule.class, classLoader()).forEach(allRules::add);
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
            allRules.addAll(pipelineRules);
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
            Duration ttl = userCacheTtl == null ? Duration.ofMinutes(1) : userCacheTtl;
            Runtime runtime = new Runtime(store, new AccessPolicy(directory, ttl), validation, c,
                    new PipelineCache(store, referenceDataTtl == null ? Duration.ofMinutes(5) : referenceDataTtl),
                    List.copyOf(allRules), templateEngine == null ? discoverTemplateEngine() : templateEngine,
                    mailSender, workingCalendar == null ? WorkingCalendar.mondayToFriday() : workingCalendar);
            LOG.debug("crm4j started on {} with {} plugins and {} listeners", store.description(),
                    allPlugins.size(), allListeners.size());
            return new Crm(runtime, directory, allListeners);
        }

        private static TemplateEngine discoverTemplateEngine() {
            return ServiceLoader.load(TemplateEngine.class, classLoader()).findFirst().orElse(null);
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
