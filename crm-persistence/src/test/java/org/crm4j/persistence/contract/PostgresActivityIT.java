package org.crm4j.persistence.contract;

import org.crm4j.tck.ActivityContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link ActivityContract} on the JPA adapter on PostgreSQL. */
class PostgresActivityIT extends ActivityContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
