package org.crm4j.access;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.crm4j.common.EmailAddress;
import org.crm4j.spi.DirectoryUser;
import org.crm4j.spi.UserDirectory;

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
    public InMemoryUserDirectory add(DirectoryUser user) {
        users.put(user.id(), user);
        return this;
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
    public InMemoryUserDirectory remove(String id) {
        users.remove(id);
        return this;
    }

    @Override
    public Optional<DirectoryUser> find(String userId) {
        return userId == null ? Optional.empty() : Optional.ofNullable(users.get(userId));
    }

    @Override
    public Collection<String> directReportsOf(String userId) {
        return users.values().stream()
                .filter(u -> userId.equals(u.superiorId()))
                .map(DirectoryUser::id)
                .sorted()
                .toList();
    }

    /** @return every user, sorted by id */
    public List<DirectoryUser> users() {
        return users.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }
}
