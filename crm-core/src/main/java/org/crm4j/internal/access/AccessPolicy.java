package org.crm4j.internal.access;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.crm4j.ValidationException.Violation;
import org.crm4j.access.Actor;
import org.crm4j.plugin.DirectoryUser;
import org.crm4j.plugin.UserDirectory;
import org.crm4j.store.Visibility;

/**
 * Need-to-know (R28): which owners' customers an actor may open. An actor sees their own
 * customers and those of everyone who reports to them, directly or not; administrators see all.
 * The reporting lines come from the host's {@link UserDirectory} and are cached for a short time.
 */
public final class AccessPolicy {
    /** No hierarchy is expected to be larger; a cycle in the directory cannot loop forever. */
    private static final int MAX_REPORTS = 1_000_000;

    private final UserDirectory directory;
    private final LoadingCache<String, Set<String>> visibleOwners;
    /** Users the directory knows; an unknown user is never kept, so that a new one is known at once. */
    private final LoadingCache<String, DirectoryUser> users;

    /**
     * @param directory the host's users
     * @param ttl how long answers of the directory are kept
     */
    public AccessPolicy(UserDirectory directory, Duration ttl) {
        this.directory = directory;
        this.visibleOwners = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl)
                .build(this::computeVisibleOwners);
        this.users = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(ttl)
                .build(id -> directory.find(id).orElse(null));
    }

    /**
     * @param actor an actor
     * @return whose customers the actor may open, for the WHERE clause of queries
     */
    public Visibility visibilityOf(Actor actor) {
        if (actor.isAdmin()) {
            return Visibility.everything();
        }
        return Visibility.ownedBy(visibleOwners.get(actor.id()));
    }

    /**
     * @param userId a user id
     * @return whether the directory knows the user
     */
    public boolean isKnownUser(String userId) {
        return user(userId).isPresent();
    }

    /**
     * @param userId a user id
     * @return the user as the directory knows them, or empty (also for null)
     */
    public Optional<DirectoryUser> user(String userId) {
        return userId == null ? Optional.empty() : Optional.ofNullable(users.get(userId));
    }

    /**
     * @param ownerId the owner a record is given (a blank one is reported by Bean Validation)
     * @return the violation when the id is longer than the columns keep ({@code Size}), holds U+0000 or a
     *     lone surrogate ({@code Text}), or the directory does not know that user ({@code KnownUser})
     */
    public Optional<Violation> unknownOwner(String ownerId) {
        if (ownerId == null || ownerId.isBlank()) {
            return Optional.empty();
        }
        if (ownerId.length() > org.crm4j.common.Storable.MAX_USER_ID) {
            return Optional.of(new Violation("ownerId", "Size", "must have at most "
                    + org.crm4j.common.Storable.MAX_USER_ID + " characters, had " + ownerId.length()));
        }
        if (!org.crm4j.common.Storable.storable(ownerId)) {
            return Optional.of(org.crm4j.common.Storable.violation("ownerId"));
        }
        if (isKnownUser(ownerId)) {
            return Optional.empty();
        }
        return Optional.of(new Violation("ownerId", "KnownUser", "'" + ownerId + "' is not a known user"));
    }

    /**
     * @param managerId a user id
     * @return the users whose direct superior that user is, as the directory tells it now
     */
    public java.util.List<String> directReportsOf(String managerId) {
        return java.util.List.copyOf(directory.directReportsOf(managerId));
    }

    /**
     * @param userId a user id
     * @return the user's work e-mail address ({@link DirectoryUser#email()}), or empty
     */
    public Optional<org.crm4j.common.EmailAddress> emailOf(String userId) {
        return user(userId).flatMap(DirectoryUser::emailAddress);
    }

    /** Forgets every cached answer of the directory. */
    public void invalidate() {
        visibleOwners.invalidateAll();
        users.invalidateAll();
    }

    private Set<String> computeVisibleOwners(String actorId) {
        Set<String> owners = new LinkedHashSet<>();
        owners.add(actorId);
        Deque<String> todo = new ArrayDeque<>();
        todo.add(actorId);
        while (!todo.isEmpty() && owners.size() < MAX_REPORTS) {
            for (String report : directory.directReportsOf(todo.poll())) {
                if (owners.add(report)) {
                    todo.add(report);
                }
            }
        }
        return Set.copyOf(owners);
    }
}
