package org.crm4j.persistence.contract;

import org.crm4j.tck.ScheduleContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link ScheduleContract} on the in-memory adapter. */
class MemoryScheduleTest extends ScheduleContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
