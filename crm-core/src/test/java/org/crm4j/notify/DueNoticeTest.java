package org.crm4j.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.crm4j.ValidationException;
import org.junit.jupiter.api.Test;

class DueNoticeTest {
    @Test
    void everyMissingField_isReportedAtOnce() {
        assertThatThrownBy(() -> new DueNotice(" ", null, "", null, Map.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field)
                        .containsExactlyInAnyOrder("key", "kind", "recipientId"));
    }

    @Test
    void aKeyLongerThan200_isRefused() {
        assertThatThrownBy(() -> new DueNotice("k".repeat(201), "kind", "sam", null, Map.of()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).rule()).isEqualTo("Size"));
    }

    @Test
    void values_areCopied() {
        var values = new java.util.HashMap<String, String>(Map.of("a", "1"));
        DueNotice notice = new DueNotice("k", "kind", "sam", 3L, values);
        values.put("b", "2");
        assertThat(notice.values()).containsOnlyKeys("a");
    }
}
