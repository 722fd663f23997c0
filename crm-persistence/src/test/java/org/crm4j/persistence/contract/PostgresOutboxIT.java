package org.crm4j.persistence.contract;

import org.crm4j.tck.OutboxContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link OutboxContract} on the JPA adapter on PostgreSQL. */
class PostgresOutboxIT extends OutboxContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
