package org.crm4j.persistence.contract;

import org.crm4j.tck.BadInputContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link BadInputContract} on the in-memory adapter. */
class MemoryBadInputTest extends BadInputContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
