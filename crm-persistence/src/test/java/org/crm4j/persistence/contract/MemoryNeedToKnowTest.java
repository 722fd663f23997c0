package org.crm4j.persistence.contract;

import org.crm4j.tck.NeedToKnowContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link NeedToKnowContract} on the in-memory adapter. */
class MemoryNeedToKnowTest extends NeedToKnowContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
