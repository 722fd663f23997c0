package org.crm4j.persistence.contract;

import org.crm4j.tck.LeadContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link LeadContract} on the JPA adapter on PostgreSQL. */
class PostgresLeadIT extends LeadContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
