package org.crm4j.persistence.contract;

import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.DocumentContract;
import org.crm4j.tck.StoreFixture;

/** {@link DocumentContract} on the in-memory adapter. */
class MemoryDocumentTest extends DocumentContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
