package org.crm4j.persistence.contract;

import org.crm4j.tck.OfferContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link OfferContract} on the JPA adapter on PostgreSQL. */
class PostgresOfferIT extends OfferContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
