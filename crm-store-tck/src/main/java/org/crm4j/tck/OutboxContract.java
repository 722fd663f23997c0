package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crm4j.Crm;
import org.crm4j.customer.Customer;
import org.crm4j.customer.NewContact;
import org.crm4j.customer.NewCustomer;
import org.crm4j.event.DeliveryReport;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.junit.jupiter.api.Test;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.crm4j.AccessDeniedException;
import org.crm4j.CrmException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.event.DeadLetter;
import org.crm4j.plugin.EventListener;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The transactional outbox: written with the change, delivered in order, at least once. */
public abstract class OutboxContract extends ContractBase {

    @Test
    void everyChangeIsDeliveredOnceInOrderWithItsActorAndId() {
        Customer acme = customersOf(SAM).create(NewCustomer.company("ACME"));
        customersOf(SAM).addContact(acme.id(), NewContact.named("Eva"));
        customersOf(MIA).addNote(acme.id(), "met at the fair");

        DeliveryReport report = crm.deliverEvents();
        assertThat(report.delivered()).isEqualTo(3);
        assertThat(delivered).extracting(DomainEvent::type).containsExactly(EventTypes.CUSTOMER_CREATED,
                EventTypes.CONTACT_ADDED, EventTypes.NOTE_ADDED);
        assertThat(delivered).extracting(DomainEvent::actorId).containsExactly("sam", "sam", "mia");
        assertThat(delivered).extracting(DomainEvent::customerId).containsOnly(acme.id().value());
        assertThat(delivered).extracting(DomainEvent::id).doesNotHaveDuplicates();
        assertThat(delivered.get(0).occurredAt()).isEqualTo(clock.instant());

        assertThat(crm.deliverEvents().delivered()).isZero();
        assertThat(delivered).hasSize(3);
    }

    @Test
    void aFailingListenerGetsTheEventAgainAndHoldsBackLaterEventsOfTheSameAggregate() {
        crm.close();
        List<String> seen = new ArrayList<>();
        AtomicBoolean failOnce = new AtomicBoolean(true);
        crm = fixture().freshStore(Crm.builder()).userDirectory(directory).clock(clock).discoverPlugins(false)
                .listener(e -> {
                    if (e.type().equals(EventTypes.CUSTOMER_CREATED) && e.get("name").equals("Flaky")
                            && failOnce.getAndSet(false)) {
                        throw new IllegalStateException("ERP bridge offline");
                    }
                    seen.add(e.get("name") == null ? e.type() : e.type() + ":" + e.get("name"));
                })
                .build();
        Customer flaky = customersOf(SAM).create(NewCustomer.company("Flaky"));
        customersOf(SAM).create(NewCustomer.company("Steady"));
        customersOf(SAM).save(customersOf(SAM).get(flaky.id()).rename("Flaky Renamed"));

        DeliveryReport first = crm.deliverEvents();
        assertThat(first.delivered()).isEqualTo(1);
        assertThat(first.failed()).isEqualTo(1);
        assertThat(first.deferred()).isEqualTo(1);
        assertThat(seen).containsExactly("customer.created:Steady");

        DeliveryReport second = crm.deliverEvents();
        assertThat(second.delivered()).isEqualTo(2);
        assertThat(seen).containsExactly("customer.created:Steady", "customer.created:Flaky", "customer.updated");
    }

    @Test
    void aLargeBacklogIsDeliveredCompletely() {
        for (int i = 0; i < 1_200; i++) {
            customersOf(SAM).create(NewCustomer.company("C" + i));
        }
        DeliveryReport report = crm.deliverEvents();
        assertThat(report.delivered()).isEqualTo(1_200);
        Set<String> names = new HashSet<>();
        delivered.forEach(e -> names.add(e.get("name")));
        assertThat(names).hasSize(1_200);
        assertThat(delivered.get(0).get("name")).isEqualTo("C0");
        assertThat(delivered.get(1_199).get("name")).isEqualTo("C1199");
    }

    // ---- each listener at its own pace

    /** A listener with an id that records what it had, in the order it had it. */
    private static final class Recording implements EventListener {
        private final String id;
        private final List<String> seen = new CopyOnWriteArrayList<>();
        private final List<Long> sequences = new CopyOnWriteArrayList<>();
        private volatile java.util.function.Predicate<DomainEvent> failing = e -> false;

        Recording(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public void onEvent(DomainEvent event) {
            throw new AssertionError("the delivery calls onEvent(event, sequence)");
        }

        @Override
        public void onEvent(DomainEvent event, long sequence) {
            if (failing.test(event)) {
                throw new IllegalStateException("ERP bridge offline for " + event.get("name"));
            }
            seen.add(event.get("name") == null ? event.type() : event.type() + ":" + event.get("name"));
            sequences.add(sequence);
        }
    }

    private Crm withListeners(UnaryOperator<Crm.Builder> more) {
        crm.close();
        crm = more.apply(fixture().freshStore(Crm.builder()).userDirectory(directory).clock(clock)
                .discoverPlugins(false)).build();
        return crm;
    }

    @Test
    void eachListenerKeepsItsOwnProgress_aFailingOneHoldsBackOnlyItself_andNobodyGetsAnEventTwice() {
        Recording erp = new Recording("erp");
        Recording audit = new Recording("audit");
        erp.failing = e -> "Flaky".equals(e.get("name"));
        withListeners(b -> b.listener(erp).listener(audit));
        Customer flaky = customersOf(SAM).create(NewCustomer.company("Flaky"));
        customersOf(SAM).create(NewCustomer.company("Steady"));
        customersOf(SAM).save(customersOf(SAM).get(flaky.id()).rename("Flaky Renamed"));

        DeliveryReport first = crm.deliverEvents();
        erp.failing = e -> false;
        DeliveryReport second = crm.deliverEvents();

        assertThat(first).isEqualTo(new DeliveryReport(1, 1, 1, 0));
        assertThat(audit.seen).containsExactly("customer.created:Flaky", "customer.created:Steady",
                "customer.updated");
        assertThat(second).isEqualTo(new DeliveryReport(2, 0, 0, 0));
        assertThat(erp.seen).containsExactly("customer.created:Steady", "customer.created:Flaky", "customer.updated");
        assertThat(crm.deliverEvents()).isEqualTo(new DeliveryReport(0, 0, 0, 0));
    }

    @Test
    void aListenerSeesEachEventsPositionInTheOutbox() {
        Recording erp = new Recording("erp");
        withListeners(b -> b.listener(erp));
        Customer acme = customersOf(SAM).create(NewCustomer.company("ACME"));
        customersOf(SAM).addContact(acme.id(), NewContact.named("Eva"));
        customersOf(SAM).create(NewCustomer.company("Globex"));

        crm.deliverEvents();

        assertThat(erp.sequences).hasSize(3).isSorted().doesNotHaveDuplicates();
        assertThat(erp.sequences.get(0)).isPositive();
    }

    @Test
    void aListenerThatKeepsFailing_makesADeadLetter_theLaterEventsOfItsAggregateWait_untilAnAdminSkipsOrRetriesIt() {
        Recording erp = new Recording("erp");
        Recording audit = new Recording("audit");
        erp.failing = e -> "Poison".equals(e.get("name"));
        withListeners(b -> b.listener(erp).listener(audit).eventAttempts(3));
        Customer poison = customersOf(SAM).create(NewCustomer.company("Poison"));
        customersOf(SAM).save(customersOf(SAM).get(poison.id()).rename("Renamed once"));
        customersOf(SAM).save(customersOf(SAM).get(poison.id()).rename("Renamed twice"));
        customersOf(SAM).create(NewCustomer.company("Steady"));

        List<DeliveryReport> runs = List.of(crm.deliverEvents(), crm.deliverEvents(), crm.deliverEvents(),
                crm.deliverEvents());

        assertThat(runs).extracting(DeliveryReport::deadLettered).containsExactly(0, 0, 1, 0);
        assertThat(runs.get(3)).as("the dead letter and the two events behind it wait").isEqualTo(
                new DeliveryReport(0, 0, 3, 0));
        assertThat(audit.seen).hasSize(4);
        assertThat(erp.seen).containsExactly("customer.created:Steady");
        assertThatThrownBy(() -> as(SAM).events().deadLetters(10)).isInstanceOf(AccessDeniedException.class);
        List<DeadLetter> dead = as(ADA).events().deadLetters(10);
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.listenerId()).isEqualTo("erp");
            assertThat(d.type()).isEqualTo(EventTypes.CUSTOMER_CREATED);
            assertThat(d.aggregateId()).isEqualTo(poison.id().value());
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.lastError()).contains("ERP bridge offline for Poison");
            assertThat(d.waiting()).isEqualTo(2);
            assertThat(d.since()).isEqualTo(clock.instant());
        });
        long sequence = dead.get(0).sequence();
        assertThatThrownBy(() -> as(SAM).events().skip(sequence, "erp")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(ADA).events().skip(sequence, "audit")).isInstanceOf(NotFoundException.class);

        as(ADA).events().skip(sequence, "erp");
        DeliveryReport afterSkip = crm.deliverEvents();

        assertThat(afterSkip.delivered()).isEqualTo(3);
        assertThat(erp.seen).containsExactly("customer.created:Steady", "customer.updated", "customer.updated");
        assertThat(as(ADA).events().deadLetters(10)).isEmpty();
        assertThat(audit.seen).as("the other listener had each event once").hasSize(4);
    }

    @Test
    void aDeadLetterRetriedByAnAdmin_comesAgainWithItsAttemptsCountedFromZero() {
        Recording erp = new Recording("erp");
        erp.failing = e -> "Poison".equals(e.get("name"));
        withListeners(b -> b.listener(erp).eventAttempts(1));
        Customer poison = customersOf(SAM).create(NewCustomer.company("Poison"));
        customersOf(SAM).save(customersOf(SAM).get(poison.id()).rename("Cured"));
        assertThat(crm.deliverEvents().deadLettered()).isEqualTo(1);
        long sequence = as(ADA).events().deadLetters(10).get(0).sequence();

        erp.failing = e -> false;
        as(ADA).events().retry(sequence, "erp");
        DeliveryReport report = crm.deliverEvents();

        assertThat(report).isEqualTo(new DeliveryReport(2, 0, 0, 0));
        assertThat(erp.seen).containsExactly("customer.created:Poison", "customer.updated");
        assertThatThrownBy(() -> as(ADA).events().retry(sequence, "erp")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void listenersOfOneClass_needIdsOfTheirOwn_andLambdasAreNumbered() {
        crm.close();
        assertThatThrownBy(() -> fixture().freshStore(Crm.builder()).discoverPlugins(false)
                .listener(new Recording("same")).listener(new Recording("same")).build())
                .isInstanceOf(CrmException.class).hasMessageContaining("'same'");
        assertThatThrownBy(() -> Crm.builder().listener(" ", e -> { }))
                .isInstanceOf(ValidationException.class).hasMessageContaining("listener id");
        List<String> seen = new CopyOnWriteArrayList<>();
        crm = fixture().freshStore(Crm.builder()).userDirectory(directory).clock(clock).discoverPlugins(false)
                .listener(e -> seen.add("first")).listener("second", e -> seen.add("second")).build();
        customersOf(SAM).create(NewCustomer.company("ACME"));

        crm.deliverEvents();

        assertThat(seen).containsExactly("first", "second");
    }

    // ---- several nodes

    private static final int AGGREGATES = 200;

    /**
     * @return how many events per aggregate the several-node tests write (200 aggregates): 100 by
     *     default, a backlog of 20,000 events, or {@code crm4j.outbox.eventsPerAggregate} (the soak
     *     profile: 1,000, a backlog of 200,000); a runner may choose fewer where the database is
     *     not the one several nodes share in production
     */
    protected int eventsPerAggregate() {
        return Integer.getInteger("crm4j.outbox.eventsPerAggregate", 100);
    }

    private int backlogSize() {
        return AGGREGATES * eventsPerAggregate();
    }

    /** One delivery as a listener saw it: which event, of which aggregate, at which position, when. */
    private record Seen(long sequence, long aggregate, long tick) {
    }

    /** A listener that counts what it had, on any node, and fails as told. */
    private static final class Counting implements EventListener {
        private final java.util.concurrent.atomic.AtomicLong ticks;
        private final List<Seen> seen;
        private final java.util.function.LongPredicate failing;

        Counting(java.util.concurrent.atomic.AtomicLong ticks, List<Seen> seen, java.util.function.LongPredicate failing) {
            this.ticks = ticks;
            this.seen = seen;
            this.failing = failing;
        }

        @Override
        public String id() {
            return "counting";
        }

        @Override
        public void onEvent(DomainEvent event) {
            throw new AssertionError("the delivery calls onEvent(event, sequence)");
        }

        @Override
        public void onEvent(DomainEvent event, long sequence) {
            if (failing.test(sequence)) {
                throw new IllegalStateException("failed on " + sequence);
            }
            seen.add(new Seen(sequence, event.aggregateId(), ticks.incrementAndGet()));
        }
    }

    /**
     * Writes a backlog of events over many aggregates into the outbox beside the CRM, interleaved
     * as concurrent work writes them; on the in-memory store, through the CRM itself.
     */
    private void backlog() {
        org.crm4j.store.CrmStore beside = fixture().openBeside(clock);
        if (beside == null) {
            List<Customer> customers = new ArrayList<>();
            for (int a = 0; a < AGGREGATES; a++) {
                customers.add(customersOf(SAM).create(NewCustomer.company("C" + a)));
            }
            for (int i = 1; i < eventsPerAggregate(); i++) {
                for (Customer c : customers) {
                    customersOf(SAM).addNote(c.id(), "note " + i);
                }
            }
            return;
        }
        try (beside) {
            for (int i = 0; i < eventsPerAggregate(); i++) {
                List<DomainEvent> round = new ArrayList<>(AGGREGATES);
                for (int a = 1; a <= AGGREGATES; a++) {
                    round.add(new DomainEvent(java.util.UUID.randomUUID(), "test.ping", "test", a, null, "erp",
                            clock.instant(), java.util.Map.of("round", String.valueOf(i))));
                }
                beside.inTransaction(tx -> {
                    tx.store(org.crm4j.store.EventStore.class).append(round);
                    return null;
                });
            }
        }
    }

    /** A node of the application on the CRM's database; on the in-memory store, the CRM itself. */
    private Crm node(EventListener listener, List<Crm> opened) {
        Crm.Builder builder = fixture().sameStore(Crm.builder());
        if (builder == null) {
            return crm;
        }
        Crm node = builder.userDirectory(directory).clock(clock).discoverPlugins(false).listener(listener)
                .eventLease(java.time.Duration.ofMinutes(5)).build();
        opened.add(node);
        return node;
    }

    /** Runs the delivery on both nodes at once, again and again, until neither has anything left. */
    private static void drain(Crm first, Crm second) throws Exception {
        for (int round = 0; round < 200; round++) {
            List<DeliveryReport> reports = new CopyOnWriteArrayList<>();
            List<String> outcomes = inParallel(() -> reports.add(first.deliverEvents()),
                    () -> reports.add(second.deliverEvents()));
            assertThat(outcomes).containsOnly("done");
            if (reports.stream().allMatch(r -> r.delivered() + r.failed() + r.deferred() == 0)) {
                return;
            }
        }
        throw new AssertionError("the outbox was not drained in 200 rounds");
    }

    private static void assertInOrderPerAggregate(List<Seen> seen) {
        Map<Long, List<Seen>> byAggregate = new java.util.HashMap<>();
        seen.stream().sorted(java.util.Comparator.comparingLong(Seen::tick))
                .forEach(s -> byAggregate.computeIfAbsent(s.aggregate(), k -> new ArrayList<>()).add(s));
        byAggregate.forEach((aggregate, list) -> assertThat(list).extracting(Seen::sequence)
                .as("events of aggregate %d in the order the listener had them", aggregate).isSorted());
    }

    @Test
    void twoNodesDeliverABacklog_eachEventExactlyOnce_inOrderPerAggregate() throws Exception {
        java.util.concurrent.atomic.AtomicLong ticks = new java.util.concurrent.atomic.AtomicLong();
        List<Seen> seen = new CopyOnWriteArrayList<>();
        Counting counting = new Counting(ticks, seen, s -> false);
        withListeners(b -> b.listener(counting));
        backlog();
        List<Crm> opened = new ArrayList<>();
        try {
            Crm second = node(counting, opened);

            long began = System.nanoTime();
            drain(crm, second);
            org.slf4j.LoggerFactory.getLogger(OutboxContract.class).info("{} events delivered by two nodes on {} in"
                    + " {} ms, {} deliveries", backlogSize(), fixture().name(), (System.nanoTime() - began) / 1_000_000,
                    seen.size());

            assertThat(seen).hasSize(backlogSize());
            assertThat(seen).extracting(Seen::sequence).doesNotHaveDuplicates();
            assertInOrderPerAggregate(seen);
        } finally {
            opened.forEach(Crm::close);
        }
    }

    @Test
    void twoNodesWithAListenerFailingOneTimeInTen_deliverEveryEventAtLeastOnce_inOrder_noneLost() throws Exception {
        java.util.concurrent.atomic.AtomicLong ticks = new java.util.concurrent.atomic.AtomicLong();
        List<Seen> seen = new CopyOnWriteArrayList<>();
        java.util.Random random = new java.util.Random(42);
        Counting flaky = new Counting(ticks, seen, s -> {
            synchronized (random) {
                return random.nextInt(10) == 0;
            }
        });
        withListeners(b -> b.listener(flaky).eventAttempts(100));
        backlog();
        List<Crm> opened = new ArrayList<>();
        try {
            Crm second = node(flaky, opened);

            long began = System.nanoTime();
            drain(crm, second);
            org.slf4j.LoggerFactory.getLogger(OutboxContract.class).info("{} events delivered by two nodes on {} to a"
                    + " listener failing one time in ten, in {} ms", backlogSize(), fixture().name(),
                    (System.nanoTime() - began) / 1_000_000);

            assertThat(seen.stream().map(Seen::sequence).distinct().count()).isEqualTo(backlogSize());
            assertInOrderPerAggregate(seen);
            assertThat(as(ADA).events().deadLetters(10)).isEmpty();
        } finally {
            opened.forEach(Crm::close);
        }
    }

    /** A node that dies while it delivers: nothing after it in that run happens. */
    private static final class Killed extends VirtualMachineError {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aNodeKilledMidBatch_leavesNothingUndelivered_onceItsLeaseHasEnded() throws Exception {
        java.util.concurrent.atomic.AtomicLong ticks = new java.util.concurrent.atomic.AtomicLong();
        List<Seen> seen = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        Counting dying = new Counting(ticks, seen, s -> {
            if (calls.incrementAndGet() == 300) {
                throw new Killed();   // mid-batch: its claim on the rest of the batch stays behind
            }
            return false;
        });
        org.assertj.core.api.Assumptions.assumeThat(fixture().counter())
                .as("another node on the same database takes over").isNotNull();
        withListeners(b -> b.listener(dying).eventLease(java.time.Duration.ofMinutes(5)));
        backlog();
        List<Crm> opened = new ArrayList<>();
        try {
            assertThatThrownBy(crm::deliverEvents).isInstanceOf(Killed.class);
            Counting survivorListener = new Counting(ticks, seen, s -> false);
            Crm survivor = node(survivorListener, opened);
            DeliveryReport during = survivor.deliverEvents();
            assertThat(during.deferred()).as("the dead node's claims hold within its lease").isPositive();

            clock.advance(java.time.Duration.ofMinutes(6));
            drain(survivor, survivor);
            org.slf4j.LoggerFactory.getLogger(OutboxContract.class).info("{} events on {}, a node killed after 300:"
                    + " {} deliveries, {} of them again after the lease", backlogSize(), fixture().name(), seen.size(),
                    seen.size() - seen.stream().map(Seen::sequence).distinct().count());

            assertThat(seen.stream().map(Seen::sequence).distinct().count()).isEqualTo(backlogSize());
            assertInOrderPerAggregate(seen.stream().filter(s -> s.tick() > 299).toList());
        } finally {
            opened.forEach(Crm::close);
        }
    }
}
