package org.crm4j.persistence.contract;

import org.crm4j.tck.OpportunityContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link OpportunityContract} on the in-memory adapter. */
class MemoryOpportunityTest extends OpportunityContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
