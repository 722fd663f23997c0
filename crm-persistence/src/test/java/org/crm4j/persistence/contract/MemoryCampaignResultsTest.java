package org.crm4j.persistence.contract;

import org.crm4j.tck.CampaignResultsContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link CampaignResultsContract} on the in-memory adapter. */
class MemoryCampaignResultsTest extends CampaignResultsContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
