package org.crm4j.persistence.memory;

import java.util.Map;
import org.crm4j.store.ReferenceVersionStore;

/** The versions of the cached reference data (one CRM holds the store, so they only count). */
final class MemoryReferenceVersionStore extends MemoryFeatureStore implements ReferenceVersionStore {
    MemoryReferenceVersionStore(MemoryTx tx) {
        super(tx);
    }

    @Override
    public Map<String, Long> versions() {
        return Map.copyOf(data.referenceVersions);
    }

    @Override
    public void bump(String kind) {
        put(data.referenceVersions, kind, data.referenceVersions.getOrDefault(kind, 0L) + 1);
    }
}
