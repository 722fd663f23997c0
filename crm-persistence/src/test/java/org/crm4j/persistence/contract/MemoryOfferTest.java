package org.crm4j.persistence.contract;

import org.crm4j.tck.OfferContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link OfferContract} on the in-memory adapter. */
class MemoryOfferTest extends OfferContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
