package org.crm4j.persistence.contract;

import org.crm4j.tck.FirstContactReportContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link FirstContactReportContract} on the in-memory adapter. */
class MemoryFirstContactReportTest extends FirstContactReportContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
