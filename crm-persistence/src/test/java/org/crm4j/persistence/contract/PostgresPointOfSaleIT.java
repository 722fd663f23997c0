package org.crm4j.persistence.contract;

import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.PointOfSaleContract;
import org.crm4j.tck.StoreFixture;

/** {@link PointOfSaleContract} on the JPA adapter on PostgreSQL. */
class PostgresPointOfSaleIT extends PointOfSaleContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
