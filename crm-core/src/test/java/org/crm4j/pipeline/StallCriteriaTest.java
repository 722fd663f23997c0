package org.crm4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StallCriteriaTest {

    @Test
    void idleFor_countsPastExpectedCloseInEveryPipelineAHundredAPage() {
        StallCriteria criteria = StallCriteria.idleFor(14).build();

        assertThat(criteria).isEqualTo(new StallCriteria(14, true, null, 100, null));
    }

    @Test
    void page_keepsTheCriteriaAndSetsTheToken() {
        StallCriteria criteria = StallCriteria.idleFor(7).pastExpectedClose(false).pipeline(PipelineId.of(3))
                .limit(20).build();

        assertThat(criteria.page("abc")).isEqualTo(new StallCriteria(7, false, PipelineId.of(3), 20, "abc"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 3651, Integer.MIN_VALUE})
    void rejectsIdleDaysOutOfRange(int days) {
        assertThatThrownBy(() -> StallCriteria.idleFor(days).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("idleDays", "Range")));
    }

    @Test
    void listsEveryViolationAtOnce() {
        assertThatThrownBy(() -> new StallCriteria(0, true, null, 501, " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("idleDays", "limit", "pageToken"));
    }

    @Test
    void acceptsTheBounds() {
        assertThat(StallCriteria.idleFor(1).limit(1).build().idleDays()).isEqualTo(1);
        assertThat(StallCriteria.idleFor(3650).limit(500).build().limit()).isEqualTo(500);
    }
}
