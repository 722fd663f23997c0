package org.crm4j.persistence.contract;

import org.crm4j.tck.ConsentContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link ConsentContract} on the in-memory adapter. */
class MemoryConsentTest extends ConsentContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
