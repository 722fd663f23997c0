package org.crm4j.persistence.contract;

import org.crm4j.tck.LongLineContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link LongLineContract} on the in-memory adapter. */
class MemoryLongLineTest extends LongLineContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
