package org.crm4j.persistence.contract;

import org.crm4j.tck.NeedToKnowContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link NeedToKnowContract} on the JPA adapter on PostgreSQL. */
class PostgresNeedToKnowIT extends NeedToKnowContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
