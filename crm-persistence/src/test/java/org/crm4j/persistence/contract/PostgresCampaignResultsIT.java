package org.crm4j.persistence.contract;

import org.crm4j.tck.CampaignResultsContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link CampaignResultsContract} on the JPA adapter on PostgreSQL. */
class PostgresCampaignResultsIT extends CampaignResultsContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
