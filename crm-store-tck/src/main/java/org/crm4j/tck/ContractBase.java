package org.crm4j.tck;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.crm4j.ActorScope;
import org.crm4j.ConflictException;
import org.crm4j.Crm;
import org.crm4j.ValidationException;
import org.crm4j.access.Actor;
import org.crm4j.access.InMemoryUserDirectory;
import org.crm4j.customer.Customer;
import org.crm4j.customer.Customers;
import org.crm4j.customer.NewCustomer;
import org.crm4j.event.DomainEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every contract test starts from: a fresh store of the adapter under test, a sales team,
 * a hand-moved clock and a listener that records delivered events.
 *
 * <p>The team: {@code carl} heads sales; {@code mia} manages the team and reports to carl;
 * {@code sam} and {@code pia} sell and report to mia (so they are peers); {@code otto} heads
 * another department; {@code ada} is an administrator.
 */
public abstract class ContractBase {
    protected static final Actor SAM = Actor.of("sam");
    protected static final Actor PIA = Actor.of("pia");
    protected static final Actor MIA = Actor.of("mia");
    protected static final Actor CARL = Actor.of("carl");
    protected static final Actor OTTO = Actor.of("otto");
    protected static final Actor ADA = Actor.of("ada", Actor.ADMIN);

    protected Crm crm;
    protected InMemoryUserDirectory directory;
    protected MutableClock clock;
    protected final List<DomainEvent> delivered = new CopyOnWriteArrayList<>();

    /** @return the adapter under test */
    protected abstract StoreFixture fixture();

    @BeforeEach
    void openCrm() {
        directory = new InMemoryUserDirectory()
                .add("carl", null)
                .add("mia", "carl")
                .add("sam", "mia")
                .add("pia", "mia")
                .add("otto", null)
                .add("ada", null, Actor.ADMIN);
        clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        crm = configure(fixture().freshStore(Crm.builder())
                .userDirectory(directory)
                .userCacheTtl(Duration.ZERO)
                .clock(clock)
                .listener(delivered::add)
                .discoverPlugins(false))
                .build();
    }

    /**
     * Lets a contract add to the builder of its {@code Crm} (e.g. a mail sender).
     *
     * @param builder the builder with the store, directory, clock and listener set
     * @return the builder
     */
    protected Crm.Builder configure(Crm.Builder builder) {
        return builder;
    }

    @AfterEach
    void closeCrm() {
        crm.close();
        if (fixture().counter() != null) {
            fixture().counter().clearFaults();
        }
    }

    protected ActorScope as(Actor actor) {
        return crm.as(actor);
    }

    protected Customers customersOf(Actor actor) {
        return crm.as(actor).customers();
    }

    /** Creates a company owned by the actor. */
    protected Customer companyOf(Actor owner, String name) {
        return customersOf(owner).create(NewCustomer.company(name));
    }

    /**
     * Runs the actions at the same moment, each on its own thread (they wait for each other
     * before they start), and tells how each ended: {@code done}, {@code refused} (a
     * ValidationException), {@code conflict} (a ConflictException), or the other exception.
     */
    protected static List<String> inParallel(List<Runnable> actions) throws Exception {
        CountDownLatch ready = new CountDownLatch(actions.size());
        ExecutorService pool = Executors.newFixedThreadPool(actions.size());
        try {
            List<Callable<String>> tasks = new ArrayList<>();
            actions.forEach(action -> tasks.add(() -> outcome(ready, action)));
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(tasks)) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdown();
        }
    }

    /** {@link #inParallel(List)} for a few actions. */
    protected static List<String> inParallel(Runnable... actions) throws Exception {
        return inParallel(List.of(actions));
    }

    private static String outcome(CountDownLatch ready, Runnable action) {
        try {
            ready.countDown();
            ready.await(10, TimeUnit.SECONDS);
            action.run();
            return "done";
        } catch (ValidationException e) {
            return "refused";
        } catch (ConflictException e) {
            return "conflict";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
