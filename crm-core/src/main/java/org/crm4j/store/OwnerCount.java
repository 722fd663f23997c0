package org.crm4j.store;

/**
 * One group of a count by owner, as a store's {@code GROUP BY} gives it.
 *
 * @param ownerId the owner
 * @param count how many
 */
public record OwnerCount(String ownerId, long count) {
}
