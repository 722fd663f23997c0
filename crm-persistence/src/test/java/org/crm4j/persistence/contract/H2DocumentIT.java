package org.crm4j.persistence.contract;

import org.crm4j.persistence.support.H2Fixture;
import org.crm4j.tck.DocumentContract;
import org.crm4j.tck.StoreFixture;

/** {@link DocumentContract} on the JPA adapter on H2. */
class H2DocumentIT extends DocumentContract {
    private static final StoreFixture FIXTURE = new H2Fixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
