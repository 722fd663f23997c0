package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.crm4j.ValidationException.Violation;
import org.crm4j.access.Actor;
import org.crm4j.common.ExternalRef;
import org.crm4j.customer.ChannelType;
import org.crm4j.customer.ContactChannel;
import org.crm4j.customer.ContactPerson;
import org.crm4j.customer.Customer;
import org.crm4j.customer.CustomerKind;
import org.crm4j.customer.CustomerQuery;
import org.crm4j.customer.NewContact;
import org.crm4j.customer.NewCustomer;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.imports.ImportContact;
import org.crm4j.imports.ImportOptions;
import org.crm4j.imports.ImportReport;
import org.crm4j.imports.ImportRow;
import org.crm4j.imports.LikelyDuplicate;
import org.crm4j.imports.RejectedRow;
import org.crm4j.lead.MatchReason;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The bulk import of customers (R29, R33): upsert by external reference, idempotent (a second run
 * of the same rows writes nothing and raises nothing), changed rows updating only what changed, a
 * dry run that writes nothing, bad rows reported with line, field and rule while the good ones go
 * in, likely duplicates of existing customers reported, need-to-know, concurrent imports creating
 * each customer once, progress per batch, and bounded statements per batch.
 */
public abstract class ImportContract extends ContractBase {

    private static ImportRow acme() {
        return ImportRow.of("ERP", "C-1").line(2).company("ACME GmbH").taxId("DE 123 456 789").industry("Machinery")
                .address("Hauptstr. 1", "10115", "Berlin", null, "DE").tags("key-account").rating("A")
                .contact(ImportContact.named("Eva Novak").jobTitle("CFO").email("eva.novak@acme.example")
                        .phone("+49 30 1234567").roles("CFO").primary());
    }

    private static ImportRow initech() {
        return ImportRow.of("ERP", "C-2").line(3).company("Initech Oy").taxId("FI12345678")
                .address(null, null, "Helsinki", null, "FI")
                .contact(ImportContact.named("Bill Lumbergh").email("bill@initech.example"));
    }

    private static ImportRow jane() {
        return ImportRow.of("ERP", "C-3").line(4).person("Jane Roe").address(null, null, "Vienna", null, "AT");
    }

    private static List<ImportRow> three() {
        return List.of(acme(), initech(), jane());
    }

    private ImportReport importAs(Actor actor, List<ImportRow> rows) {
        return as(actor).imports().customers(rows, ImportOptions.defaults());
    }

    private Customer byRef(String id) {
        return customersOf(ADA).findByExternalRef(ExternalRef.of("ERP", id)).orElseThrow();
    }

    private List<DomainEvent> deliveredNow() {
        delivered.clear();
        crm.deliverEvents();
        return List.copyOf(delivered);
    }

    private List<String> types(List<DomainEvent> events) {
        return events.stream().map(DomainEvent::type).toList();
    }

    private long customerCount() {
        return customersOf(ADA).search(CustomerQuery.builder().pageSize(500).includeArchived().build()).items().size();
    }

    private static RejectedRow rejection(ImportReport report, long line) {
        return report.rejections().stream().filter(r -> r.line() == line).findFirst().orElseThrow();
    }

    private static List<String> rules(RejectedRow row) {
        return row.violations().stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    // ---- real ERP data as it is (R29): country names, national phone numbers

    /** A row as Northwind's customer table has it: the country by name, the phone in national form. */
    private static ImportRow northwindStyle(String id, String city, String country, String phone) {
        return ImportRow.of("ERP", id).company("Northwind customer " + id)
                .address(null, null, city, null, country)
                .contact(ImportContact.named("Maria Anders").phone(phone));
    }

    private List<String> phonesOf(String id) {
        return customersOf(ADA).contacts(byRef(id).id()).get(0).channels().stream().map(c -> c.value()).toList();
    }

    @Test
    void import_takesCountryNamesAndNationalPhones_warningOfDoubtfulNumbersInsteadOfRefusing() {
        ImportReport report = importAs(SAM, List.of(
                northwindStyle("N-1", "Berlin", "Germany", "030-0074321"),
                northwindStyle("N-2", "London", "UK", "(171) 555-7788"),
                northwindStyle("N-3", "Nantes", "France", "40.67.88.88 x"),
                northwindStyle("N-4", "Eugene", "USA", "(503) 555-7555"),
                northwindStyle("N-5", "Marseille", "France", "88.60.15.31")));

        assertThat(report.created()).isEqualTo(5);
        assertThat(report.rejected()).isZero();
        assertThat(byRef("N-1").address().orElseThrow().country()).isEqualTo("DE");
        assertThat(byRef("N-2").address().orElseThrow().country()).isEqualTo("GB");
        assertThat(byRef("N-4").address().orElseThrow().country()).isEqualTo("US");
        assertThat(phonesOf("N-1")).containsExactly("+49300074321");
        assertThat(phonesOf("N-4")).containsExactly("+15035557555");
        // London's 0171 numbers went in 2000: kept, normalised, with a warning; what cannot be a
        // number in its country, or is no number at all, is left out with a warning
        assertThat(phonesOf("N-2")).containsExactly("+441715557788");
        assertThat(phonesOf("N-3")).isEmpty();
        assertThat(phonesOf("N-5")).isEmpty();
        assertThat(report.warnings()).extracting(w -> w.line() + " " + w.field() + " " + w.value())
                .containsExactly("2 contacts[0].phone (171) 555-7788", "3 contacts[0].phone 40.67.88.88 x",
                        "5 contacts[0].phone 88.60.15.31");
        assertThat(report.warnings().get(0).message()).startsWith("stored as +441715557788");
        assertThat(report.warnings().get(1).message()).startsWith("left out");
        assertThat(report.warnings().get(2).message()).startsWith("left out");
    }

    @Test
    void import_withStrictPhones_refusesTheRowOfADoubtfulNumber() {
        ImportReport report = as(SAM).imports().customers(List.of(
                northwindStyle("N-1", "Berlin", "Germany", "030-0074321"),
                northwindStyle("N-2", "London", "UK", "(171) 555-7788")), ImportOptions.defaults().strictPhones());

        assertThat(report.created()).isEqualTo(1);
        assertThat(rules(rejection(report, 2))).containsExactly("contacts[0].phone:Format");
        assertThat(report.warnings()).isEmpty();
    }

    // ---- creating

    @Test
    void import_createsCustomersWithTheirContacts_likeCreate() {
        ImportReport report = importAs(SAM, three());

        assertThat(report.rows()).isEqualTo(3);
        assertThat(report.created()).isEqualTo(3);
        assertThat(report.updated() + report.unchanged() + report.rejected() + report.skipped()).isZero();
        Customer acme = byRef("C-1");
        assertThat(acme.name()).isEqualTo("ACME GmbH");
        assertThat(acme.kind()).isEqualTo(CustomerKind.COMPANY);
        assertThat(acme.taxId()).contains("DE123456789");
        assertThat(acme.industry()).contains("Machinery");
        assertThat(acme.tags()).containsExactly("key-account");
        assertThat(acme.classification().rating()).isEqualTo("A");
        assertThat(acme.ownerId()).isEqualTo("sam");
        assertThat(acme.address().orElseThrow().city()).isEqualTo("Berlin");
        List<ContactPerson> contacts = customersOf(SAM).contacts(acme.id());
        assertThat(contacts).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("Eva Novak");
            assertThat(c.isPrimary()).isTrue();
            assertThat(c.hasRole("CFO")).isTrue();
            assertThat(c.channels()).extracting(ContactChannel::value)
                    .containsExactly("eva.novak@acme.example", "+49301234567");
        });
        assertThat(byRef("C-3").kind()).isEqualTo(CustomerKind.PERSON);
        List<DomainEvent> events = deliveredNow();
        assertThat(types(events)).filteredOn(EventTypes.CUSTOMER_CREATED::equals).hasSize(3);
        assertThat(types(events)).filteredOn(EventTypes.CONTACT_ADDED::equals).hasSize(2);
        assertThat(events).filteredOn(e -> e.type().equals(EventTypes.CUSTOMER_CREATED))
                .allSatisfy(e -> assertThat(e.actorId()).isEqualTo("sam"));
    }

    @Test
    void import_fromAStream_withAnOwnerTheActorManages() {
        ImportReport report = as(MIA).imports().customers(Stream.of(acme().owner("sam"), initech()),
                ImportOptions.defaults());

        assertThat(report.created()).isEqualTo(2);
        assertThat(byRef("C-1").ownerId()).isEqualTo("sam");
        assertThat(byRef("C-2").ownerId()).isEqualTo("mia");
    }

    // ---- idempotence

    @Test
    void sameImportTwice_secondRunChangesNothing_raisesNothing_andWritesNothing() {
        importAs(SAM, three());
        long version = byRef("C-1").version();
        deliveredNow();
        CountingDataSource counter = fixture().counter();
        if (counter != null) {
            counter.reset();
        }

        ImportReport again = importAs(SAM, three());

        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(again.created() + again.updated() + again.rejected() + again.skipped() + again.duplicates())
                .isZero();
        if (counter != null) {
            // one batch: who holds the references, those customers, their contacts; reads only
            assertThat(counter.writes()).isZero();
            assertThat(counter.statements()).isEqualTo(3);
        }
        assertThat(deliveredNow()).isEmpty();
        assertThat(byRef("C-1").version()).isEqualTo(version);
        assertThat(customerCount()).isEqualTo(3);
    }

    @Test
    void changedRow_updatesOnlyWhatChanged_withTheEventsOfSave() {
        importAs(SAM, three());
        deliveredNow();

        ImportReport report = importAs(SAM, List.of(
                acme().industry("Robotics").tags("cnc")
                        .contact(ImportContact.named("Otto Weber").email("otto.weber@acme.example")),
                initech(), jane()));

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(2);
        Customer acme = byRef("C-1");
        assertThat(acme.industry()).contains("Robotics");
        assertThat(acme.tags()).containsExactlyInAnyOrder("key-account", "cnc");
        assertThat(acme.taxId()).contains("DE123456789");
        assertThat(customersOf(SAM).contacts(acme.id())).extracting(ContactPerson::name)
                .containsExactly("Eva Novak", "Otto Weber");
        List<DomainEvent> events = deliveredNow();
        assertThat(types(events)).containsExactlyInAnyOrder(EventTypes.CUSTOMER_UPDATED, EventTypes.CONTACT_ADDED);
        assertThat(events).filteredOn(e -> e.type().equals(EventTypes.CUSTOMER_UPDATED)).singleElement()
                .satisfies(e -> assertThat(e.data().get("fields")).isEqualTo("industry,tags"));
    }

    @Test
    void changedContact_matchedByEmail_getsWhatItLacks_andFieldsNotGivenStay() {
        importAs(SAM, three());
        Customer acme = byRef("C-1");
        deliveredNow();

        ImportReport report = importAs(SAM, List.of(ImportRow.of("ERP", "C-1").company("ACME GmbH")
                .contact(ImportContact.named("Eva Novak-Berg").email("EVA.NOVAK@acme.example").roles("IT manager"))));

        assertThat(report.updated()).isEqualTo(1);
        ContactPerson eva = customersOf(SAM).contacts(acme.id()).get(0);
        assertThat(eva.name()).isEqualTo("Eva Novak-Berg");
        assertThat(eva.roles()).containsExactlyInAnyOrder("CFO", "IT_MANAGER");
        assertThat(eva.jobTitle()).contains("CFO");
        assertThat(eva.channels(ChannelType.EMAIL)).hasSize(1);
        assertThat(byRef("C-1").industry()).contains("Machinery");
        assertThat(types(deliveredNow())).containsExactly(EventTypes.CONTACT_UPDATED);
    }

    @Test
    void changedOwner_handsTheCustomerOver_withItsHistory() {
        importAs(MIA, List.of(acme().owner("sam")));

        ImportReport report = importAs(MIA, List.of(acme().owner("pia")));

        assertThat(report.updated()).isEqualTo(1);
        Customer acme = byRef("C-1");
        assertThat(acme.ownerId()).isEqualTo("pia");
        assertThat(customersOf(MIA).ownerHistory(acme.id())).singleElement()
                .satisfies(c -> assertThat(c.fromOwnerId() + ">" + c.toOwnerId()).isEqualTo("sam>pia"));
        assertThat(types(deliveredNow())).contains(EventTypes.CUSTOMER_OWNER_CHANGED);
    }

    @Test
    void existingCustomerCreatedByHand_isUpdatedByItsReference() {
        Customer made = customersOf(SAM).create(NewCustomer.company("ACME GmbH").taxId("DE123456789")
                .externalRef(ExternalRef.of("ERP", "C-1")));

        ImportReport report = importAs(SAM, List.of(acme()));

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.duplicates()).isZero();
        assertThat(byRef("C-1").id()).isEqualTo(made.id());
        assertThat(byRef("C-1").industry()).contains("Machinery");
    }

    // ---- dry run

    @Test
    void dryRun_reportsWhatWouldHappen_andWritesNothing() {
        importAs(SAM, List.of(acme()));
        deliveredNow();
        CountingDataSource counter = fixture().counter();
        if (counter != null) {
            counter.reset();
        }

        ImportReport report = as(SAM).imports().customers(List.of(acme().industry("Robotics"), initech(), jane(),
                ImportRow.of("ERP", "C-4").company("")), ImportOptions.defaults().dryRun());

        assertThat(report.dryRun()).isTrue();
        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.rejected()).isEqualTo(1);
        if (counter != null) {
            assertThat(counter.writes()).isZero();
        }
        assertThat(byRef("C-1").industry()).contains("Machinery");
        assertThat(customersOf(ADA).findByExternalRef(ExternalRef.of("ERP", "C-2"))).isEmpty();
        assertThat(customerCount()).isEqualTo(1);
        assertThat(deliveredNow()).isEmpty();
    }

    // ---- bad rows

    @Test
    void badRows_areReportedWithLineFieldAndRule_andTheGoodRowsGoIn() {
        List<ImportRow> rows = List.of(
                acme(),
                ImportRow.of("ERP", "C-10").line(10).company("Bad Mail AG")
                        .contact(ImportContact.named("Ann").email("ann.at.example")),
                ImportRow.of("ERP", "C-11").line(11).company("  "),
                ImportRow.of("ERP", "C-12").line(12).company("Nobody's GmbH").owner("zed"),
                ImportRow.of(null, null).line(13).company("No Ref Ltd"),
                ImportRow.of("ERP", "C-14").line(14).company("Nowhere Inc").address(null, null, "", null, "XX")
                        .kind("shop"),
                initech());

        ImportReport report = importAs(ADA, rows);

        assertThat(report.created()).isEqualTo(2);
        assertThat(report.rejected()).isEqualTo(5);
        assertThat(report.rejections()).extracting(RejectedRow::line).containsExactly(10L, 11L, 12L, 13L, 14L);
        assertThat(rules(rejection(report, 10))).containsExactly("contacts[0].email:Format");
        assertThat(rules(rejection(report, 11))).containsExactly("name:NotBlank");
        assertThat(rules(rejection(report, 12))).containsExactly("ownerId:KnownUser");
        assertThat(rules(rejection(report, 13))).containsExactly("externalRef:NotNull");
        assertThat(rules(rejection(report, 14))).containsExactlyInAnyOrder("kind:Format", "address.city:NotBlank",
                "address.country:Format");
        assertThat(rejection(report, 10).externalRef()).isEqualTo("ERP:C-10");
        assertThat(rejection(report, 10).violations()).extracting(Violation::message)
                .allSatisfy(m -> assertThat(m).contains("ann.at.example"));
        assertThat(byRef("C-1").name()).isEqualTo("ACME GmbH");
        assertThat(byRef("C-2").name()).isEqualTo("Initech Oy");
        assertThat(customerCount()).isEqualTo(2);
    }

    @Test
    void sameReferenceTwiceInABatch_theFirstCounts() {
        ImportReport report = importAs(SAM, List.of(acme(), ImportRow.of("ERP", "C-1").line(9).company("ACME Copy")));

        assertThat(report.created()).isEqualTo(1);
        assertThat(rules(rejection(report, 9))).containsExactly("externalRef:Unique");
        assertThat(byRef("C-1").name()).isEqualTo("ACME GmbH");
    }

    @Test
    void reportDetails_areBounded_andEveryRejectionIsToldToTheCallback() {
        List<RejectedRow> told = new CopyOnWriteArrayList<>();
        List<ImportRow> rows = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> ImportRow.of("ERP", "X-" + i).company("")).toList();

        ImportReport report = as(SAM).imports().customers(rows, ImportOptions.defaults().maxDetails(2)
                .onRejected(told::add));

        assertThat(report.rejected()).isEqualTo(5);
        assertThat(report.rejections()).extracting(RejectedRow::line).containsExactly(1L, 2L);
        assertThat(report.detailsTruncated()).isTrue();
        assertThat(told).hasSize(5);
    }

    // ---- need-to-know

    @Test
    void rowOfACustomerTheActorMayNotOpen_isRejected_andTheCustomerStaysAsItIs() {
        customersOf(OTTO).create(NewCustomer.company("ACME GmbH").externalRef(ExternalRef.of("ERP", "C-1")));

        ImportReport report = importAs(SAM, List.of(acme().industry("Robotics"), initech()));

        assertThat(report.created()).isEqualTo(1);
        assertThat(rules(rejection(report, 2))).containsExactly("externalRef:Openable");
        assertThat(byRef("C-1").industry()).isEmpty();
        assertThat(byRef("C-1").ownerId()).isEqualTo("otto");
    }

    @Test
    void ownerTheActorMayNotGiveCustomersTo_isRejected() {
        ImportReport report = importAs(SAM, List.of(acme().owner("pia")));

        assertThat(report.created()).isZero();
        assertThat(rules(rejection(report, 2))).containsExactly("ownerId:Assignable");
    }

    // ---- duplicates

    @Test
    void likelyDuplicateOfAnExistingCustomer_isReportedAndSkipped() {
        Customer existing = customersOf(SAM).create(NewCustomer.company("ACME Gmbh").taxId("DE123456789"));
        Customer byMail = customersOf(SAM).create(NewCustomer.company("Other Name Ltd"));
        customersOf(SAM).addContact(byMail.id(), NewContact.named("Bill").channel(
                ContactChannel.email("Bill@Initech.example")));

        ImportReport report = importAs(SAM, three());

        assertThat(report.created()).isEqualTo(1);
        assertThat(report.skipped()).isEqualTo(2);
        assertThat(report.duplicates()).isEqualTo(2);
        LikelyDuplicate acme = report.likelyDuplicates().get(0);
        assertThat(acme.line()).isEqualTo(2);
        assertThat(acme.externalRef()).isEqualTo("ERP:C-1");
        assertThat(acme.created()).isFalse();
        assertThat(acme.matches()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(existing.id().value());
            assertThat(m.score()).isEqualTo(100);
            assertThat(m.reasons()).containsExactlyInAnyOrder(MatchReason.TAX_ID, MatchReason.NAME);
        });
        assertThat(report.likelyDuplicates().get(1).matches()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(byMail.id().value());
            assertThat(m.reasons()).containsExactly(MatchReason.EMAIL);
        });
        assertThat(customersOf(ADA).findByExternalRef(ExternalRef.of("ERP", "C-1"))).isEmpty();
        assertThat(customerCount()).isEqualTo(3);
    }

    @Test
    void likelyDuplicate_createdAnyway_whenAsked_andStillReported() {
        customersOf(SAM).create(NewCustomer.company("Initech").taxId("FI12345678"));

        ImportReport report = as(SAM).imports().customers(three(), ImportOptions.defaults()
                .duplicates(ImportOptions.DuplicatePolicy.CREATE_ANYWAY));

        assertThat(report.created()).isEqualTo(3);
        assertThat(report.skipped()).isZero();
        assertThat(report.likelyDuplicates()).singleElement().satisfies(d -> {
            assertThat(d.externalRef()).isEqualTo("ERP:C-2");
            assertThat(d.created()).isTrue();
        });
        assertThat(customerCount()).isEqualTo(4);
    }

    @Test
    void personNameAlone_isNoLikelyDuplicate() {
        customersOf(SAM).create(NewCustomer.person("Jane Roe"));

        ImportReport report = importAs(SAM, List.of(jane()));

        assertThat(report.created()).isEqualTo(1);
        assertThat(report.duplicates()).isZero();
    }

    // ---- batches, progress, concurrency, statements

    private static List<ImportRow> generated(int n) {
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(ImportRow.of("ERP", "G-" + i).company("Generated " + i + " GmbH").taxId("DE9" + (100000 + i))
                    .address(null, null, "Berlin", null, "DE")
                    .contact(ImportContact.named("Person " + i).email("person" + i + "@generated.example")));
        }
        return rows;
    }

    /**
     * Single creates draw their ids through Hibernate's pooled optimizer, the import's batches
     * draw blocks of the same sequences themselves: taken in turns, they never hand out one id
     * twice.
     */
    @Test
    void importsAndSingleCreatesInTurn_neverShareACustomerOrContactId() {
        // a shared id would fail the insert on the primary key
        for (int round = 0; round < 3; round++) {
            Customer single = customersOf(SAM).create(NewCustomer.company("Single " + round + " Oy"));
            customersOf(SAM).addContact(single.id(), NewContact.named("Solo " + round));
            List<ImportRow> rows = new ArrayList<>();
            for (int i = 0; i < 70; i++) {
                rows.add(ImportRow.of("ERP", "T-" + round + "-" + i).company("Turn " + round + "-" + i + " AB")
                        .contact(ImportContact.named("Person " + round + "-" + i)));
            }
            assertThat(as(SAM).imports().customers(rows, ImportOptions.defaults().batchSize(30)).created())
                    .isEqualTo(70);
        }

        List<Customer> all = customersOf(SAM).search(CustomerQuery.builder().pageSize(500).build()).items().stream()
                .map(summary -> customersOf(SAM).get(summary.id())).toList();
        List<Long> contactIds = new ArrayList<>();
        all.forEach(c -> customersOf(SAM).contacts(c.id()).forEach(p -> contactIds.add(p.id().value())));
        assertThat(all).hasSize(3 + 3 * 70);
        assertThat(all).extracting(c -> c.id().value()).doesNotHaveDuplicates();
        assertThat(contactIds).hasSize(3 + 3 * 70).doesNotHaveDuplicates();
    }

    @Test
    void progress_isToldAfterEachBatch() {
        List<Long> rowsSoFar = new ArrayList<>();

        ImportReport report = as(SAM).imports().customers(generated(7), ImportOptions.defaults().batchSize(3)
                .onProgress(soFar -> rowsSoFar.add(soFar.rows())));

        assertThat(rowsSoFar).containsExactly(3L, 6L, 7L);
        assertThat(report.created()).isEqualTo(7);
    }

    @Test
    void concurrentImportsOfTheSameRows_createEachCustomerOnce() throws Exception {
        List<ImportRow> rows = generated(60);
        List<ImportReport> reports = new CopyOnWriteArrayList<>();

        List<String> outcomes = inParallel(
                () -> reports.add(as(ADA).imports().customers(rows, ImportOptions.defaults().batchSize(20))),
                () -> reports.add(as(ADA).imports().customers(rows, ImportOptions.defaults().batchSize(20))));

        assertThat(outcomes).containsExactly("done", "done");
        assertThat(customerCount()).isEqualTo(60);
        assertThat(reports.stream().mapToLong(ImportReport::created).sum()).isEqualTo(60);
        assertThat(reports.stream().mapToLong(r -> r.created() + r.unchanged()).sum()).isEqualTo(120);
        crm.deliverEvents();
        assertThat(delivered).filteredOn(e -> e.type().equals(EventTypes.CUSTOMER_CREATED)).hasSize(60);
    }

    @Test
    void statements_perBatch_doNotGrowWithTheRows() {
        CountingDataSource counter = fixture().counter();
        Assumptions.assumeTrue(counter != null, "only stores that speak SQL count statements");
        counter.reset();

        as(SAM).imports().customers(generated(200), ImportOptions.defaults().batchSize(100));

        // per batch: 4 reads (references, customers, no contacts of existing ones, duplicate keys),
        // the batched inserts of customers, tags-free refs, contacts, channels and the outbox, and
        // one draw of the events' sequence numbers: the same for 100 rows as for 10
        long first = counter.statements();
        assertThat(first).isLessThan(2 * 20);
        counter.reset();

        ImportReport again = as(SAM).imports().customers(generated(200), ImportOptions.defaults().batchSize(100));

        assertThat(again.unchanged()).isEqualTo(200);
        assertThat(counter.statements()).isEqualTo(2 * 3);
        assertThat(counter.writes()).isZero();
    }
}
