package org.crm4j.persistence.contract;

import org.crm4j.tck.ForecastContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link ForecastContract} on the in-memory adapter. */
class MemoryForecastTest extends ForecastContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
