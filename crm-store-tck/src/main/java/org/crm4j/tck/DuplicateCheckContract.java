package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.access.Actor;
import org.crm4j.common.Address;
import org.crm4j.common.Money;
import org.crm4j.customer.ContactChannel;
import org.crm4j.customer.Customer;
import org.crm4j.customer.NewContact;
import org.crm4j.customer.NewCustomer;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.lead.Conversion;
import org.crm4j.lead.DuplicateMatch;
import org.crm4j.lead.Lead;
import org.crm4j.lead.LeadStatus;
import org.crm4j.lead.Leads;
import org.crm4j.lead.MatchKind;
import org.crm4j.lead.MatchReason;
import org.crm4j.lead.NewLead;
import org.crm4j.lead.Prospect;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The duplicate check of inbound leads (R17): matches with existing customers and open leads by
 * tax id, e-mail, phone and name key, their scores, what a match reveals (R28), and the matches
 * an opened lead keeps.
 */
public abstract class DuplicateCheckContract extends ContractBase {

    private Leads leads(Actor actor) {
        return as(actor).leads();
    }

    private Customer customer(Actor owner, NewCustomer customer) {
        return customersOf(owner).create(customer);
    }

    private void contact(Actor owner, Customer customer, ContactChannel... channels) {
        NewContact contact = NewContact.named("Eva Berg").primary();
        for (ContactChannel channel : channels) {
            contact.channel(channel);
        }
        customersOf(owner).addContact(customer.id(), contact);
    }

    private Lead inbound(Actor actor, Prospect prospect) {
        return leads(actor).open(NewLead.inbound(prospect).source("web form"));
    }

    private static DuplicateMatch only(List<DuplicateMatch> matches) {
        assertThat(matches).hasSize(1);
        return matches.get(0);
    }

    private List<DomainEvent> opened() {
        crm.deliverEvents();
        return delivered.stream().filter(e -> e.type().equals(EventTypes.LEAD_OPENED)).toList();
    }

    // ---- customers

    @Test
    void possibleDuplicates_findCustomerByTaxIdWrittenDifferently_withItsBasicFields() {
        Customer initrode = customer(OTTO, NewCustomer.company("Initrode").taxId("DE123456789")
                .address(Address.of("Hamburg", "DE")));

        DuplicateMatch m = only(leads(SAM).possibleDuplicates(Prospect.company("Totally Different")
                .withTaxId("de 123 456 789")));

        assertThat(m.kind()).isEqualTo(MatchKind.CUSTOMER);
        assertThat(m.id()).isEqualTo(initrode.id().value());
        assertThat(m.reasons()).containsExactly(MatchReason.TAX_ID);
        assertThat(m.score()).isEqualTo(100);
        // a customer's basic fields are every actor's to see, also of otto's customer to sam
        assertThat(m.name()).isEqualTo("Initrode");
        assertThat(m.taxId()).isEqualTo("DE123456789");
        assertThat(m.city()).isEqualTo("Hamburg");
        assertThat(m.ownerId()).isEqualTo("otto");
    }

    @Test
    void possibleDuplicates_findCustomerByItsContactsEmailInAnotherCase() {
        Customer acme = customer(SAM, NewCustomer.company("ACME"));
        contact(SAM, acme, ContactChannel.email("Eva.Berg@Acme.example"));

        DuplicateMatch m = only(leads(SAM).possibleDuplicates(Prospect.byEmail("eva.berg@ACME.EXAMPLE")));

        assertThat(m.id()).isEqualTo(acme.id().value());
        assertThat(m.reasons()).containsExactly(MatchReason.EMAIL);
        assertThat(m.score()).isEqualTo(90);
    }

    @Test
    void possibleDuplicates_findCustomerByItsContactsPhoneWrittenDifferently() {
        Customer acme = customer(SAM, NewCustomer.company("ACME"));
        contact(SAM, acme, ContactChannel.phone("+49 30 1234567"));

        DuplicateMatch m = only(leads(SAM).possibleDuplicates(Prospect.person("Eve").withPhone("0049 (30) 123-45-67")));

        assertThat(m.id()).isEqualTo(acme.id().value());
        assertThat(m.reasons()).containsExactly(MatchReason.PHONE);
        assertThat(m.score()).isEqualTo(80);
    }

    @Test
    void possibleDuplicates_findCustomerByNameWithAnotherLegalFormAndDiacritics_butNotATransliteration() {
        Customer mueller = customer(PIA, NewCustomer.company("Müller GmbH"));

        DuplicateMatch m = only(leads(SAM).possibleDuplicates(Prospect.company("MULLER AG")));
        assertThat(m.id()).isEqualTo(mueller.id().value());
        assertThat(m.reasons()).containsExactly(MatchReason.NAME);
        assertThat(m.score()).isEqualTo(60);
        assertThat(only(leads(SAM).possibleDuplicates(Prospect.company("Muller GmbH & Co. KG"))).id())
                .isEqualTo(mueller.id().value());

        assertThat(leads(SAM).possibleDuplicates(Prospect.company("Mueller AG"))).isEmpty();
        assertThat(leads(SAM).possibleDuplicates(Prospect.company("Müller Bau GmbH"))).isEmpty();
    }

    @Test
    void possibleDuplicates_severalReasonsOnOneCustomer_scoreTheStrongestPlusABonusEach() {
        Customer acme = customer(SAM, NewCustomer.company("ACME Ltd"));
        contact(SAM, acme, ContactChannel.email("eva@acme.example"), ContactChannel.phone("+4930111222"));

        DuplicateMatch two = only(leads(SAM).possibleDuplicates(Prospect.company("Acme Inc.")
                .withPhone("+49 30 111 222")));
        DuplicateMatch three = only(leads(SAM).possibleDuplicates(Prospect.company("Acme")
                .withPhone("+4930111222").withEmail("EVA@acme.example")));

        assertThat(two.reasons()).containsExactlyInAnyOrder(MatchReason.NAME, MatchReason.PHONE);
        assertThat(two.score()).isEqualTo(85);
        assertThat(three.reasons()).containsExactlyInAnyOrder(MatchReason.NAME, MatchReason.PHONE, MatchReason.EMAIL);
        assertThat(three.score()).isEqualTo(100);
    }

    @Test
    void possibleDuplicates_personNameAlone_isBelowTheThreshold_butCountsWithAnotherReason() {
        customer(SAM, NewCustomer.person("Anna Schmidt"));
        inbound(SAM, Prospect.person("Anna  SCHMIDT").withPhone("+4940555666"));

        assertThat(leads(SAM).possibleDuplicates(Prospect.person("Anna Schmidt"))).isEmpty();
        DuplicateMatch m = only(leads(SAM).possibleDuplicates(Prospect.person("Anna Schmidt")
                .withPhone("+49 40 555 666")));
        assertThat(m.kind()).isEqualTo(MatchKind.LEAD);
        assertThat(m.reasons()).containsExactlyInAnyOrder(MatchReason.PERSON_NAME, MatchReason.PHONE);
        assertThat(m.score()).isEqualTo(85);
    }

    @Test
    void possibleDuplicates_findArchivedCustomersToo() {
        Customer old = customer(SAM, NewCustomer.company("Vandelay Industries"));
        customersOf(SAM).save(customersOf(SAM).get(old.id()).archive());

        assertThat(only(leads(PIA).possibleDuplicates(Prospect.company("Vandelay Industries, Inc."))).id())
                .isEqualTo(old.id().value());
    }

    @Test
    void possibleDuplicates_nothingShared_findsNothing() {
        Customer acme = customer(SAM, NewCustomer.company("ACME").taxId("DE111"));
        contact(SAM, acme, ContactChannel.email("eva@acme.example"), ContactChannel.phone("+4930111222"));
        inbound(SAM, Prospect.company("Initech").withEmail("bill@initech.example"));

        assertThat(leads(ADA).possibleDuplicates(Prospect.company("Acme Bau").withTaxId("DE112")
                .withEmail("eva@acme.example.org").withPhone("+4930111223"))).isEmpty();
    }

    // ---- leads

    @Test
    void possibleDuplicates_findOpenLeadByEachKey_withItsProspect() {
        Lead initech = inbound(SAM, Prospect.company("Initech GmbH").withEmail("Bill@Initech.example")
                .withPhone("+49 30 7654321").withTaxId("DE 999").withPlace("Berlin", "DE"));

        DuplicateMatch m = only(leads(SAM).possibleDuplicates(Prospect.company("INITECH AG")
                .withEmail("bill@initech.EXAMPLE").withPhone("0049 30 765 43 21").withTaxId("de999")));

        assertThat(m.kind()).isEqualTo(MatchKind.LEAD);
        assertThat(m.id()).isEqualTo(initech.id().value());
        assertThat(m.reasons()).containsExactlyInAnyOrder(MatchReason.TAX_ID, MatchReason.EMAIL, MatchReason.PHONE,
                MatchReason.NAME);
        assertThat(m.score()).isEqualTo(100);
        assertThat(m.detailed()).isTrue();
        assertThat(m.name()).isEqualTo("Initech GmbH");
        assertThat(m.taxId()).isEqualTo("DE999");
        assertThat(m.city()).isEqualTo("Berlin");
        assertThat(m.ownerId()).isEqualTo("sam");
        // a contacted lead is still open
        leads(SAM).recordContact(initech.id(), "Left a message");
        assertThat(leads(SAM).possibleDuplicates(Prospect.byEmail("bill@initech.example"))).hasSize(1);
    }

    @Test
    void possibleDuplicates_leaveOutDisqualifiedAndConvertedLeads_theConvertedOnesCustomerMatches() {
        Pipeline pipeline = as(ADA).pipelines().define(NewPipeline.named("New business", "EUR")
                .stage(Stage.open("QUALIFY", "Qualify", 10)).stage(Stage.won("WON", "Won"))
                .stage(Stage.lost("LOST", "Lost")).wonReasons("PRICE").lostReasons("PRICE"));
        Lead dropped = inbound(SAM, Prospect.company("Dropped Oy").withEmail("x@dropped.example"));
        leads(SAM).save(leads(SAM).get(dropped.id()).disqualify("a student project"));
        Lead won = inbound(SAM, Prospect.company("Won AB").withEmail("y@won.example"));
        leads(SAM).recordContact(won.id(), "Wants a demo");
        leads(SAM).save(leads(SAM).get(won.id()).qualify());
        Lead converted = leads(SAM).convert(won.id(), Conversion.into(pipeline.id(), "CRM for Won")
                .amount(Money.of("1000.00", "EUR")).expectedClose(LocalDate.of(2026, 6, 30)));
        assertThat(converted.status()).isEqualTo(LeadStatus.CONVERTED);

        assertThat(leads(SAM).possibleDuplicates(Prospect.company("Dropped").withEmail("x@dropped.example")))
                .isEmpty();
        // the converted lead is gone from the matches; the customer made of it matches by name
        // (its prospect named no person, so the customer has no contact with the e-mail)
        DuplicateMatch m = only(leads(SAM).possibleDuplicates(Prospect.company("Won").withEmail("y@won.example")));
        assertThat(m.kind()).isEqualTo(MatchKind.CUSTOMER);
        assertThat(m.id()).isEqualTo(converted.customerId().orElseThrow().value());
        assertThat(m.reasons()).containsExactly(MatchReason.NAME);
    }

    // ---- need-to-know

    @Test
    void possibleDuplicates_aLeadTheActorMayNotSee_matchesNotByItsEMail_andShowsOnlyItsIdScoreAndReasons() {
        Lead ottos = inbound(OTTO, Prospect.company("Secret Project SE").withEmail("ceo@secret.example")
                .withPlace("Munich", "DE"));
        Prospect same = Prospect.company("Secret Project").withEmail("ceo@secret.example");

        // the e-mail address is the lead's detail (R28): sam matches otto's lead by its name only
        DuplicateMatch hidden = only(leads(SAM).possibleDuplicates(same));
        assertThat(hidden.kind()).isEqualTo(MatchKind.LEAD);
        assertThat(hidden.id()).isEqualTo(ottos.id().value());
        assertThat(hidden.reasons()).containsExactly(MatchReason.NAME);
        assertThat(hidden.score()).isEqualTo(60);
        assertThat(leads(SAM).possibleDuplicates(Prospect.byEmail("ceo@secret.example"))).isEmpty();
        assertThat(only(leads(OTTO).possibleDuplicates(Prospect.byEmail("ceo@secret.example"))).id())
                .isEqualTo(ottos.id().value());
        assertThat(only(leads(OTTO).possibleDuplicates(same)).score()).isEqualTo(95);
        assertThat(hidden.detailed()).isFalse();
        assertThat(hidden.name()).isNull();
        assertThat(hidden.taxId()).isNull();
        assertThat(hidden.city()).isNull();
        assertThat(hidden.ownerId()).isNull();

        assertThat(only(leads(OTTO).possibleDuplicates(same)).city()).isEqualTo("Munich");
        assertThat(only(leads(ADA).possibleDuplicates(same)).ownerId()).isEqualTo("otto");
    }

    @Test
    void possibleDuplicates_aSuperiorSeesTheDetailsOfTheirTeamsLeads_aPeerDoesNot() {
        inbound(SAM, Prospect.company("Globex").withPlace("Springfield", "US"));

        assertThat(only(leads(MIA).possibleDuplicates(Prospect.company("Globex Corporation"))).city())
                .isEqualTo("Springfield");
        assertThat(only(leads(CARL).possibleDuplicates(Prospect.company("Globex"))).ownerId()).isEqualTo("sam");
        assertThat(only(leads(PIA).possibleDuplicates(Prospect.company("Globex"))).detailed()).isFalse();
    }

    @Test
    void possibleDuplicates_compareContactsOfVisibleCustomersOnly_butNamesAndTaxIdsOfAll() {
        Customer ottos = customer(OTTO, NewCustomer.company("Hooli").taxId("US42"));
        contact(OTTO, ottos, ContactChannel.email("gavin@hooli.example"), ContactChannel.phone("+14155550100"));
        Prospect byChannels = Prospect.byEmail("gavin@hooli.example").withPhone("+1 415 555 0100");

        assertThat(leads(SAM).possibleDuplicates(byChannels)).isEmpty();
        assertThat(only(leads(OTTO).possibleDuplicates(byChannels)).reasons())
                .containsExactlyInAnyOrder(MatchReason.EMAIL, MatchReason.PHONE);
        assertThat(only(leads(ADA).possibleDuplicates(byChannels)).score()).isEqualTo(95);
        assertThat(only(leads(SAM).possibleDuplicates(byChannels.withTaxId("US 42"))).reasons())
                .containsExactly(MatchReason.TAX_ID);
    }

    // ---- opening keeps the matches

    @Test
    void open_flagsTheLeadWithItsMatches_anInvisibleLeadByNameNotEMail_keepsThem_andTheEventCarriesTheBestScore() {
        Lead earlier = inbound(PIA, Prospect.company("Initrode GmbH").withEmail("info@initrode.example"));
        Customer initrode = customer(OTTO, NewCustomer.company("Initrode").taxId("DE123456789"));

        Lead lead = inbound(SAM, Prospect.company("Initrode AG").withTaxId("DE 123 456 789")
                .withEmail("info@initrode.example"));

        assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
        List<DuplicateMatch> expected = List.of(
                new DuplicateMatch(MatchKind.CUSTOMER, initrode.id().value(), 100,
                        Set.of(MatchReason.TAX_ID, MatchReason.NAME), null, null, null, null),
                // pia's lead, which sam may not see: by its name, not its e-mail address (R28)
                new DuplicateMatch(MatchKind.LEAD, earlier.id().value(), 60,
                        Set.of(MatchReason.NAME), null, null, null, null));
        assertThat(lead.possibleDuplicates()).isEqualTo(expected);
        assertThat(leads(SAM).get(lead.id()).possibleDuplicates()).isEqualTo(expected);
        assertThat(leads(MIA).get(lead.id()).possibleDuplicates()).isEqualTo(expected);
        assertThat(opened()).filteredOn(e -> e.aggregateId() == lead.id().value()).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("duplicateScore", "100")
                        .containsEntry("duplicates", "2"));
        assertThat(opened()).filteredOn(e -> e.aggregateId() == earlier.id().value()).singleElement()
                .satisfies(e -> assertThat(e.data()).doesNotContainKeys("duplicateScore", "duplicates"));
        assertThat(earlier.possibleDuplicates()).isEmpty();
    }

    @Test
    void open_keepsTheMatchesThroughLaterChanges() {
        customer(SAM, NewCustomer.company("Initrode").taxId("DE1"));
        Lead lead = inbound(SAM, Prospect.company("Someone").withTaxId("DE1"));

        leads(SAM).recordContact(lead.id(), "Called");
        Lead handed = leads(MIA).save(leads(MIA).get(lead.id()).assignTo("pia"));

        assertThat(handed.possibleDuplicates()).extracting(DuplicateMatch::score).containsExactly(100);
        assertThat(leads(PIA).get(lead.id()).possibleDuplicates()).hasSize(1);
    }

    @Test
    void open_onACustomer_runsNoCheck() {
        Customer acme = customer(SAM, NewCustomer.company("ACME"));
        customer(SAM, NewCustomer.company("ACME GmbH"));

        assertThat(leads(SAM).open(NewLead.onCustomer(acme.id())).possibleDuplicates()).isEmpty();
    }

    // ---- order, limit, cost

    @Test
    void possibleDuplicates_bestFirst_atMostTen() {
        for (int i = 0; i < 12; i++) {
            customer(SAM, NewCustomer.company(i % 2 == 0 ? "Umbrella GmbH" : "Umbrella AG"));
        }
        Lead withTax = inbound(PIA, Prospect.company("Umbrella Ltd").withTaxId("GB77"));

        List<DuplicateMatch> found = leads(ADA).possibleDuplicates(Prospect.company("Umbrella").withTaxId("GB 77"));

        assertThat(found).hasSize(10);
        assertThat(found.get(0).id()).isEqualTo(withTax.id().value());
        assertThat(found.get(0).score()).isEqualTo(100);
        assertThat(found.subList(1, 10)).allSatisfy(m -> {
            assertThat(m.kind()).isEqualTo(MatchKind.CUSTOMER);
            assertThat(m.score()).isEqualTo(60);
        });
        assertThat(found.subList(1, 10)).extracting(DuplicateMatch::id).isSorted();
    }

    @Test
    void possibleDuplicates_takeTwoStatements_howeverManyRecordsMatch() {
        CountingDataSource counter = fixture().counter();
        Assumptions.assumeTrue(counter != null, "the store speaks no SQL");
        for (int i = 0; i < 15; i++) {
            Customer c = customer(SAM, NewCustomer.company("Stark Industries"));
            contact(SAM, c, ContactChannel.email("tony" + i + "@stark.example"), ContactChannel.phone("+1212555010" + (i % 10)));
            inbound(PIA, Prospect.company("Stark Industries Inc").withEmail("tony" + i + "@stark.example"));
        }

        counter.reset();
        List<DuplicateMatch> found = leads(MIA).possibleDuplicates(Prospect.company("Stark Industries")
                .withEmail("tony3@stark.example").withPhone("+12125550103").withTaxId("US1"));

        assertThat(counter.statements()).isEqualTo(2);
        assertThat(found).hasSize(10);
        assertThat(found.get(0).kind()).isEqualTo(MatchKind.CUSTOMER);
        assertThat(found.get(0).reasons()).containsExactlyInAnyOrder(MatchReason.NAME, MatchReason.EMAIL,
                MatchReason.PHONE);
    }

    // ---- bad input

    @Test
    void possibleDuplicates_refuseANullProspect() {
        assertThatThrownBy(() -> leads(SAM).possibleDuplicates(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("prospect");
    }

    @Test
    void possibleDuplicates_aNameOfPunctuationOnly_findsNothing() {
        customer(SAM, NewCustomer.company("--"));

        assertThat(leads(SAM).possibleDuplicates(Prospect.company("- -"))).isEmpty();
    }
}
