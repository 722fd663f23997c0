package org.crm4j.persistence.contract;

import org.crm4j.tck.LongLineContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link LongLineContract} on the JPA adapter on PostgreSQL. */
class PostgresLongLineIT extends LongLineContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
