package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crm4j.AccessDeniedException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.access.Actor;
import org.crm4j.customer.Consent;
import org.crm4j.customer.ConsentStatus;
import org.crm4j.customer.Consents;
import org.crm4j.customer.ContactConsents;
import org.crm4j.customer.ContactId;
import org.crm4j.customer.ContactPerson;
import org.crm4j.customer.Customer;
import org.crm4j.customer.NewContact;
import org.crm4j.customer.Purpose;
import org.crm4j.customer.Unsubscription;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Consents per contact and purpose: grant, withdraw, unsubscribe (which beats every grant) and
 * resubscribe, read back from the store, with bad input refused whole, need-to-know on the
 * contact's customer and an event for every change.
 */
public abstract class ConsentContract extends ContractBase {
    private Customer acme;
    private ContactPerson wile;

    @BeforeEach
    void contact() {
        acme = companyOf(SAM, "ACME");
        wile = customersOf(SAM).addContact(acme.id(), NewContact.named("Wile E. Coyote"));
    }

    private Consents consents(Actor actor) {
        return as(actor).consents();
    }

    private List<DomainEvent> deliveredOf(String type) {
        crm.deliverEvents();
        return delivered.stream().filter(e -> e.type().equals(type)).toList();
    }

    @Test
    void grant_keepsWhenAndWhereFrom_perPurpose() {
        Instant signedUp = clock.instant().minus(Duration.ofDays(3));
        consents(SAM).grant(wile.id(), Purpose.MARKETING, signedUp, " web form ");
        consents(SAM).grant(wile.id(), Purpose.of("Service"), null, "contract clause 7");

        ContactConsents read = consents(SAM).of(wile.id());
        assertThat(read.consents()).extracting(c -> c.purpose().code(), Consent::status, Consent::at, Consent::source,
                Consent::recordedBy).containsExactly(
                        tuple("marketing", ConsentStatus.GRANTED, signedUp, "web form", "sam"),
                        tuple("service", ConsentStatus.GRANTED, clock.instant(), "contract clause 7", "sam"));
        assertThat(read.allows(Purpose.MARKETING)).isTrue();
        assertThat(read.allows(Purpose.NEWSLETTER)).isFalse();
        assertThat(read.unsubscribed()).isFalse();
        assertThat(deliveredOf(EventTypes.CONSENT_GRANTED)).hasSize(2).first().satisfies(e -> {
            assertThat(e.aggregateType()).isEqualTo("contact");
            assertThat(e.aggregateId()).isEqualTo(wile.id().value());
            assertThat(e.customerId()).isEqualTo(acme.id().value());
            assertThat(e.data()).containsEntry("purpose", "marketing").containsEntry("source", "web form");
        });
    }

    @Test
    void withdraw_replacesTheGrant_andGrantingAgainRestoresIt() {
        consents(SAM).grant(wile.id(), Purpose.NEWSLETTER, null, "web form");
        clock.advance(Duration.ofDays(1));
        Consent withdrawn = consents(SAM).withdraw(wile.id(), Purpose.NEWSLETTER, "reply to newsletter");

        assertThat(withdrawn.status()).isEqualTo(ConsentStatus.WITHDRAWN);
        assertThat(consents(SAM).of(wile.id()).consent(Purpose.NEWSLETTER)).get()
                .extracting(Consent::status, Consent::at).containsExactly(ConsentStatus.WITHDRAWN, clock.instant());
        assertThat(consents(SAM).of(wile.id()).allows(Purpose.NEWSLETTER)).isFalse();
        Instant beforeTheWithdrawal = clock.instant().minus(Duration.ofHours(2));
        assertThatThrownBy(() -> consents(SAM).grant(wile.id(), Purpose.NEWSLETTER, beforeTheWithdrawal, "old paper form"))
                .as("a consent recorded late, given before the withdrawal, does not undo it")
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("at", "AfterWithdrawal")));
        assertThat(consents(SAM).of(wile.id()).allows(Purpose.NEWSLETTER)).isFalse();

        consents(SAM).grant(wile.id(), Purpose.NEWSLETTER, null, "fair");
        assertThat(consents(SAM).of(wile.id()).allows(Purpose.NEWSLETTER)).isTrue();
        assertThat(consents(SAM).of(wile.id()).consents()).hasSize(1);
        assertThat(deliveredOf(EventTypes.CONSENT_WITHDRAWN)).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("purpose", "newsletter"));
    }

    @Test
    void unsubscribe_beatsEveryGrant_untilResubscribed() {
        consents(SAM).grant(wile.id(), Purpose.MARKETING, null, "web form");
        Unsubscription first = consents(SAM).unsubscribe(wile.id(), "unsubscribe link");
        clock.advance(Duration.ofHours(1));
        Unsubscription again = consents(SAM).unsubscribe(wile.id(), "phone call");
        consents(SAM).grant(wile.id(), Purpose.SERVICE, null, "phone call");

        assertThat(again).isEqualTo(first);
        ContactConsents read = consents(SAM).of(wile.id());
        assertThat(read.unsubscription()).isEqualTo(first);
        assertThat(read.allows(Purpose.MARKETING)).isFalse();
        assertThat(read.allows(Purpose.SERVICE)).isFalse();
        assertThat(deliveredOf(EventTypes.CONTACT_UNSUBSCRIBED)).hasSize(1);

        ContactConsents back = consents(SAM).resubscribe(wile.id(), "asked at the fair");
        assertThat(back.unsubscribed()).isFalse();
        assertThat(back.allows(Purpose.MARKETING)).isTrue();
        assertThat(consents(SAM).of(wile.id()).unsubscribed()).isFalse();
        assertThat(deliveredOf(EventTypes.CONTACT_RESUBSCRIBED)).hasSize(1);
    }

    @Test
    void badInput_isRefusedWhole_andWritesNothing() {
        assertThatThrownBy(() -> consents(SAM).grant(wile.id(), null, clock.instant().plusSeconds(60), " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactlyInAnyOrder(
                                tuple("purpose", "NotNull"), tuple("source", "NotBlank"), tuple("at", "PastOrPresent")));
        assertThatThrownBy(() -> consents(SAM).withdraw(wile.id(), Purpose.MARKETING, "x".repeat(201)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("source", "Size")));
        assertThatThrownBy(() -> Purpose.of("1 marketing!")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("purpose", "Format")));
        assertThatThrownBy(() -> consents(SAM).grant(ContactId.of(999_999), Purpose.MARKETING, null, "web form"))
                .isInstanceOf(NotFoundException.class);
        assertThat(consents(SAM).of(wile.id()).consents()).isEmpty();
        assertThat(deliveredOf(EventTypes.CONSENT_GRANTED)).isEmpty();
    }

    @Test
    void needToKnow_isTheCustomers() {
        consents(SAM).grant(wile.id(), Purpose.MARKETING, null, "web form");

        assertThatThrownBy(() -> consents(PIA).of(wile.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> consents(PIA).grant(wile.id(), Purpose.SERVICE, null, "web form"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> consents(OTTO).unsubscribe(wile.id(), "web form"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(consents(MIA).of(wile.id()).allows(Purpose.MARKETING)).isTrue();
        consents(ADA).withdraw(wile.id(), Purpose.MARKETING, "letter");
        assertThat(consents(SAM).of(wile.id()).consent(Purpose.MARKETING)).get()
                .extracting(Consent::recordedBy).isEqualTo("ada");
        assertThat(consents(SAM).of(wile.id()).unsubscribed()).isFalse();
    }
}
