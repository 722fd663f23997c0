package org.crm4j.persistence.contract;

import org.crm4j.tck.ActivityContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link ActivityContract} on the in-memory adapter. */
class MemoryActivityTest extends ActivityContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
