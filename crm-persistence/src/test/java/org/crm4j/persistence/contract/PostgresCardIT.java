package org.crm4j.persistence.contract;

import org.crm4j.tck.CardContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link CardContract} on the JPA adapter on PostgreSQL. */
class PostgresCardIT extends CardContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
