package org.crm4j.persistence.contract;

import org.crm4j.tck.ScheduleContract;
import org.crm4j.persistence.support.H2Fixture;
import org.crm4j.tck.StoreFixture;

/** {@link ScheduleContract} on the JPA adapter on H2. */
class H2ScheduleIT extends ScheduleContract {
    private static final StoreFixture FIXTURE = new H2Fixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
