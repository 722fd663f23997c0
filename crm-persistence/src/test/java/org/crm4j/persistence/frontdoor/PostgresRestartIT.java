package org.crm4j.persistence.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.crm4j.Crm;
import org.crm4j.CrmException;
import org.crm4j.access.Actor;
import org.crm4j.access.InMemoryUserDirectory;
import org.crm4j.common.Page;
import org.crm4j.customer.Customer;
import org.crm4j.customer.NewCustomer;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.notify.DueNotice;
import org.crm4j.notify.DueWorkReport;
import org.crm4j.notify.Notice;
import org.crm4j.notify.NoticeTemplate;
import org.crm4j.plugin.DirectoryUser;
import org.crm4j.plugin.EventListener;
import org.crm4j.plugin.NotificationChannel;
import org.crm4j.plugin.NoticeRule;
import org.crm4j.plugin.NoticeRuleContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL stopped and started again while two application nodes work on it: one runs the due
 * work on the built-in scheduler, the other in a loop of the host's (the due work and
 * {@code deliverEvents()}), and salespeople keep creating customers with notes and call-backs
 * through both. Both nodes recover without being rebuilt, nothing committed is lost (every event
 * reaches the ERP's listener, every call-back notice its channel and the inbox), the listener,
 * which deduplicates by event id, gets each event once and in order per customer, and every
 * error a caller saw during the outage is a {@link CrmException}.
 *
 * <p>The test owns its server (a Zonky PostgreSQL on a data directory and port of its own), so it
 * is skipped when {@code CRM4J_TEST_PG_URL} points the integration tests at an external server.
 * Sizes: {@code crm4j.restart.rounds} outages (default 1), {@code crm4j.restart.writes}
 * customers written before each outage and after each start (default 20),
 * {@code crm4j.restart.outageSeconds} (default 3); the soak profile raises them.
 */
class PostgresRestartIT {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresRestartIT.class);
    private static final Actor SAM = Actor.of("sam");
    private static final Duration WAIT = Duration.ofSeconds(120);

    private final int rounds = Integer.getInteger("crm4j.restart.rounds", 1);
    private final int writesPerPhase = Integer.getInteger("crm4j.restart.writes", 20);
    private final Duration outage = Duration.ofSeconds(Integer.getInteger("crm4j.restart.outageSeconds", 3));

    @TempDir
    Path dir;

    private int port;
    private EmbeddedPostgres server;

    // ---- what the host saw

    /** The ERP's side: events by id (deduplicated), the raw redeliveries, and who delivered what when. */
    private final Map<UUID, Long> firstSeen = new ConcurrentHashMap<>();
    private final List<Delivery> firstDeliveries = new CopyOnWriteArrayList<>();
    private final Set<Long> customersAnnounced = ConcurrentHashMap.newKeySet();
    private final AtomicLong redeliveries = new AtomicLong();
    private final Map<String, AtomicLong> deliveredBy = new ConcurrentHashMap<>();
    /** Call-backs due (the host's rule), and the pager's deliveries of their notices. */
    private final Set<String> callbacksDue = ConcurrentHashMap.newKeySet();
    private final Set<String> paged = ConcurrentHashMap.newKeySet();
    private final AtomicLong pagedAgain = new AtomicLong();
    /** Every exception a call into crm4j threw. */
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final List<Customer> created = new CopyOnWriteArrayList<>();
    private final AtomicInteger cleanDueRunsOfB = new AtomicInteger();
    private final Map<String, AtomicInteger> writesThrough = Map.of("a", new AtomicInteger(), "b",
            new AtomicInteger());

    @Test
    void postgresStoppedAndStartedAgain_bothNodesRecover_nothingIsLost_andNothingDeliveredTwiceAfterDedupe()
            throws Exception {
        Assumptions.assumeTrue(blank(System.getenv("CRM4J_TEST_PG_URL")),
                "the test stops and starts its own PostgreSQL server; an external one is not stopped");
        port = freePort();
        start();
        createDatabase();
        InMemoryUserDirectory directory = new InMemoryUserDirectory().add("mia", null).add("sam", "mia")
                .add("pia", "mia");
        long began = System.nanoTime();
        try (HikariDataSource poolA = pool("node-a"); HikariDataSource poolB = pool("node-b");
                Crm a = node("a", poolA, directory).runDueWorkEvery(Duration.ofSeconds(1)).build();
                Crm b = node("b", poolB, directory).build()) {
            Worker hostLoopOfB = new Worker("host loop of node b", () -> {
                DueWorkReport report = b.runDueWork();
                if (report.failedSteps().isEmpty()) {
                    cleanDueRunsOfB.incrementAndGet();
                }
                b.deliverEvents();
            }, Duration.ofMillis(200));
            AtomicInteger written = new AtomicInteger();
            Worker salespeople = new Worker("salespeople", () -> {
                boolean onA = written.getAndIncrement() % 2 == 0;
                write(onA ? a : b);
                writesThrough.get(onA ? "a" : "b").incrementAndGet();
            }, Duration.ofMillis(10));   // slower than the two nodes deliver: the ERP takes its moment
            List<String> outages = new ArrayList<>();
            try {
                awaitUntil("the first writes", () -> created.size() >= writesPerPhase);
                for (int round = 1; round <= rounds; round++) {
                    int errorsBefore = errors.size();
                    int writersFailed = salespeople.failures();
                    int loopFailed = hostLoopOfB.failures();
                    long stopping = System.nanoTime();
                    server.close();
                    awaitUntil("the outage reaches the writers and the host loop",
                            () -> salespeople.failures() > writersFailed && hostLoopOfB.failures() > loopFailed);
                    Thread.sleep(Math.max(0, outage.toMillis() - elapsedMillis(stopping)));   // the outage lasts
                    long down = elapsedMillis(stopping);
                    start();
                    long restarted = System.nanoTime();
                    int createdBefore = created.size();
                    int onA = writesThrough.get("a").get();
                    int onB = writesThrough.get("b").get();
                    int loopDone = hostLoopOfB.successes();
                    awaitUntil("a write again", () -> created.size() > createdBefore);
                    long firstWrite = elapsedMillis(restarted);
                    awaitUntil("writes through both nodes again", () -> writesThrough.get("a").get() >= onA
                            + writesPerPhase / 2 && writesThrough.get("b").get() >= onB + writesPerPhase / 2);
                    awaitUntil("node b's due work and delivery, through again", () -> hostLoopOfB.successes() > loopDone);
                    outages.add(String.format("round %d: down %d ms, %d errors to callers, the first write %d ms"
                            + " after the start", round, down, errors.size() - errorsBefore, firstWrite));
                }
            } finally {
                salespeople.stop();
            }
            awaitUntil("every event delivered and every call-back paged", () -> undelivered() == 0
                    && paged.containsAll(callbacksDue));
            int cleanBefore = cleanDueRunsOfB.get();
            awaitUntil("a due-work run of node b without a failed step", () -> cleanDueRunsOfB.get() > cleanBefore);

            // node a's scheduler, alone, still works: it delivers a new customer's events and notice
            hostLoopOfB.stop();
            long aBefore = deliveredBy.get("a").get();
            write(a);
            awaitUntil("node a's scheduler delivers alone", () -> undelivered() == 0
                    && paged.containsAll(callbacksDue) && deliveredBy.get("a").get() > aBefore);

            // node a's scheduler goes on writing events of its own (notices): the outbox is read once,
            // and every event it held then must reach the listener (a count taken after the wait above
            // raced with those later events)
            java.util.Set<UUID> inOutbox = eventIds();
            awaitUntil("every event of the outbox delivered", () -> firstSeen.keySet().containsAll(inOutbox));
            long events = inOutbox.size();
            LOG.info("PostgreSQL restarted {} times under two nodes in {} s: {}; {} customers written, {} events"
                    + " delivered once each after dedupe ({} raw redeliveries; node a {}, node b {}), {} call-backs"
                    + " paged ({} raw repeats), {} errors reached callers, all CrmExceptions",
                    rounds, elapsedMillis(began) / 1000, outages, created.size(), firstSeen.size(),
                    redeliveries.get(), deliveredBy.get("a"), deliveredBy.get("b"), paged.size(), pagedAgain.get(),
                    errors.size());

            assertThat(errors).as("errors that reached callers").isNotEmpty()
                    .allSatisfy(e -> assertThat(e).isInstanceOf(CrmException.class))
                    .allSatisfy(e -> assertThat(chainOf(e)).as("what %s carries", e)
                            .allMatch(t -> t.getClass().getName().startsWith("org.crm4j.")));
            assertThat(firstSeen.keySet()).as("every event in the outbox, delivered").containsAll(inOutbox);
            assertThat(customersAnnounced).as("each customer written, announced to the ERP")
                    .containsAll(created.stream().map(c -> c.id().value()).toList());
            assertInOrderPerAggregate();
            assertThat(paged).as("every call-back paged").containsAll(callbacksDue);
            assertThat(inboxKeys(a, SAM)).as("sam's inbox: each call-back once").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(callbacksDue);
            assertThat(deliveredBy.get("b").get()).as("node b delivered").isPositive();
        }
    }

    // ---- the workload

    /** A salesperson creates a customer with a note, and a call-back becomes due. */
    private void write(Crm node) {
        Customer customer = node.as(SAM).customers().create(NewCustomer.company("Restart " + UUID.randomUUID()));
        created.add(customer);
        callbacksDue.add("callback:" + customer.id().value());
        node.as(SAM).customers().addNote(customer.id(), "call back next week");
    }

    /** One event as the ERP had it first. */
    private record Delivery(String aggregate, long sequence) {
    }

    /** A thread that calls into crm4j again and again until stopped, and records what was thrown. */
    private final class Worker {
        private final Thread thread;
        private final AtomicInteger failures = new AtomicInteger();
        private final AtomicInteger successes = new AtomicInteger();
        private volatile boolean running = true;
        private volatile boolean lastFailed;

        Worker(String name, Runnable work, Duration pause) {
            thread = new Thread(() -> {
                while (running) {
                    try {
                        work.run();
                        successes.incrementAndGet();
                        lastFailed = false;
                    } catch (RuntimeException e) {
                        errors.add(e);
                        failures.incrementAndGet();
                        lastFailed = true;
                    }
                    try {
                        Thread.sleep(lastFailed ? Math.max(100, pause.toMillis()) : pause.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
        }

        int failures() {
            return failures.get();
        }

        int successes() {
            return successes.get();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(WAIT.toMillis());
            assertThat(thread.isAlive()).as("%s ended", thread.getName()).isFalse();
        }
    }

    // ---- the nodes

    private Crm.Builder node(String name, HikariDataSource pool, InMemoryUserDirectory directory) {
        deliveredBy.put(name, new AtomicLong());
        return Crm.builder().dataSource(pool).userDirectory(directory).discoverPlugins(false)
                .eventLease(Duration.ofSeconds(5)).noticeLease(Duration.ofSeconds(5))
                .listener("erp", new Erp(name)).noticeRule(new CallBacks()).notificationChannel(new Pager());
    }

    /** The ERP's listener: deduplicates by event id, as the README asks of a listener. */
    private final class Erp implements EventListener {
        private final String node;

        Erp(String node) {
            this.node = node;
        }

        @Override
        public void onEvent(DomainEvent event) {
            throw new AssertionError("the delivery calls onEvent(event, sequence)");
        }

        @Override
        public void onEvent(DomainEvent event, long sequence) {
            erpCall();
            deliveredBy.get(node).incrementAndGet();
            if (firstSeen.putIfAbsent(event.id(), sequence) != null) {
                redeliveries.incrementAndGet();
                return;
            }
            firstDeliveries.add(new Delivery(event.aggregateType() + ":" + event.aggregateId(), sequence));
            if (event.type().equals(EventTypes.CUSTOMER_CREATED)) {
                customersAnnounced.add(event.aggregateId());
            }
        }
    }

    /** The ERP takes a moment per event, so that an outage meets deliveries in flight. */
    private static void erpCall() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The host's rule: a call-back is due for each customer written, until it was paged. */
    private final class CallBacks implements NoticeRule {
        @Override
        public String id() {
            return "test.callbacks";
        }

        @Override
        public String kind() {
            return "callback";
        }

        @Override
        public Set<String> placeholders() {
            return Set.of();
        }

        @Override
        public NoticeTemplate defaultTemplate() {
            return NoticeTemplate.of("Call back", "Call {{recipient}} back");
        }

        @Override
        public List<DueNotice> due(NoticeRuleContext context) {
            return callbacksDue.stream().filter(key -> !paged.contains(key)).sorted().limit(context.limit())
                    .map(key -> new DueNotice(key, "callback", "sam", Long.valueOf(key.substring(9)), Map.of()))
                    .toList();
        }
    }

    /** The host's pager: a channel that records each notice it was handed, by key. */
    private final class Pager implements NotificationChannel {
        @Override
        public String id() {
            return "pager";
        }

        @Override
        public Outcome deliver(Notice notice, DirectoryUser recipient) {
            if (!paged.add(notice.key())) {
                pagedAgain.incrementAndGet();
            }
            return Outcome.DELIVERED;
        }
    }

    // ---- checks

    private void assertInOrderPerAggregate() {
        Map<String, List<Long>> byAggregate = new HashMap<>();
        for (Delivery d : firstDeliveries) {
            byAggregate.computeIfAbsent(d.aggregate(), k -> new ArrayList<>()).add(d.sequence());
        }
        byAggregate.forEach((aggregate, sequences) -> assertThat(sequences)
                .as("the events of %s, in the order the ERP had them", aggregate).isSorted());
    }

    private static List<String> inboxKeys(Crm crm, Actor actor) {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            Page<Notice> page = crm.as(actor).inbox().list(token, 500);
            page.items().forEach(n -> keys.add(n.key()));
            token = page.next().orElse(null);
        } while (token != null);
        return keys;
    }

    /** @return the exception with its causes and suppressed exceptions, all the way down */
    private static List<Throwable> chainOf(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>(List.of(e));
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (chain.stream().noneMatch(seen -> seen == t)) {
                chain.add(t);
                if (t.getCause() != null) {
                    todo.push(t.getCause());
                }
                List.of(t.getSuppressed()).forEach(todo::push);
            }
        }
        return chain;
    }

    private long undelivered() {
        try {
            return countEvents() - firstSeen.size();
        } catch (IllegalStateException e) {
            return -1;
        }
    }

    // ---- the server

    @AfterEach
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private void start() throws IOException {
        server = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data")).setCleanDataDirectory(false)
                .setPort(port).start();
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    private void createDatabase() throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database crm_restart");
        }
    }

    /** A host's pool: waits 2 seconds for a connection, then the call fails. */
    private HikariDataSource pool(String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url("crm_restart"));
        config.setUsername("postgres");
        config.setPoolName(name);
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        return new HikariDataSource(config);
    }

    private java.util.Set<UUID> eventIds() {
        try (Connection c = server.getDatabase("postgres", "crm_restart").getConnection();
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select event_id from crm_event")) {
            java.util.Set<UUID> ids = new java.util.HashSet<>();
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the events", e);
        }
    }

    private long countEvents() {
        try (Connection c = server.getDatabase("postgres", "crm_restart").getConnection();
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from crm_event")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the events", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static long elapsedMillis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** @return where the test's threads and the scheduler's are, for a test that waited in vain */
    private static String workers() {
        StringBuilder where = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("host loop") || thread.getName().equals("salespeople")
                    || thread.getName().startsWith("crm4j-")) {
                where.append("\n").append(thread.getName()).append(" (").append(thread.getState()).append("):");
                for (StackTraceElement e : stack) {
                    where.append("\n\tat ").append(e);
                }
            }
        });
        return where.toString();
    }

    /** @return the server's sessions with what they wait for, for a test that waited in vain */
    private String sessions() {
        StringBuilder out = new StringBuilder();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select pid, state, wait_event_type, wait_event, backend_start,"
                        + " xact_start, pg_blocking_pids(pid), left(query, 120) from pg_stat_activity"
                        + " where datname = 'crm_restart'")) {
            while (rs.next()) {
                out.append("\n");
                for (int i = 1; i <= 8; i++) {
                    out.append(rs.getString(i)).append(" | ");
                }
            }
        } catch (SQLException | RuntimeException e) {
            out.append(" unreadable: ").append(e);
        }
        return out.toString();
    }

    private void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what + "; the workers:"
                        + workers() + "\nthe server's sessions:" + sessions());
            }
            Thread.sleep(50);
        }
    }
}
