package org.crm4j.persistence.contract;

import org.crm4j.tck.StalledDealsContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link StalledDealsContract} on the in-memory adapter. */
class MemoryStalledDealsTest extends StalledDealsContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
