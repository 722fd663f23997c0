package org.crm4j.internal.access;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crm4j.plugin.DirectoryUser;
import org.crm4j.plugin.UserDirectory;

/**
 * The directory used when the host configures none: every user exists, nobody reports to
 * anybody, so each user sees only their own customers (and administrators, all).
 */
public final class FlatUserDirectory implements UserDirectory {
    @Override
    public Optional<DirectoryUser> find(String userId) {
        return userId == null || userId.isBlank() ? Optional.empty()
                : Optional.of(new DirectoryUser(userId, userId, Set.of(), null));
    }

    @Override
    public Collection<String> directReportsOf(String userId) {
        return List.of();
    }
}
