package org.crm4j.persistence.contract;

import org.crm4j.tck.NeedToKnowMatrixContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link NeedToKnowMatrixContract} on the in-memory adapter. */
class MemoryNeedToKnowMatrixTest extends NeedToKnowMatrixContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
