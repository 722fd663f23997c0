package org.crm4j.persistence.contract;

import org.crm4j.tck.PipelineContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link PipelineContract} on the JPA adapter on PostgreSQL. */
class PostgresPipelineIT extends PipelineContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
