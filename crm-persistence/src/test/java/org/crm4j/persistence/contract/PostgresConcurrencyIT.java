package org.crm4j.persistence.contract;

import org.crm4j.tck.ConcurrencyContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link ConcurrencyContract} on the JPA adapter on PostgreSQL. */
class PostgresConcurrencyIT extends ConcurrencyContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
