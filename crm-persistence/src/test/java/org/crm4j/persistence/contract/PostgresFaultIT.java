package org.crm4j.persistence.contract;

import org.crm4j.tck.FaultContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link FaultContract} on the JPA adapter on Postgres. */
class PostgresFaultIT extends FaultContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
