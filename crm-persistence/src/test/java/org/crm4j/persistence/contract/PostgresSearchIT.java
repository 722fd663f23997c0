package org.crm4j.persistence.contract;

import org.crm4j.tck.SearchContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link SearchContract} on the JPA adapter on PostgreSQL. */
class PostgresSearchIT extends SearchContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
