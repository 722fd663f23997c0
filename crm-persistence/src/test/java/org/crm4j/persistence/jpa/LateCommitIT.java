package org.crm4j.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.crm4j.event.DomainEvent;
import org.crm4j.persistence.support.PostgresServer;
import org.crm4j.store.CrmStore;
import org.crm4j.store.EventStore;
import org.crm4j.store.FeedEntry;
import org.crm4j.store.StoreContext;
import org.crm4j.store.Visibility;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The change feed never loses an event that commits late: transaction A draws its event's sequence
 * number first, B draws a higher one and commits first, a reader reads B's event and keeps its
 * cursor, then A commits. With cursors on sequence numbers the reader would resume after B's number
 * and never see A's event; the feed reads in commit order instead, so A's event comes after B's.
 */
class LateCommitIT {

    @Test
    void onH2_aReaderThatResumesGetsTheEventThatCommittedLate() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:late-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        lateCommit(h2);
    }

    @Test
    void onPostgres_aReaderThatResumesGetsTheEventThatCommittedLate() throws Exception {
        DataSource pg = PostgresServer.newDatabase();
        try {
            lateCommit(pg);
        } finally {
            ((AutoCloseable) pg).close();
        }
    }

    private static DomainEvent event(String name) {
        return new DomainEvent(UUID.randomUUID(), "customer.updated", "customer", 1, null, "sam", Instant.now(),
                Map.of("name", name));
    }

    private static void lateCommit(DataSource ds) throws Exception {
        try (CrmStore store = new JpaStoreProvider().open(new StoreContext(ds, null, Map.of(), Clock.systemUTC()))) {
            CountDownLatch aAppended = new CountDownLatch(1);
            CountDownLatch readerDone = new CountDownLatch(1);
            List<Long> sequences = new ArrayList<>();
            CompletableFuture<Void> a = CompletableFuture.runAsync(() -> store.inTransaction(tx -> {
                tx.store(EventStore.class).append(List.of(event("A")));
                sequences.add(tx.store(EventStore.class).feedEnd().sequence());
                aAppended.countDown();
                await(readerDone);
                return null;
            }));
            assertThat(aAppended.await(30, TimeUnit.SECONDS)).isTrue();
            store.inTransaction(tx -> {
                tx.store(EventStore.class).append(List.of(event("B")));
                return null;
            });

            // the reader comes while A is still open: it sees B, and keeps where it stopped
            List<FeedEntry> first = read(store, new FeedEntry.Position(0, 0));
            readerDone.countDown();
            assertThat(first).extracting(e -> e.event().get("name")).containsExactly("B");
            FeedEntry b = first.get(0);
            a.get(30, TimeUnit.SECONDS);

            // A drew the lower sequence number and committed later: it comes next, after B
            List<FeedEntry> resumed = read(store, new FeedEntry.Position(b.commitNo(), b.sequence()));
            assertThat(resumed).extracting(e -> e.event().get("name")).containsExactly("A");
            assertThat(resumed.get(0).sequence()).isLessThan(b.sequence());
            assertThat(resumed.get(0).commitNo()).isGreaterThan(b.commitNo());
            assertThat(read(store, new FeedEntry.Position(resumed.get(0).commitNo(), resumed.get(0).sequence())))
                    .isEmpty();
        }
    }

    private static List<FeedEntry> read(CrmStore store, FeedEntry.Position after) {
        return store.readOnly(tx -> tx.store(EventStore.class).changes(after.commitNo(), after.sequence(),
                Visibility.everything(), 100));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
