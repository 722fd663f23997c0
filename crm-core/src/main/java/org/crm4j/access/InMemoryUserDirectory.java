package org.crm4j.access;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.crm4j.common.EmailAddress;
import org.crm4j.plugin.DirectoryUser;
import org.crm4j.plugin.UserDirectory;

/**
 * A {@link UserDirectory} kept in memory, for tests, examples and hosts with a small fixed set of
 * users. Thread-safe.
 *
 * <pre>{@code
 * var directory = new InMemoryUserDirectory()
 *         .add("carol", null, Actor.ADMIN)
 *         .add("mia", "carol")          // mia reports to carol
 *         .add("sam", "mia");           // sam reports to mia
 * }</pre>
 */
public final class InMemoryUserDirectory implements UserDirectory {
    private final Map<String, DirectoryUser> users = new ConcurrentHashMap<>();
    /** Who reports to whom, kept beside the users so that a line of thousands is walked in linear time. */
    private final Map<String, java.util.NavigableSet<String>> reports = new ConcurrentHashMap<>();

    /**
     * Adds or replaces a user.
     *
     * @param id the user's id
     * @param superiorId their direct superior's id, or {@code null}
     * @param roles their roles
     * @return this directory
     */
    public InMemoryUserDirectory add(String id, String superiorId, String... roles) {
        return add(new DirectoryUser(id, id, Set.of(roles), superiorId));
    }

    /**
     * Adds or replaces a user.
     *
     * @param user the user
     * @return this directory
     */
    public synchronized InMemoryUserDirectory add(DirectoryUser user) {
        DirectoryUser before = users.put(user.id(), user);
        unlink(before);
        if (user.superiorId() != null) {
            reports.computeIfAbsent(user.superiorId(), k -> new java.util.concurrent.ConcurrentSkipListSet<>())
                    .add(user.id());
        }
        return this;
    }

    private void unlink(DirectoryUser user) {
        if (user != null && user.superiorId() != null) {
            java.util.Set<String> of = reports.get(user.superiorId());
            if (of != null) {
                of.remove(user.id());
            }
        }
    }

    /**
     * Sets a known user's work e-mail address ({@link DirectoryUser#email()}), where e-mail notices
     * and mailings to employees go.
     *
     * @param id the user's id
     * @param email their address
     * @return this directory
     * @throws org.crm4j.ValidationException when the address is malformed or there is no such user
     */
    public InMemoryUserDirectory email(String id, String email) {
        EmailAddress address = EmailAddress.of(email);
        if (users.computeIfPresent(id, (k, user) -> user.withEmail(address)) == null) {
            throw new org.crm4j.ValidationException("user.id", "KnownUser", "there is no user '" + id + "'");
        }
        return this;
    }

    /**
     * @param id the user to remove
     * @return this directory
     */
    public synchronized InMemoryUserDirectory remove(String id) {
        unlink(users.remove(id));
        return this;
    }

    @Override
    public Optional<DirectoryUser> find(String userId) {
        return userId == null ? Optional.empty() : Optional.ofNullable(users.get(userId));
    }

    @Override
    public Collection<String> directReportsOf(String userId) {
        java.util.Set<String> of = reports.get(userId);
        return of == null ? List.of() : List.copyOf(of);
    }

    /** @return every user, sorted by id */
    public List<DirectoryUser> users() {
        return users.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }
}
