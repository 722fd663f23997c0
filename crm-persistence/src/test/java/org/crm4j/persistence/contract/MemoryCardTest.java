package org.crm4j.persistence.contract;

import org.crm4j.tck.CardContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link CardContract} on the in-memory adapter. */
class MemoryCardTest extends CardContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
