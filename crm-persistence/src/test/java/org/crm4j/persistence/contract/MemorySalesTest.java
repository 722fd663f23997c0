package org.crm4j.persistence.contract;

import org.crm4j.tck.SalesContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link SalesContract} on the in-memory adapter. */
class MemorySalesTest extends SalesContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
