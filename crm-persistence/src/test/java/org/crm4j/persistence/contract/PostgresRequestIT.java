package org.crm4j.persistence.contract;

import org.crm4j.tck.RequestContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link RequestContract} on the JPA adapter on PostgreSQL. */
class PostgresRequestIT extends RequestContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
