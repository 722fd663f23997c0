package org.crm4j.persistence.memory;

import org.crm4j.store.CrmStore;
import org.crm4j.store.CrmStoreProvider;
import org.crm4j.store.StoreContext;

/**
 * The in-memory store adapter: everything in the JVM's heap, gone when the {@code Crm} closes.
 * For tests and demos; choose it with {@code Crm.builder().store("memory")}. It answers every
 * query exactly as the database adapter does (the same contract suite runs against both).
 */
public final class MemoryStoreProvider implements CrmStoreProvider {
    /** The id to pass to {@code Crm.builder().store(id)}. */
    public static final String ID = "memory";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public CrmStore open(StoreContext context) {
        return new MemoryStore();
    }
}
