package org.crm4j.persistence.contract;

import org.crm4j.tck.SearchContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link SearchContract} on the in-memory adapter. */
class MemorySearchTest extends SearchContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
