package org.crm4j.tck;

import org.crm4j.Crm;

/** A store adapter under test, with a fresh, empty database for each test. */
public interface StoreFixture {

    /** @return a short name for reports, e.g. {@code h2} */
    String name();

    /**
     * Empties the database (or makes a new one) and configures the builder to use it.
     *
     * @param builder a builder with nothing about the store set
     * @return the builder
     */
    Crm.Builder freshStore(Crm.Builder builder);

    /** @return the statement counter of the current database, or null when the store has no SQL */
    CountingDataSource counter();

    /**
     * Configures the builder to use the database of the last {@link #freshStore} as it is, for a
     * second CRM on it: another node of the same application.
     *
     * @param builder a builder with nothing about the store set
     * @return the builder, or null when the adapter keeps its records inside one CRM (in memory)
     */
    Crm.Builder sameStore(Crm.Builder builder);

    /**
     * Opens a second store of the adapter on the database of the last {@link #freshStore}, as
     * another node's, for a contract that writes there by hand (e.g. an event in the outbox).
     *
     * @param clock the clock of the contract
     * @return the store, which the caller closes; null when the adapter keeps its records inside one
     *     CRM (in memory), and the contract is then skipped
     */
    default org.crm4j.store.CrmStore openBeside(java.time.Clock clock) {
        return null;
    }
}
