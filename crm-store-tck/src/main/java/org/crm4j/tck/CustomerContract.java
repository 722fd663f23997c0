package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.crm4j.ConflictException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.common.Address;
import org.crm4j.common.ExternalRef;
import org.crm4j.customer.ChannelType;
import org.crm4j.customer.Classification;
import org.crm4j.customer.ContactChannel;
import org.crm4j.customer.ContactId;
import org.crm4j.customer.ContactPerson;
import org.crm4j.customer.store.ContactRecord;
import org.crm4j.customer.Criteria;
import org.crm4j.customer.Customer;
import org.crm4j.customer.CustomerCard;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.CustomerKind;
import org.crm4j.customer.CustomerQuery;
import org.crm4j.customer.store.CustomerRecord;
import org.crm4j.customer.CustomerStatus;
import org.crm4j.customer.Customers;
import org.crm4j.customer.NewContact;
import org.crm4j.customer.NewCustomer;
import org.crm4j.customer.Note;
import org.crm4j.customer.RoleCodes;
import org.crm4j.event.EventTypes;
import org.junit.jupiter.api.Test;

/** Customers, contacts and notes: what every store adapter must do alike. */
public abstract class CustomerContract extends ContractBase {

    private Customers sams() {
        return customersOf(SAM);
    }

    @Test
    void create_storesEveryFieldAndDefaultsOwnerToActor() {
        Customer acme = sams().create(NewCustomer.company(" ACME GmbH ").taxId("de 123.456-789").industry("Machinery")
                .tags("key-account", "export").classification(Classification.of("A", "reseller"))
                .address(new Address("Hauptstr. 1", "10115", "Berlin", null, "de"))
                .externalRef(ExternalRef.of("SAP", "0000104711")));

        Customer read = sams().get(acme.id());
        assertThat(read.name()).isEqualTo("ACME GmbH");
        assertThat(read.kind()).isEqualTo(CustomerKind.COMPANY);
        assertThat(read.taxId()).contains("DE123456789");
        assertThat(read.industry()).contains("Machinery");
        assertThat(read.tags()).containsExactlyInAnyOrder("key-account", "export");
        assertThat(read.classification()).isEqualTo(Classification.of("A", "reseller"));
        assertThat(read.address()).contains(new Address("Hauptstr. 1", "10115", "Berlin", null, "DE"));
        assertThat(read.externalRefs()).containsExactly(ExternalRef.of("SAP", "0000104711"));
        assertThat(read.ownerId()).isEqualTo("sam");
        assertThat(read.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(read.version()).isZero();
        assertThat(read.createdAt()).isEqualTo(clock.instant());
    }

    @Test
    void create_person() {
        Customer jane = sams().create(NewCustomer.person("Jane Roe"));
        assertThat(sams().get(jane.id()).kind()).isEqualTo(CustomerKind.PERSON);
    }

    @Test
    void create_rejectsEveryBrokenRuleAtOnceAndWritesNothing() {
        assertThatThrownBy(() -> sams().create(NewCustomer.company(" ").industry("x".repeat(101))
                .tags("ok", " ").owner("nobody")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(ValidationException.Violation::field)
                            .contains("name", "industry", "tags", "ownerId");
                    assertThat(e.getMessage()).contains("name").contains("industry");
                });
        assertThat(customersOf(ADA).search(CustomerQuery.builder().includeArchived().build()).items()).isEmpty();
        assertThat(crm.deliverEvents().delivered()).isZero();
    }

    @Test
    void aStoreFailure_reachesTheCallerInPlainWords_withACodeAndAnIncident_neverTheSqlNorTheValues() {
        org.assertj.core.api.Assumptions.assumeThat(fixture().counter()).as("the fault is injected into SQL")
                .isNotNull();
        fixture().counter().failWhen(sql -> sql.startsWith("insert into crm_customer"));

        assertThatThrownBy(() -> customersOf(SAM).create(NewCustomer.company("Secret Holding GmbH")))
                .isExactlyInstanceOf(org.crm4j.CrmException.class)
                .hasMessageContaining("CRM-JPA-020").hasMessageContaining("incident")
                .hasMessageContaining("the connection to the database failed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainIgnoringCase("insert")
                        .doesNotContain("crm_customer").doesNotContain("Secret"))
                .hasNoCause();

        fixture().counter().clearFaults();
        assertThat(customersOf(ADA).search(CustomerQuery.builder().includeArchived().build()).items()).as("nothing half-written")
                .isEmpty();
        assertThat(customersOf(SAM).create(NewCustomer.company("Secret Holding GmbH")).name())
                .isEqualTo("Secret Holding GmbH");
    }

    @Test
    void textWithANulOrALoneSurrogate_isRefusedNamingTheField_onEveryStore_andSoIsSuchASearch() {
        assertThatThrownBy(() -> customersOf(SAM).create(NewCustomer.company("ACME\u0000 GmbH")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field, ValidationException.Violation::rule).contains(tuple("name", "Text")));
        assertThatThrownBy(() -> customersOf(SAM).create(NewCustomer.company("ACME \uD83D GmbH")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field, ValidationException.Violation::rule).contains(tuple("name", "Text")));
        Customer acme = customersOf(SAM).create(NewCustomer.company("ACME \uD83D\uDE80 GmbH"));
        assertThat(customersOf(SAM).get(acme.id()).name()).as("a surrogate pair is text").isEqualTo(
                "ACME \uD83D\uDE80 GmbH");
        assertThatThrownBy(() -> customersOf(SAM).addContact(acme.id(), NewContact.named("Eva").jobTitle("CFO\u0000")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Text");
        assertThatThrownBy(() -> customersOf(SAM).search(CustomerQuery.where(Criteria.nameContains("AC\u0000"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::rule).contains("Text"));
        assertThat(customersOf(ADA).search(CustomerQuery.builder().includeArchived().build()).items()).hasSize(1);
    }

    @Test
    void create_rejectsNullsBlanksAndTooLong() {
        assertThatThrownBy(() -> sams().create(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("customer");
        assertThatThrownBy(() -> sams().create(NewCustomer.company(null))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> sams().create(NewCustomer.company("x".repeat(201))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(ValidationException.Violation::rule).containsExactly("Size"));
        assertThatThrownBy(() -> sams().create(NewCustomer.company("A").taxId("x".repeat(51))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("taxId");
    }

    @Test
    void externalRef_isUniqueAcrossCustomersAndNothingHalfWrittenStays() {
        sams().create(NewCustomer.company("First").externalRef(ExternalRef.of("SAP", "1")));
        assertThatThrownBy(() -> sams().create(NewCustomer.company("Second").externalRef(ExternalRef.of("SAP", "1"))))
                .isInstanceOf(ConflictException.class);
        assertThat(sams().search(CustomerQuery.where(Criteria.nameContains("Second"))).items()).isEmpty();
        // the same id in another system is another reference
        Customer other = sams().create(NewCustomer.company("Third").externalRef(ExternalRef.of("DATEV", "1")));
        assertThat(sams().findByExternalRef(ExternalRef.of("DATEV", "1"))).map(Customer::id).contains(other.id());
        assertThat(sams().findByExternalRef(ExternalRef.of("SAP", "2"))).isEmpty();
    }

    @Test
    void externalRef_takenOnSaveIsAConflict() {
        sams().create(NewCustomer.company("First").externalRef(ExternalRef.of("SAP", "1")));
        Customer second = sams().create(NewCustomer.company("Second"));
        assertThatThrownBy(() -> sams().save(second.rename("Second Renamed").addExternalRef(ExternalRef.of("SAP", "1"))))
                .isInstanceOf(ConflictException.class);
        assertThat(sams().get(second.id()).name()).isEqualTo("Second");
    }

    @Test
    void save_writesChangesBumpsVersionAndRecordsEvents() {
        Customer acme = sams().create(NewCustomer.company("ACME").tags("old"));
        clock.advance(Duration.ofHours(1));
        Customer saved = sams().save(sams().get(acme.id()).rename("ACME AG").untag("old").tag("new")
                .changeIndustry("Steel"));
        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.updatedAt()).isEqualTo(clock.instant());
        Customer read = sams().get(acme.id());
        assertThat(read.name()).isEqualTo("ACME AG");
        assertThat(read.tags()).containsExactly("new");
        assertThat(read.industry()).contains("Steel");
        assertThat(read.createdAt()).isEqualTo(acme.createdAt());

        crm.deliverEvents();
        assertThat(delivered).extracting(e -> e.type())
                .containsExactly(EventTypes.CUSTOMER_CREATED, EventTypes.CUSTOMER_UPDATED);
        assertThat(delivered.get(1).get("fields")).isEqualTo("name,industry,tags");
    }

    @Test
    void save_withoutChangesWritesNothing() {
        Customer acme = sams().create(NewCustomer.company("ACME"));
        assertThat(sams().save(sams().get(acme.id())).version()).isZero();
    }

    @Test
    void save_staleVersionIsAConflictAndTheOtherChangeIsKept() {
        Customer acme = sams().create(NewCustomer.company("ACME"));
        Customer samsCopy = sams().get(acme.id());
        Customer miasCopy = customersOf(MIA).get(acme.id());
        customersOf(MIA).save(miasCopy.rename("ACME by Mia"));
        assertThatThrownBy(() -> sams().save(samsCopy.rename("ACME by Sam")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("changed by someone else");
        assertThat(sams().get(acme.id()).name()).isEqualTo("ACME by Mia");
    }

    @Test
    void save_rejectsBadInputAndKeepsTheStoredState() {
        Customer acme = sams().create(NewCustomer.company("ACME"));
        assertThatThrownBy(() -> sams().save(sams().get(acme.id()).rename("")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> sams().save(sams().get(acme.id()).assignOwner("ghost")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ownerId");
        assertThatThrownBy(() -> sams().save(null)).isInstanceOf(ValidationException.class);
        Customer read = sams().get(acme.id());
        assertThat(read.name()).isEqualTo("ACME");
        assertThat(read.ownerId()).isEqualTo("sam");
        assertThat(read.version()).isZero();
    }

    @Test
    void get_unknownIdIsNotFound() {
        assertThatThrownBy(() -> sams().get(CustomerId.of(987_654)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.id()).isEqualTo("987654"));
        assertThatThrownBy(() -> sams().card(CustomerId.of(987_654))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sams().addNote(CustomerId.of(987_654), "hello")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sams().getContact(ContactId.of(987_654))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void save_ofACustomerThatDoesNotExistIsNotFoundAndWritesNothing() {
        Customer ghost = Customer.fromRecord(new CustomerRecord(999_999, 0, CustomerKind.COMPANY, "Ghost", null, null,
                Set.of("vip"), null, Set.of(), CustomerStatus.ACTIVE, "sam", null, Set.of(ExternalRef.of("SAP", "7")),
                clock.instant(), clock.instant()));
        assertThatThrownBy(() -> sams().save(ghost.rename("Ghost Renamed")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.kind()).isEqualTo("customer");
                    assertThat(e.id()).isEqualTo("999999");
                });
        assertThatThrownBy(() -> customersOf(ADA).save(ghost.assignOwner("mia"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> customersOf(ADA).save(ghost.archive())).isInstanceOf(NotFoundException.class);

        assertThat(customersOf(ADA).search(CustomerQuery.builder().includeArchived().build()).items()).isEmpty();
        assertThat(customersOf(ADA).findByExternalRef(ExternalRef.of("SAP", "7"))).isEmpty();
        assertThat(crm.deliverEvents().delivered()).isZero();
        // the reference it carried is still free
        assertThat(sams().create(NewCustomer.company("Real").externalRef(ExternalRef.of("SAP", "7"))).version()).isZero();
    }

    @Test
    void save_ofACustomerThatWasNeverCreatedIsRefused() {
        Customer draft = Customer.fromRecord(new CustomerRecord(0, 0, CustomerKind.COMPANY, "Draft", null, null, Set.of(),
                null, Set.of(), CustomerStatus.ACTIVE, "sam", null, Set.of(), clock.instant(), clock.instant()));
        assertThatThrownBy(() -> sams().save(draft)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasViolation("customer.id")).isTrue());
        assertThat(customersOf(ADA).search(CustomerQuery.builder().includeArchived().build()).items()).isEmpty();
        assertThat(crm.deliverEvents().delivered()).isZero();
    }

    @Test
    void unknownIds_areNotFoundOnEveryOperation() {
        CustomerId unknown = CustomerId.of(987_654);
        ContactId unknownContact = ContactId.of(987_654);
        assertNotFound(() -> sams().contacts(unknown), "customer");
        assertNotFound(() -> sams().notes(unknown, 10), "customer");
        assertNotFound(() -> sams().ownerHistory(unknown), "customer");
        assertNotFound(() -> sams().card(unknown), "customer");
        assertNotFound(() -> sams().addNote(unknown, "hello"), "customer");
        assertNotFound(() -> sams().addContact(unknown, NewContact.named("Eva").primary()), "customer");
        assertNotFound(() -> sams().getContact(unknownContact), "contact");
        // an administrator sees everything and still finds nothing
        assertNotFound(() -> customersOf(ADA).get(unknown), "customer");
        assertNotFound(() -> customersOf(ADA).contacts(unknown), "customer");
        assertNotFound(() -> customersOf(ADA).getContact(unknownContact), "contact");

        assertThat(crm.deliverEvents().delivered()).isZero();
    }

    private static void assertNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.id()).isEqualTo("987654");
        });
    }

    @Test
    void findByExternalRef_ofAnUnknownRefIsEmpty() {
        sams().create(NewCustomer.company("ACME").externalRef(ExternalRef.of("SAP", "42")));
        assertThat(sams().findByExternalRef(ExternalRef.of("SAP", "43"))).isEmpty();
        assertThat(sams().findByExternalRef(ExternalRef.of("DATEV", "42"))).isEmpty();
        // not even a peer learns more than that it is unknown
        assertThat(customersOf(PIA).findByExternalRef(ExternalRef.of("SAP", "43"))).isEmpty();
        assertThat(customersOf(ADA).findByExternalRef(ExternalRef.of("NOBODY", "1"))).isEmpty();
        assertThatThrownBy(() -> sams().findByExternalRef(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void missingArgumentsAreBadInputNamedByTheArgument() {
        Customer acme = sams().create(NewCustomer.company("ACME"));
        assertMissing(() -> sams().get(null), "id");
        assertMissing(() -> sams().card(null), "id");
        assertMissing(() -> sams().getContact(null), "id");
        assertMissing(() -> sams().contacts(null), "customerId");
        assertMissing(() -> sams().notes(null, 10), "customerId");
        assertMissing(() -> sams().ownerHistory(null), "customerId");
        assertMissing(() -> sams().addNote(null, "hello"), "customerId");
        assertMissing(() -> sams().addContact(null, NewContact.named("Eva")), "customerId");
        assertMissing(() -> sams().findByExternalRef(null), "ref");
        assertMissing(() -> sams().saveContact(null), "contact");
        assertThatThrownBy(() -> sams().addNote(acme.id(), null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasViolation("text")).isTrue());
        assertThatThrownBy(() -> sams().notes(acme.id(), 501)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasViolation("limit")).isTrue());

        assertThat(sams().contacts(acme.id())).isEmpty();
        assertThat(sams().notes(acme.id(), 10)).isEmpty();
        assertThat(sams().get(acme.id()).version()).isZero();
        crm.deliverEvents();
        assertThat(delivered).extracting(e -> e.type()).containsExactly(EventTypes.CUSTOMER_CREATED);
    }

    private static void assertMissing(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String argument) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.hasViolation(argument)).as("names %s: %s", argument, e.getMessage()).isTrue();
            assertThat(e.getMessage()).contains(argument);
        });
    }

    @Test
    void archive_hidesFromDefaultListsButKeepsEverything() {
        Customer acme = sams().create(NewCustomer.company("ACME"));
        sams().addNote(acme.id(), "Prefers calls in the morning");
        sams().save(sams().get(acme.id()).archive());

        assertThat(sams().search(CustomerQuery.builder().build()).items()).isEmpty();
        assertThat(sams().search(CustomerQuery.builder().includeArchived().build()).items())
                .extracting(s -> s.status()).containsExactly(CustomerStatus.ARCHIVED);
        CustomerCard card = sams().card(acme.id());
        assertThat(card.customer().isArchived()).isTrue();
        assertThat(card.latestNotes()).hasSize(1);
        assertThatThrownBy(() -> sams().get(acme.id()).archive()).isInstanceOf(ValidationException.class);

        sams().save(sams().get(acme.id()).reactivate());
        assertThat(sams().search(CustomerQuery.builder().build()).items()).hasSize(1);
        crm.deliverEvents();
        assertThat(delivered).extracting(e -> e.type()).containsSubsequence(EventTypes.CUSTOMER_ARCHIVED,
                EventTypes.CUSTOMER_REACTIVATED);
    }

    @Test
    void assignOwner_isRecordedAndMovesAccess() {
        Customer acme = sams().create(NewCustomer.company("ACME"));
        clock.advance(Duration.ofDays(1));
        customersOf(MIA).save(customersOf(MIA).get(acme.id()).assignOwner("pia"));

        assertThat(customersOf(PIA).ownerHistory(acme.id())).singleElement().satisfies(change -> {
            assertThat(change.fromOwnerId()).isEqualTo("sam");
            assertThat(change.toOwnerId()).isEqualTo("pia");
            assertThat(change.changedBy()).isEqualTo("mia");
            assertThat(change.changedAt()).isEqualTo(clock.instant());
        });
        assertThatThrownBy(() -> sams().get(acme.id())).isInstanceOf(org.crm4j.AccessDeniedException.class);
        crm.deliverEvents();
        assertThat(delivered).filteredOn(e -> e.type().equals(EventTypes.CUSTOMER_OWNER_CHANGED))
                .singleElement().satisfies(e -> {
                    assertThat(e.get("from")).isEqualTo("sam");
                    assertThat(e.get("to")).isEqualTo("pia");
                    assertThat(e.actorId()).isEqualTo("mia");
                });
    }

    /** A customer of sam's with what a hand-over may move, and what it may not. */
    private record HandOverCase(Customer acme, org.crm4j.pipeline.Opportunity openDeal,
            org.crm4j.pipeline.Opportunity wonDeal, org.crm4j.pipeline.Opportunity miasDeal,
            org.crm4j.lead.Lead openLead, org.crm4j.lead.Lead disqualifiedLead,
            org.crm4j.activity.Activity planned, org.crm4j.activity.Activity done) {
    }

    /**
     * sam's ACME with sam's open deal, won deal, open lead, disqualified lead, planned and done
     * activity, and an open deal of his manager mia.
     */
    private HandOverCase handOverCase() {
        org.crm4j.pipeline.Pipeline pipeline = as(ADA).pipelines().define(
                org.crm4j.pipeline.NewPipeline.named("New business", "EUR")
                        .stage(org.crm4j.pipeline.Stage.open("QUALIFY", "Qualify", 10))
                        .stage(org.crm4j.pipeline.Stage.won("WON", "Won"))
                        .stage(org.crm4j.pipeline.Stage.lost("LOST", "Lost")));
        Customer acme = sams().create(NewCustomer.company("ACME"));
        java.time.LocalDate june = java.time.LocalDate.of(2026, 6, 30);
        var deals = as(SAM).opportunities();
        org.crm4j.pipeline.Opportunity openDeal = deals.open(org.crm4j.pipeline.NewOpportunity.on(acme.id(),
                "Open", pipeline.id()).expectedClose(june));
        org.crm4j.pipeline.Opportunity wonDeal = deals.open(org.crm4j.pipeline.NewOpportunity.on(acme.id(),
                "Won", pipeline.id()).expectedClose(june));
        wonDeal = deals.save(deals.get(wonDeal.id()).win("PRICE", null));
        org.crm4j.pipeline.Opportunity miasDeal = as(MIA).opportunities().open(
                org.crm4j.pipeline.NewOpportunity.on(acme.id(), "Mia's", pipeline.id()).expectedClose(june));
        org.crm4j.lead.Lead openLead = as(SAM).leads().open(org.crm4j.lead.NewLead.onCustomer(acme.id()));
        org.crm4j.lead.Lead disqualified = as(SAM).leads().open(org.crm4j.lead.NewLead.onCustomer(acme.id()));
        disqualified = as(SAM).leads().save(as(SAM).leads().get(disqualified.id()).disqualify("No budget"));
        org.crm4j.activity.Activity planned = as(SAM).activities().log(org.crm4j.activity.NewActivity
                .meeting(acme.id()).planned().at(clock.instant().plus(Duration.ofDays(3)), Duration.ofHours(1)));
        org.crm4j.activity.Activity done = as(SAM).activities().log(org.crm4j.activity.NewActivity
                .call(acme.id(), org.crm4j.activity.CallDirection.OUTBOUND));
        // a notice about the customer in sam's inbox: a competitor's contract ends in 90 days
        sams().addCompetitorContract(acme.id(), org.crm4j.customer.NewCompetitorContract.of("Rival AG",
                java.time.LocalDate.of(2026, 6, 10)));
        clock.advance(Duration.ofDays(10));
        crm.runDueWork();
        assertThat(noticesAbout(acme, "sam")).contains("competitor-contract");
        return new HandOverCase(acme, openDeal, wonDeal, miasDeal, openLead, disqualified, planned, done);
    }

    /** The kinds of the notices about the customer in the user's inbox. */
    private List<String> noticesAbout(Customer customer, String user) {
        return crm.as(user).inbox().list(null, 500).items().stream()
                .filter(n -> n.customer().equals(java.util.Optional.of(customer.id().value())))
                .map(org.crm4j.notify.Notice::kind).toList();
    }

    @Test
    void assignOwner_movesTheCustomersOpenDealsLeadsPlannedActivitiesAndTheNotices_andTheEventNamesThem() {
        HandOverCase c = handOverCase();
        List<String> samsNotices = noticesAbout(c.acme(), "sam");
        clock.advance(Duration.ofDays(1));

        customersOf(MIA).save(customersOf(MIA).get(c.acme().id()).assignOwner("pia"));

        var deals = as(PIA).opportunities();
        assertThat(deals.get(c.openDeal().id()).ownerId()).as("open deal").isEqualTo("pia");
        assertThat(deals.get(c.wonDeal().id()).ownerId()).as("closed deal").isEqualTo("sam");
        assertThat(deals.get(c.miasDeal().id()).ownerId()).as("a colleague's open deal goes too").isEqualTo("pia");
        assertThat(as(PIA).leads().get(c.openLead().id()).ownerId()).as("open lead").isEqualTo("pia");
        assertThat(as(PIA).leads().get(c.disqualifiedLead().id()).ownerId()).as("closed lead").isEqualTo("sam");
        assertThat(as(PIA).activities().get(c.planned().id()).ownerId()).as("planned").isEqualTo("pia");
        assertThat(as(PIA).activities().get(c.done().id()).ownerId()).as("done").isEqualTo("sam");
        // sam keeps his closed work, but nothing open on the customer lets him read it any more
        assertThat(as(SAM).opportunities().get(c.wonDeal().id()).title()).isEqualTo("Won");
        assertThatThrownBy(() -> as(SAM).opportunities().get(c.openDeal().id()))
                .isInstanceOf(org.crm4j.AccessDeniedException.class);
        assertThatThrownBy(() -> sams().get(c.acme().id())).isInstanceOf(org.crm4j.AccessDeniedException.class);
        // the notices about the customer went to the new owner's inbox
        assertThat(noticesAbout(c.acme(), "sam")).isEmpty();
        assertThat(noticesAbout(c.acme(), "pia")).containsExactlyInAnyOrderElementsOf(samsNotices);
        crm.deliverEvents();
        assertThat(delivered).filteredOn(e -> e.type().equals(EventTypes.CUSTOMER_OWNER_CHANGED))
                .singleElement().satisfies(e -> {
                    assertThat(e.get("from")).isEqualTo("sam");
                    assertThat(e.get("to")).isEqualTo("pia");
                    assertThat(e.get("movedOpportunities")).isEqualTo(c.openDeal().id().value() + ","
                            + c.miasDeal().id().value());
                    assertThat(e.get("movedLeads")).isEqualTo(Long.toString(c.openLead().id().value()));
                    assertThat(e.get("movedActivities")).isEqualTo(Long.toString(c.planned().id().value()));
                    assertThat(e.get("movedNotices")).isEqualTo(Integer.toString(samsNotices.size()));
                });
    }

    @Test
    void assignOwner_keepingTheOpenRecords_movesOnlyTheCustomer_andTheFormerOwnerStillReadsIt() {
        HandOverCase c = handOverCase();

        customersOf(MIA).save(customersOf(MIA).get(c.acme().id())
                .assignOwner("pia", org.crm4j.customer.HandOver.KEEP_OPEN_RECORDS));

        assertThat(customersOf(ADA).get(c.acme().id()).ownerId()).isEqualTo("pia");
        assertThat(as(PIA).opportunities().ofCustomer(c.acme().id()))
                .extracting(o -> o.title() + ":" + o.ownerId())
                .containsExactlyInAnyOrder("Open:sam", "Won:sam", "Mia's:mia");
        assertThat(as(PIA).leads().get(c.openLead().id()).ownerId()).isEqualTo("sam");
        assertThat(as(PIA).activities().get(c.planned().id()).ownerId()).isEqualTo("sam");
        assertThat(noticesAbout(c.acme(), "sam")).contains("competitor-contract");
        assertThat(noticesAbout(c.acme(), "pia")).isEmpty();
        // his open work lets sam read the customer, not change it
        assertThat(sams().get(c.acme().id()).name()).isEqualTo("ACME");
        assertThatThrownBy(() -> sams().save(sams().get(c.acme().id()).rename("ACME Corp")))
                .isInstanceOf(org.crm4j.AccessDeniedException.class);
        crm.deliverEvents();
        assertThat(delivered).filteredOn(e -> e.type().equals(EventTypes.CUSTOMER_OWNER_CHANGED))
                .singleElement().satisfies(e -> {
                    assertThat(e.data()).containsEntry("from", "sam").containsEntry("to", "pia")
                            .doesNotContainKeys("movedOpportunities", "movedLeads", "movedActivities",
                                    "movedNotices");
                });
    }

    @Test
    void contacts_withChannelsRolesAndOnePrimary() {
        Customer acme = sams().create(NewCustomer.company("ACME"));
        ContactPerson eva = sams().addContact(acme.id(), NewContact.named("Eva Novak").jobTitle("Finance Director")
                .roles("cfo").channel(ContactChannel.email("Eva.Novak@ACME.example"))
                .channel(ContactChannel.phone("+49 30 1234-567")).channel(ContactChannel.messenger("Signal", "@eva"))
                .channel(ContactChannel.web("https://acme.example/eva"))
                .channel(ContactChannel.postal(Address.of("Berlin", "DE"), "office")).primary());
        ContactPerson tom = sams().addContact(acme.id(), NewContact.named("Tom Ito").roles(RoleCodes.IT_MANAGER));

        ContactPerson read = sams().getContact(eva.id());
        assertThat(read.roles()).containsExactly("CFO");
        assertThat(read.jobTitle()).contains("Finance Director");
        assertThat(read.isPrimary()).isTrue();
        assertThat(read.channels()).extracting(ContactChannel::type).containsExactly(ChannelType.EMAIL,
                ChannelType.PHONE, ChannelType.MESSENGER, ChannelType.WEB, ChannelType.POSTAL);
        assertThat(read.channels(ChannelType.EMAIL)).extracting(ContactChannel::value)
                .containsExactly("Eva.Novak@acme.example");
        assertThat(read.channels(ChannelType.PHONE)).extracting(ContactChannel::value).containsExactly("+49301234567");
        assertThat(read.channels(ChannelType.POSTAL).get(0).address()).isEqualTo(Address.of("Berlin", "DE"));
        assertThat(read.channels(ChannelType.POSTAL).get(0).label()).isEqualTo("office");

        // making Tom primary demotes Eva
        sams().saveContact(sams().getContact(tom.id()).makePrimary());
        List<ContactPerson> contacts = sams().contacts(acme.id());
        assertThat(contacts).extracting(ContactPerson::name).containsExactly("Tom Ito", "Eva Novak");
        assertThat(contacts).extracting(ContactPerson::isPrimary).containsExactly(true, false);
    }

    @Test
    void contacts_badInputIsRefusedWithTheFieldNamed() {
        Customer acme = sams().create(NewCustomer.company("ACME"));
        assertThatThrownBy(() -> ContactChannel.email("not-an-email")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("email");
        assertThatThrownBy(() -> ContactChannel.phone("030 1234")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("phone");
        assertThatThrownBy(() -> sams().addContact(acme.id(), NewContact.named("").roles(" ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field).contains("name", "roles"));
        assertThatThrownBy(() -> sams().addContact(acme.id(), null)).isInstanceOf(ValidationException.class);
        assertThat(sams().contacts(acme.id())).isEmpty();
    }

    @Test
    void saveContact_rejectsBadInputAndKeepsTheStoredState() {
        Customer acme = sams().create(NewCustomer.company("ACME"));
        ContactPerson eva = sams().addContact(acme.id(), NewContact.named("Eva").jobTitle("CFO").primary());
        sams().addContact(acme.id(), NewContact.named("Tom"));

        assertThatThrownBy(() -> sams().saveContact(sams().getContact(eva.id()).rename(" ").changeJobTitle("CEO")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(ValidationException.Violation::field).containsExactly("name");
                    assertThat(e.getMessage()).contains("name");
                });
        assertThatThrownBy(() -> sams().saveContact(sams().getContact(eva.id()).rename(null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("name")).isTrue());
        assertThatThrownBy(() -> sams().saveContact(sams().getContact(eva.id()).rename("x".repeat(201))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field).containsExactly("name"));
        assertThatThrownBy(() -> sams().saveContact(sams().getContact(eva.id()).addRole(" ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field).anyMatch(f -> f.startsWith("roles")));
        assertThatThrownBy(() -> sams().saveContact(null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasViolation("contact")).isTrue());

        ContactPerson read = sams().getContact(eva.id());
        assertThat(read.name()).isEqualTo("Eva");
        assertThat(read.jobTitle()).contains("CFO");
        assertThat(read.roles()).isEmpty();
        assertThat(read.version()).isZero();
        assertThat(sams().contacts(acme.id())).extracting(ContactPerson::name, ContactPerson::isPrimary)
                .containsExactly(tuple("Eva", true), tuple("Tom", false));
        crm.deliverEvents();
        assertThat(delivered).filteredOn(e -> e.type().equals(EventTypes.CONTACT_UPDATED)).isEmpty();
    }

    @Test
    void saveContact_ofAContactThatDoesNotExistIsNotFoundAndDemotesNobody() {
        Customer acme = sams().create(NewCustomer.company("ACME"));
        ContactPerson eva = sams().addContact(acme.id(), NewContact.named("Eva").primary());
        ContactPerson ghost = ContactPerson.fromRecord(new ContactRecord(999_999, 0, acme.id().value(), "Ghost", null,
                Set.of(), List.of(), false, clock.instant(), clock.instant()));

        assertThatThrownBy(() -> sams().saveContact(ghost.makePrimary().changeJobTitle("Buyer")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.kind()).isEqualTo("contact");
                    assertThat(e.id()).isEqualTo("999999");
                });
        assertThat(sams().contacts(acme.id())).singleElement().satisfies(only -> {
            assertThat(only.id()).isEqualTo(eva.id());
            assertThat(only.isPrimary()).isTrue();
            assertThat(only.version()).isZero();
        });
        crm.deliverEvents();
        assertThat(delivered).filteredOn(e -> e.type().equals(EventTypes.CONTACT_UPDATED)).isEmpty();
    }

    @Test
    void saveContact_cannotMoveAContactToAnotherCustomer() {
        Customer acme = sams().create(NewCustomer.company("ACME"));
        Customer other = sams().create(NewCustomer.company("Other"));
        ContactPerson eva = sams().addContact(acme.id(), NewContact.named("Eva"));
        ContactPerson moved = ContactPerson.fromRecord(new ContactRecord(eva.id().value(), eva.version(),
                other.id().value(), "Eva", "Buyer", Set.of(), List.of(), false, eva.createdAt(), eva.updatedAt()));

        assertThatThrownBy(() -> sams().saveContact(moved)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasViolation("contact.customerId")).isTrue());
        assertThat(sams().contacts(acme.id())).extracting(ContactPerson::id).containsExactly(eva.id());
        assertThat(sams().contacts(other.id())).isEmpty();
        assertThat(sams().getContact(eva.id()).jobTitle()).isEmpty();
        assertThat(sams().getContact(eva.id()).version()).isZero();
    }

    @Test
    void contacts_staleSaveIsAConflict() {
        Customer acme = sams().create(NewCustomer.company("ACME"));
        ContactPerson eva = sams().addContact(acme.id(), NewContact.named("Eva"));
        ContactPerson first = sams().getContact(eva.id());
        ContactPerson second = sams().getContact(eva.id());
        sams().saveContact(first.changeJobTitle("CFO"));
        assertThatThrownBy(() -> sams().saveContact(second.changeJobTitle("CEO"))).isInstanceOf(ConflictException.class);
        assertThat(sams().getContact(eva.id()).jobTitle()).contains("CFO");
    }

    @Test
    void notes_areKeptWithAuthorAndTimeNewestFirst() {
        Customer acme = sams().create(NewCustomer.company("ACME"));
        sams().addNote(acme.id(), "Budget is approved in March");
        clock.advance(Duration.ofMinutes(5));
        customersOf(MIA).addNote(acme.id(), "  Their CFO changes in April  ");

        List<Note> notes = sams().notes(acme.id(), 10);
        assertThat(notes).extracting(Note::text).containsExactly("Their CFO changes in April",
                "Budget is approved in March");
        assertThat(notes).extracting(Note::authorId).containsExactly("mia", "sam");
        assertThat(notes.get(0).createdAt()).isEqualTo(clock.instant());
        assertThat(sams().notes(acme.id(), 1)).hasSize(1);
        assertThatThrownBy(() -> sams().addNote(acme.id(), " ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> sams().addNote(acme.id(), "x".repeat(10_001))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> sams().notes(acme.id(), 0)).isInstanceOf(ValidationException.class);
    }
}
