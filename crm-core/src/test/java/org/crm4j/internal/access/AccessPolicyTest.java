package org.crm4j.internal.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.crm4j.access.Actor;
import org.crm4j.access.InMemoryUserDirectory;
import org.crm4j.plugin.DirectoryUser;
import org.crm4j.plugin.UserDirectory;
import org.crm4j.store.Visibility;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
    private static final Duration LONG = Duration.ofHours(1);

    /**
     * <pre>
     * dora (head of sales)
     * ├── mia (team lead)
     * │   └── sam
     * └── pete (team lead)
     *     └── paul
     * carol (administrator)
     * </pre>
     */
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory()
            .add("carol", null, Actor.ADMIN)
            .add("dora", null)
            .add("mia", "dora")
            .add("pete", "dora")
            .add("sam", "mia")
            .add("paul", "pete");

    private final AccessPolicy policy = new AccessPolicy(directory, LONG);

    private Visibility visibilityOf(String userId, String... roles) {
        return policy.visibilityOf(Actor.of(userId, roles));
    }

    @Test
    void ownerSeesTheirOwnCustomers() {
        Visibility sam = visibilityOf("sam");

        assertThat(sam.all()).isFalse();
        assertThat(sam.owners()).containsExactly("sam");
        assertThat(sam.covers("sam")).isTrue();
    }

    @Test
    void superiorSeesTheirReportsCustomers() {
        assertThat(visibilityOf("mia").owners()).containsExactlyInAnyOrder("mia", "sam");
    }

    @Test
    void superiorsSuperiorSeesTheWholeLine() {
        Visibility dora = visibilityOf("dora");

        assertThat(dora.owners()).containsExactlyInAnyOrder("dora", "mia", "sam", "pete", "paul");
        assertThat(dora.all()).isFalse();
    }

    @Test
    void peerDoesNotSeeAnotherTeamsCustomers() {
        Visibility pete = visibilityOf("pete");

        assertThat(pete.covers("sam")).isFalse();
        assertThat(pete.covers("mia")).isFalse();
        assertThat(pete.covers("paul")).isTrue();
    }

    @Test
    void reportDoesNotSeeTheirSuperiorsCustomers() {
        assertThat(visibilityOf("sam").covers("mia")).isFalse();
        assertThat(visibilityOf("mia").covers("dora")).isFalse();
    }

    @Test
    void adminSeesEverything() {
        Visibility carol = visibilityOf("carol", Actor.ADMIN);

        assertThat(carol.all()).isTrue();
        assertThat(carol.covers("sam")).isTrue();
        assertThat(carol.covers("someone-nobody-knows")).isTrue();
    }

    @Test
    void adminRoleComesFromTheActorNotFromTheDirectory() {
        assertThat(visibilityOf("carol").all()).isFalse();
        assertThat(visibilityOf("sam", Actor.ADMIN).all()).isTrue();
    }

    @Test
    void userUnknownToTheDirectorySeesOnlyTheirOwn() {
        assertThat(visibilityOf("stranger").owners()).containsExactly("stranger");
    }

    @Test
    void cycleInTheDirectoryDoesNotLoopForever() {
        InMemoryUserDirectory cyclic = new InMemoryUserDirectory()
                .add("ann", "bob")
                .add("bob", "cid")
                .add("cid", "ann");
        AccessPolicy cyclicPolicy = new AccessPolicy(cyclic, LONG);

        Visibility ann = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> cyclicPolicy.visibilityOf(Actor.of("ann")));

        assertThat(ann.owners()).containsExactlyInAnyOrder("ann", "bob", "cid");
    }

    @Test
    void knowsWhichUsersTheDirectoryHas() {
        assertThat(policy.isKnownUser("sam")).isTrue();
        assertThat(policy.isKnownUser("stranger")).isFalse();
        assertThat(policy.isKnownUser(null)).isFalse();
    }

    @Test
    void linesAreCachedUntilInvalidated_butAnUnknownUserIsNeverCached() {
        assertThat(visibilityOf("mia").covers("neo")).isFalse();
        assertThat(policy.isKnownUser("neo")).isFalse();

        directory.add("neo", "mia");

        assertThat(visibilityOf("mia").covers("neo")).as("mia's line is cached").isFalse();
        assertThat(policy.isKnownUser("neo")).as("a new user is known at once").isTrue();

        policy.invalidate();

        assertThat(visibilityOf("mia").covers("neo")).isTrue();
        assertThat(visibilityOf("dora").covers("neo")).isTrue();
        assertThat(policy.isKnownUser("neo")).isTrue();
    }

    @Test
    void invalidatePicksUpAMovedReport() {
        assertThat(visibilityOf("mia").covers("sam")).isTrue();

        directory.add("sam", "pete");
        policy.invalidate();

        assertThat(visibilityOf("mia").covers("sam")).isFalse();
        assertThat(visibilityOf("pete").covers("sam")).isTrue();
    }

    @Test
    void directoryIsAskedOncePerActorWhileCached() {
        CountingDirectory counting = new CountingDirectory(directory);
        AccessPolicy cached = new AccessPolicy(counting, LONG);

        cached.visibilityOf(Actor.of("mia"));
        int afterFirst = counting.calls.get();
        cached.visibilityOf(Actor.of("mia"));

        assertThat(afterFirst).isPositive();
        assertThat(counting.calls.get()).isEqualTo(afterFirst);
    }

    @Test
    void zeroTtlAsksTheDirectoryEveryTime() {
        AccessPolicy uncached = new AccessPolicy(directory, Duration.ZERO);
        assertThat(uncached.visibilityOf(Actor.of("mia")).covers("neo")).isFalse();

        directory.add("neo", "mia");

        assertThat(uncached.visibilityOf(Actor.of("mia")).covers("neo")).isTrue();
        assertThat(uncached.isKnownUser("neo")).isTrue();
    }

    /** Counts the calls to {@link UserDirectory#directReportsOf}. */
    private static final class CountingDirectory implements UserDirectory {
        private final UserDirectory delegate;
        private final AtomicInteger calls = new AtomicInteger();

        CountingDirectory(UserDirectory delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<DirectoryUser> find(String userId) {
            return delegate.find(userId);
        }

        @Override
        public Collection<String> directReportsOf(String userId) {
            calls.incrementAndGet();
            return delegate.directReportsOf(userId);
        }
    }
}
