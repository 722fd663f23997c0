package org.crm4j.persistence.contract;

import org.crm4j.tck.OpportunityContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link OpportunityContract} on the JPA adapter on PostgreSQL. */
class PostgresOpportunityIT extends OpportunityContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
