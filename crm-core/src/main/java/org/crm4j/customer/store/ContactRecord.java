package org.crm4j.customer.store;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.crm4j.customer.ContactChannel;

/**
 * The stored state of a contact person.
 *
 * @param id the id; 0 before the first insert
 * @param version the optimistic version
 * @param customerId the customer's id
 * @param name the full name
 * @param jobTitle the job title as written, or null
 * @param roles role codes such as {@code CFO}
 * @param channels the channels, in order
 * @param primary whether this is the customer's primary contact
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record ContactRecord(long id, long version, long customerId, String name, String jobTitle,
        Set<String> roles, List<ContactChannel> channels, boolean primary, Instant createdAt, Instant updatedAt) {

    /** Copies the collections so the record is immutable. */
    public ContactRecord {
        roles = Set.copyOf(roles);
        channels = List.copyOf(channels);
    }

    /**
     * @param newId the assigned id
     * @param newVersion the stored version
     * @return a copy with the id and version a store assigned
     */
    public ContactRecord withIdentity(long newId, long newVersion) {
        return new ContactRecord(newId, newVersion, customerId, name, jobTitle, roles, channels, primary,
                createdAt, updatedAt);
    }
}
