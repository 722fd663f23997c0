package org.crm4j.persistence.contract;

import org.crm4j.tck.RequestContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link RequestContract} on the in-memory adapter (the two nodes are one CRM: it keeps its records in the JVM). */
class MemoryRequestTest extends RequestContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
