package org.crm4j.persistence.contract;

import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.PointOfSaleContract;
import org.crm4j.tck.StoreFixture;

/** {@link PointOfSaleContract} on the in-memory adapter. */
class MemoryPointOfSaleTest extends PointOfSaleContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
