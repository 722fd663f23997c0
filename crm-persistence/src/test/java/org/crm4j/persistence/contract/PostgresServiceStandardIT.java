package org.crm4j.persistence.contract;

import org.crm4j.tck.ServiceStandardContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link ServiceStandardContract} on the JPA adapter on PostgreSQL. */
class PostgresServiceStandardIT extends ServiceStandardContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
