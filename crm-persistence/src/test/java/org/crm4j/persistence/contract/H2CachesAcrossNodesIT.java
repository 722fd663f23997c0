package org.crm4j.persistence.contract;

import org.crm4j.tck.CachesAcrossNodesContract;
import org.crm4j.persistence.support.H2Fixture;
import org.crm4j.tck.StoreFixture;

/** {@link CachesAcrossNodesContract} on the H2 store. */
class H2CachesAcrossNodesIT extends CachesAcrossNodesContract {
    private static final StoreFixture FIXTURE = new H2Fixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
