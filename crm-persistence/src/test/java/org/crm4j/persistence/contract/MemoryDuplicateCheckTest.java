package org.crm4j.persistence.contract;

import org.crm4j.tck.DuplicateCheckContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link DuplicateCheckContract} on the in-memory adapter. */
class MemoryDuplicateCheckTest extends DuplicateCheckContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
