package org.crm4j.persistence.contract;

import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.ChangeFeedContract;
import org.crm4j.tck.StoreFixture;

/** {@link ChangeFeedContract} on the JPA adapter on PostgreSQL. */
class PostgresChangeFeedIT extends ChangeFeedContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
