package org.crm4j.persistence.contract;

import org.crm4j.tck.FirstContactReportContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link FirstContactReportContract} on the JPA adapter on PostgreSQL. */
class PostgresFirstContactReportIT extends FirstContactReportContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
