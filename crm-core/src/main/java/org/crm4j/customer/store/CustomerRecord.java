package org.crm4j.customer.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.crm4j.common.Address;
import org.crm4j.common.ExternalRef;
import org.crm4j.customer.CustomerKind;
import org.crm4j.customer.CustomerStatus;

/**
 * The stored state of a customer, as the core hands it to a store and gets it back.
 *
 * @param id the id; 0 before the first insert
 * @param version the optimistic version; on update, the version the change was based on
 * @param kind company or person
 * @param name the name
 * @param taxId the normalised tax / VAT id, or null
 * @param industry the industry, or null
 * @param tags the tags
 * @param rating the rating, or null
 * @param categories the categories
 * @param status active or archived
 * @param ownerId the responsible salesperson's user id
 * @param address the main address, or null
 * @param externalRefs references to records of other systems
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record CustomerRecord(long id, long version, CustomerKind kind, String name, String taxId,
        String industry, Set<String> tags, String rating, Set<String> categories, CustomerStatus status,
        String ownerId, Address address, Set<ExternalRef> externalRefs, Instant createdAt, Instant updatedAt) {

    /** Copies the collections so the record is immutable. */
    public CustomerRecord {
        tags = Set.copyOf(tags);
        categories = Set.copyOf(categories);
        externalRefs = Set.copyOf(externalRefs);
    }

    /**
     * The key customers are sorted and prefix-searched by: the name in lower case. Stores keep it
     * in a column with a binary collation ({@code COLLATE "C"} on PostgreSQL), so every store
     * sorts alike, whatever the database's locale. (Binary UTF-8 order and Java's UTF-16 order
     * differ only between characters above U+FFFF and those from U+E000 to U+FFFF.)
     *
     * @return the sort key of the name
     */
    public String nameKey() {
        return nameKey(name);
    }

    /**
     * @param name a customer name
     * @return its sort key
     */
    public static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** @return the city of the main address, or null */
    public String city() {
        return address == null ? null : address.city();
    }

    /**
     * @param newId the assigned id
     * @param newVersion the stored version
     * @return a copy with the id and version a store assigned
     */
    public CustomerRecord withIdentity(long newId, long newVersion) {
        return new CustomerRecord(newId, newVersion, kind, name, taxId, industry, tags, rating, categories,
                status, ownerId, address, externalRefs, createdAt, updatedAt);
    }
}
