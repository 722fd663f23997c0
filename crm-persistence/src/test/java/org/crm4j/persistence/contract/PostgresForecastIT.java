package org.crm4j.persistence.contract;

import org.crm4j.tck.ForecastContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link ForecastContract} on the JPA adapter on PostgreSQL. */
class PostgresForecastIT extends ForecastContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
