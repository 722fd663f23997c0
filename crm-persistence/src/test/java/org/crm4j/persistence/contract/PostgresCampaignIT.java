package org.crm4j.persistence.contract;

import org.crm4j.tck.CampaignContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link CampaignContract} on the JPA adapter on PostgreSQL. */
class PostgresCampaignIT extends CampaignContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
