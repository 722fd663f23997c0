package org.crm4j.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.crm4j.ValidationException;
import org.junit.jupiter.api.Test;

class DuplicateMatchTest {

    @Test
    void scoreOf_oneReason_isItsWeight() {
        assertThat(DuplicateMatch.scoreOf(List.of(MatchReason.TAX_ID))).isEqualTo(100);
        assertThat(DuplicateMatch.scoreOf(List.of(MatchReason.EMAIL))).isEqualTo(90);
        assertThat(DuplicateMatch.scoreOf(List.of(MatchReason.PHONE))).isEqualTo(80);
        assertThat(DuplicateMatch.scoreOf(List.of(MatchReason.NAME))).isEqualTo(60);
        assertThat(DuplicateMatch.scoreOf(List.of(MatchReason.PERSON_NAME))).isLessThan(DuplicateMatch.MIN_SCORE);
    }

    @Test
    void scoreOf_moreReasons_addABonusEach_cappedAt100() {
        assertThat(DuplicateMatch.scoreOf(List.of(MatchReason.PHONE, MatchReason.NAME))).isEqualTo(85);
        assertThat(DuplicateMatch.scoreOf(List.of(MatchReason.EMAIL, MatchReason.PHONE, MatchReason.NAME)))
                .isEqualTo(100);
        assertThat(DuplicateMatch.scoreOf(List.of(MatchReason.TAX_ID, MatchReason.EMAIL))).isEqualTo(100);
        assertThat(DuplicateMatch.scoreOf(List.of(MatchReason.PHONE, MatchReason.PHONE))).isEqualTo(80);
    }

    @Test
    void newMatch_refusesNoReasonsAndScoresOutOfRange() {
        assertThatThrownBy(() -> new DuplicateMatch(MatchKind.LEAD, 1, 50, Set.of(), null, null, null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("reasons");
        assertThatThrownBy(() -> new DuplicateMatch(MatchKind.LEAD, 1, 101, Set.of(MatchReason.NAME), null, null,
                null, null)).isInstanceOf(ValidationException.class).hasMessageContaining("score");
        assertThatThrownBy(() -> DuplicateMatch.scoreOf(List.of())).isInstanceOf(ValidationException.class);
    }

    @Test
    void withoutDetails_keepsKindIdScoreAndReasonsOnly() {
        DuplicateMatch m = DuplicateMatch.of(MatchKind.CUSTOMER, 7, List.of(MatchReason.NAME), "Initech", "DE1",
                "Berlin", "sam");
        assertThat(m.detailed()).isTrue();
        assertThat(m.withoutDetails()).isEqualTo(new DuplicateMatch(MatchKind.CUSTOMER, 7, 60,
                Set.of(MatchReason.NAME), null, null, null, null));
        assertThat(m.withoutDetails().detailed()).isFalse();
    }
}
