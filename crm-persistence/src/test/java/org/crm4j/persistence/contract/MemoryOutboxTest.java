package org.crm4j.persistence.contract;

import org.crm4j.tck.OutboxContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link OutboxContract} on the in-memory adapter. */
class MemoryOutboxTest extends OutboxContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }

    /** 4,000 events: the 20,000 of the contract run on PostgreSQL, which several nodes share. */
    @Override
    protected int eventsPerAggregate() {
        return 20;
    }
}
