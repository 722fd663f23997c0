package org.crm4j.persistence.contract;

import org.crm4j.tck.ImportContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link ImportContract} on the in-memory adapter. */
class MemoryImportTest extends ImportContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
