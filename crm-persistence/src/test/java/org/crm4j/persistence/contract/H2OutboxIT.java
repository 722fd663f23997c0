package org.crm4j.persistence.contract;

import org.crm4j.tck.OutboxContract;
import org.crm4j.persistence.support.H2Fixture;
import org.crm4j.tck.StoreFixture;

/** {@link OutboxContract} on the JPA adapter on H2. */
class H2OutboxIT extends OutboxContract {
    private static final StoreFixture FIXTURE = new H2Fixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }

    /**
     * 4,000 events (or {@code crm4j.outbox.h2EventsPerAggregate} × 200): the 20,000 of the contract
     * run on PostgreSQL, which several nodes share.
     */
    @Override
    protected int eventsPerAggregate() {
        return Integer.getInteger("crm4j.outbox.h2EventsPerAggregate", 20);
    }
}
