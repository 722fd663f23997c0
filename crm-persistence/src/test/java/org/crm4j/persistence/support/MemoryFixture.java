package org.crm4j.persistence.support;

import org.crm4j.tck.CountingDataSource;
import org.crm4j.tck.StoreFixture;
import org.crm4j.Crm;

/** The in-memory adapter: each Crm starts empty. */
public final class MemoryFixture implements StoreFixture {
    @Override
    public String name() {
        return "memory";
    }

    @Override
    public Crm.Builder freshStore(Crm.Builder builder) {
        return builder.store("memory");
    }

    @Override
    public CountingDataSource counter() {
        return null;
    }

    @Override
    public Crm.Builder sameStore(Crm.Builder builder) {
        return null;
    }
}
