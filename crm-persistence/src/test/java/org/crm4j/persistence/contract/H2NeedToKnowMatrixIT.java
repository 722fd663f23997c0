package org.crm4j.persistence.contract;

import org.crm4j.tck.NeedToKnowMatrixContract;
import org.crm4j.persistence.support.H2Fixture;
import org.crm4j.tck.StoreFixture;

/** {@link NeedToKnowMatrixContract} on the JPA adapter on H2. */
class H2NeedToKnowMatrixIT extends NeedToKnowMatrixContract {
    private static final StoreFixture FIXTURE = new H2Fixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
