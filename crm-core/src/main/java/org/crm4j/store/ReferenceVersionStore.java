package org.crm4j.store;

import java.util.Map;

/**
 * Versions of the reference data every node caches (pipelines, the user directory's answers), so
 * that a change on one node reaches the caches of the others: a change bumps its version in the
 * same transaction, and each node compares the versions with those it last saw.
 */
public interface ReferenceVersionStore {

    /** @return each kind of reference data with its version; a kind never changed may be missing */
    Map<String, Long> versions();

    /** @param kind the kind of reference data that changed, e.g. {@code pipelines} */
    void bump(String kind);
}
