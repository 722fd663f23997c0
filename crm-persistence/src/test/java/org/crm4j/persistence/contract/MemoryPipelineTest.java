package org.crm4j.persistence.contract;

import org.crm4j.tck.PipelineContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link PipelineContract} on the in-memory adapter. */
class MemoryPipelineTest extends PipelineContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
