package org.crm4j.internal.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.notify.DueNotice;
import org.crm4j.notify.NoticeKinds;
import org.crm4j.plugin.EventNoticeRule;
import org.junit.jupiter.api.Test;

class BuiltInNoticesTest {
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    private static List<DueNotice> noticesOf(DomainEvent event) {
        return BuiltInNotices.eventRules().stream().filter(r -> r.eventType().equals(event.type()))
                .flatMap(r -> r.notices(event).stream()).toList();
    }

    @Test
    void stalledDeal_isANoticeToItsOwner_keyedByTheDealAndTheAnnouncement() {
        DomainEvent stalled = new DomainEvent(UUID.randomUUID(), EventTypes.OPPORTUNITY_STALLED, "opportunity", 42,
                7L, "crm4j", AT, Map.of("owner", "sam", "title", "CNC line", "stage", "DEMO", "reasons", "IDLE",
                        "idleDays", "15", "lastActivityAt", "2026-02-15T09:00:00Z", "expectedClose", "2026-06-30"));

        assertThat(noticesOf(stalled)).singleElement().satisfies(n -> {
            assertThat(n.recipientId()).isEqualTo("sam");
            assertThat(n.kind()).isEqualTo(NoticeKinds.OPPORTUNITY_STALLED);
            assertThat(n.key()).isEqualTo("stalled:42:" + AT);
            assertThat(n.customerId()).isEqualTo(7L);
            assertThat(n.values()).containsEntry("opportunity", "42").containsEntry("title", "CNC line")
                    .containsEntry("idleDays", "15").containsEntry("customer", "7");
        });
    }

    @Test
    void overdueRequest_isANoticeToTheEscalationsRecipient_oncePerRequestAndLevel() {
        DomainEvent overdue = new DomainEvent(UUID.randomUUID(), "request.overdue", "request", 9, null, "crm4j", AT,
                Map.of("request", "9", "level", "1", "recipient", "mia", "due", "2026-03-01T12:00:00Z"));

        assertThat(noticesOf(overdue)).singleElement().satisfies(n -> {
            assertThat(n.recipientId()).isEqualTo("mia");
            assertThat(n.kind()).isEqualTo(NoticeKinds.REQUEST_OVERDUE);
            assertThat(n.key()).isEqualTo("request-overdue:9:1");
            assertThat(n.values()).containsEntry("due", "2026-03-01T12:00:00Z").containsEntry("customer", "");
        });
    }

    @Test
    void eventsWithoutARecipient_makeNoNotice() {
        assertThat(noticesOf(new DomainEvent(UUID.randomUUID(), "request.overdue", "request", 9, null, "crm4j", AT,
                Map.of("request", "9", "level", "1")))).isEmpty();
    }

    @Test
    void everyBuiltInKind_declaresItsValues() {
        assertThat(BuiltInNotices.eventRules()).extracting(EventNoticeRule::kind)
                .containsExactly(NoticeKinds.OPPORTUNITY_STALLED, NoticeKinds.REQUEST_OVERDUE);
        assertThat(BuiltInNotices.rules(90, new org.crm4j.internal.sales.RenewalNotices(30, Map.of()))).extracting(r -> r.kind())
                .containsExactly(NoticeKinds.REMINDER, NoticeKinds.COMPETITOR_CONTRACT, NoticeKinds.SERVICE_RENEWAL);
    }
}
