package org.crm4j.store;

import java.util.Set;

/**
 * Which customers' details an actor may see, as a store must apply it in the {@code WHERE} clause
 * of its queries: everything, or only customers whose owner is in a set of user ids (the actor
 * and everyone who reports to them, transitively).
 *
 * @param all whether every customer is visible
 * @param owners the owners whose customers are visible when {@code all} is false
 */
public record Visibility(boolean all, Set<String> owners) {

    /** Copies the set. */
    public Visibility {
        owners = Set.copyOf(owners);
    }

    /** @return visibility of everything */
    public static Visibility everything() {
        return new Visibility(true, Set.of());
    }

    /**
     * @param owners the visible owners
     * @return visibility of their customers
     */
    public static Visibility ownedBy(Set<String> owners) {
        return new Visibility(false, owners);
    }

    /**
     * @param ownerId an owner, or null for a record that has none (a document without a salesperson)
     * @return whether that owner's customers are visible: never for no owner, unless all are
     */
    public boolean covers(String ownerId) {
        return all || ownerId != null && owners.contains(ownerId);
    }
}
