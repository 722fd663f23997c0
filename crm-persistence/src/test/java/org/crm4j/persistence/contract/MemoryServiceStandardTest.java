package org.crm4j.persistence.contract;

import org.crm4j.tck.ServiceStandardContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link ServiceStandardContract} on the in-memory adapter. */
class MemoryServiceStandardTest extends ServiceStandardContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
