package org.crm4j.persistence.contract;

import org.crm4j.tck.StalledDealsContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link StalledDealsContract} on the JPA adapter on PostgreSQL. */
class PostgresStalledDealsIT extends StalledDealsContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
