package org.crm4j.plugin;

import java.util.Collection;
import java.util.Optional;

/**
 * Who the host's users are, which roles they have and who reports to whom. The host implements
 * it over its own user store (LDAP, the ERP's employee table ...); crm4j asks it to decide
 * need-to-know (R28): an owner's superiors, transitively, see what the owner sees.
 *
 * <p>Answers are cached by crm4j for a short time (see {@code Crm.Builder.userCacheTtl});
 * call {@code Crm.userDirectoryChanged()} after a change that must take effect at once.
 * Implementations must be thread-safe.
 */
public interface UserDirectory {

    /**
     * @param userId a user's id
     * @return the user, or empty when the directory does not know them
     */
    Optional<DirectoryUser> find(String userId);

    /**
     * @param userId a user's id
     * @return the ids of the users whose direct superior this user is; empty when none
     */
    Collection<String> directReportsOf(String userId);
}
