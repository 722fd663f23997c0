package org.crm4j.persistence.contract;

import org.crm4j.persistence.support.H2Fixture;
import org.crm4j.tck.PointOfSaleContract;
import org.crm4j.tck.StoreFixture;

/** {@link PointOfSaleContract} on the JPA adapter on H2. */
class H2PointOfSaleIT extends PointOfSaleContract {
    private static final StoreFixture FIXTURE = new H2Fixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
