package org.crm4j.persistence.contract;

import org.crm4j.tck.NeedToKnowMatrixContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link NeedToKnowMatrixContract} on the JPA adapter on PostgreSQL. */
class PostgresNeedToKnowMatrixIT extends NeedToKnowMatrixContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
