package org.crm4j.persistence.contract;

import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.ChangeFeedContract;
import org.crm4j.tck.StoreFixture;

/** {@link ChangeFeedContract} on the in-memory adapter. */
class MemoryChangeFeedTest extends ChangeFeedContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
