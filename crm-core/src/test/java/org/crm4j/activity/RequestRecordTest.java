package org.crm4j.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.junit.jupiter.api.Test;
import org.crm4j.activity.store.RequestRecord;

class RequestRecordTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant DUE = Instant.parse("2026-03-04T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-06T09:00:00Z");

    private static RequestRecord open() {
        return new RequestRecord(7, 0, RequestKind.QUESTION, RequestStatus.OPEN, null, "MAIL", "<1@x>", null, DUE,
                LATER, 0, null, null, null, null, null, NOW);
    }

    @Test
    void answeredThenClosedThenReopened_keepsItsRules() {
        RequestRecord answered = open().answered("sam", "yes", NOW);
        RequestRecord closed = answered.closed("mia", LATER);
        RequestRecord reopened = closed.escalatedTo(2).reopened(LATER.plusSeconds(60), LATER.plusSeconds(120), LATER);

        assertThat(answered.status()).isEqualTo(RequestStatus.ANSWERED);
        assertThat(closed.answer()).isEqualTo("yes");
        assertThat(closed.closedBy()).isEqualTo("mia");
        assertThat(reopened.status()).isEqualTo(RequestStatus.OPEN);
        assertThat(reopened.answer()).isNull();
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.escalationLevel()).isZero();
        assertThat(reopened.received()).isTrue();
    }

    @Test
    void refusesInconsistentState_listingEveryRule() {
        assertThatThrownBy(() -> new RequestRecord(7, 0, null, RequestStatus.ANSWERED, "x".repeat(4001), "MAIL", null,
                null, LATER, DUE, 3, null, null, null, "sam", NOW, NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactlyInAnyOrder("kind", "text", "source",
                                "escalateAt", "escalationLevel", "answer", "closedAt"));
        assertThatThrownBy(() -> new RequestRecord(7, 0, RequestKind.QUESTION, RequestStatus.OPEN, null, null, null,
                null, DUE, LATER, 0, "sam", null, null, null, null, NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("answer")).isTrue());
    }
}
