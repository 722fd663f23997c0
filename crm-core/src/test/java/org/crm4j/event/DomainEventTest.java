package org.crm4j.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DomainEventTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private static DomainEvent event(String type, String aggregateType, long aggregateId, Map<String, String> data) {
        return new DomainEvent(UUID.randomUUID(), type, aggregateType, aggregateId, 7L, "sam", NOW, data);
    }

    @Test
    void opportunityId_ofADealsOwnEventIsTheAggregate() {
        assertThat(event(EventTypes.OPPORTUNITY_WON, "opportunity", 42, Map.of("stage", "WON")).opportunityId())
                .isEqualTo(OptionalLong.of(42));
        assertThat(event(EventTypes.OPPORTUNITY_STALLED, "opportunity", 43, Map.of("owner", "pia")).opportunityId())
                .isEqualTo(OptionalLong.of(43));
    }

    @Test
    void opportunityId_ofADealsOwnEventIsTheAggregateWhateverTheData() {
        assertThat(event(EventTypes.OPPORTUNITY_UPDATED, "opportunity", 42, Map.of("opportunity", "99"))
                .opportunityId()).isEqualTo(OptionalLong.of(42));
    }

    @Test
    void opportunityId_ofOffersAndOrdersIsTheirDataEntry() {
        assertThat(event(EventTypes.OFFER_SENT, "offer", 500, Map.of("opportunity", "42", "number", "1"))
                .opportunityId()).isEqualTo(OptionalLong.of(42));
        assertThat(event(EventTypes.ORDER_PLACED, "order", 900, Map.of("offer", "500", "opportunity", "42"))
                .opportunityId()).isEqualTo(OptionalLong.of(42));
    }

    @Test
    void opportunityId_isEmptyForEventsAboutNoDeal() {
        assertThat(event(EventTypes.CUSTOMER_CREATED, "customer", 7, Map.of("name", "ACME")).opportunityId()).isEmpty();
        assertThat(event(EventTypes.NOTE_ADDED, "note", 8, Map.of("note", "hello")).opportunityId()).isEmpty();
        assertThat(event(EventTypes.ORDER_PLACED, "order", 900, Map.of("offer", "500")).opportunityId()).isEmpty();
    }

    @Test
    void opportunityId_isEmptyWhenTheDataEntryIsNoNumber() {
        assertThat(event("plugin.thing", "thing", 1, Map.of("opportunity", "big one")).opportunityId()).isEmpty();
    }

    @Test
    void leadId_ofALeadsOwnEventIsTheAggregateAndOtherwiseEmpty() {
        assertThat(event(EventTypes.LEAD_OPENED, "lead", 12, Map.of()).leadId()).hasValue(12);
        assertThat(event(EventTypes.LEAD_OPENED, "lead", 12, Map.of()).opportunityId()).isEmpty();
        assertThat(event(EventTypes.OPPORTUNITY_OPENED, "opportunity", 5, Map.of("lead", "12")).leadId()).isEmpty();
    }
}
