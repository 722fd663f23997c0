package org.crm4j.persistence.contract;

import org.crm4j.tck.ScheduleContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link ScheduleContract} on the JPA adapter on PostgreSQL. */
class PostgresScheduleIT extends ScheduleContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
