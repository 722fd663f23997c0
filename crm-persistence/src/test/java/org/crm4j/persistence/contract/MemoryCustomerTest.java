package org.crm4j.persistence.contract;

import org.crm4j.tck.CustomerContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link CustomerContract} on the in-memory adapter. */
class MemoryCustomerTest extends CustomerContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
