package org.crm4j.persistence.contract;

import org.crm4j.tck.BadInputContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link BadInputContract} on the JPA adapter on PostgreSQL. */
class PostgresBadInputIT extends BadInputContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
