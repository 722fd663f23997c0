package org.crm4j.persistence.contract;

import org.crm4j.tck.CustomerContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link CustomerContract} on the JPA adapter on PostgreSQL. */
class PostgresCustomerIT extends CustomerContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
