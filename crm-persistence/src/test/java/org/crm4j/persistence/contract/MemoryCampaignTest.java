package org.crm4j.persistence.contract;

import org.crm4j.tck.CampaignContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link CampaignContract} on the in-memory adapter. */
class MemoryCampaignTest extends CampaignContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
