package org.crm4j.persistence.contract;

import org.crm4j.tck.ConsentContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link ConsentContract} on the JPA adapter on PostgreSQL. */
class PostgresConsentIT extends ConsentContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
