package org.crm4j.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.crm4j.activity.ActivityType;
import org.crm4j.activity.ServiceStandard;
import org.junit.jupiter.api.Test;

class ServiceStandardRowTest {

    @Test
    void everyStandardIsKeptAsKindScopeAndLimit_andReadBack() {
        List<ServiceStandard> standards = List.of(ServiceStandard.contactEvery("A", 30),
                ServiceStandard.contactEvery(null, 90), ServiceStandard.answerRequestsWithin("VIP", 1),
                ServiceStandard.answerRequestsWithin(null, 3), ServiceStandard.logWithin(ActivityType.CALL, 24));

        assertThat(standards).extracting(ServiceStandardRow::of).containsExactly(
                new ServiceStandardRow("CONTACT_EVERY", "A", 30), new ServiceStandardRow("CONTACT_EVERY", "", 90),
                new ServiceStandardRow("ANSWER_REQUESTS_WITHIN", "VIP", 1),
                new ServiceStandardRow("ANSWER_REQUESTS_WITHIN", "", 3),
                new ServiceStandardRow("LOG_WITHIN", "CALL", 24));
        assertThat(standards).allSatisfy(s -> assertThat(ServiceStandardRow.of(s).toStandard()).isEqualTo(s));
        assertThat(ServiceStandardRow.of(ServiceStandard.contactEvery(" A ", 30)).rating()).isEqualTo("A");
        assertThat(ServiceStandardRow.of(ServiceStandard.contactEvery(null, 30)).rating()).isNull();
    }
}
