package org.crm4j.persistence.contract;

import org.crm4j.tck.CachesAcrossNodesContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link CachesAcrossNodesContract} on the Postgres store. */
class PostgresCachesAcrossNodesIT extends CachesAcrossNodesContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
