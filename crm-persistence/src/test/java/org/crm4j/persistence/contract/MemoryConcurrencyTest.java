package org.crm4j.persistence.contract;

import org.crm4j.tck.ConcurrencyContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link ConcurrencyContract} on the in-memory adapter. */
class MemoryConcurrencyTest extends ConcurrencyContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
