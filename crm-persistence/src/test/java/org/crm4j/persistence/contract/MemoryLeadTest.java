package org.crm4j.persistence.contract;

import org.crm4j.tck.LeadContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link LeadContract} on the in-memory adapter. */
class MemoryLeadTest extends LeadContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
