package org.crm4j.persistence.contract;

import org.crm4j.tck.CachesAcrossNodesContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link CachesAcrossNodesContract} on the Memory store. */
class MemoryCachesAcrossNodesTest extends CachesAcrossNodesContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
