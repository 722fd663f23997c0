package org.crm4j.persistence.contract;

import org.crm4j.tck.SalesContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link SalesContract} on the JPA adapter on PostgreSQL. */
class PostgresSalesIT extends SalesContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
