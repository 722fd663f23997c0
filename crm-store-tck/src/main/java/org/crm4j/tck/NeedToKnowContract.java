package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.crm4j.AccessDeniedException;
import org.crm4j.access.Actor;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Page;
import org.crm4j.customer.ContactId;
import org.crm4j.customer.ContactPerson;
import org.crm4j.customer.Criteria;
import org.crm4j.customer.Customer;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.CustomerQuery;
import org.crm4j.customer.CustomerSort;
import org.crm4j.customer.CustomerStatus;
import org.crm4j.customer.CustomerSummary;
import org.crm4j.customer.Customers;
import org.crm4j.customer.NewContact;
import org.crm4j.customer.NewCustomer;
import org.crm4j.customer.Note;
import org.crm4j.customer.OwnerChange;
import org.crm4j.pipeline.NewOpportunity;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Opportunity;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Need-to-know (R28) as a matrix: owner / superior / superior's superior / peer / outsider /
 * admin × every read and write path. The customer belongs to sam.
 */
public abstract class NeedToKnowContract extends ContractBase {

    /** Who may open sam's customer. */
    private static final Map<String, Boolean> MAY_OPEN = Map.of(
            "sam", true,   // owner
            "mia", true,   // owner's superior
            "carl", true,  // superior's superior
            "pia", false,  // peer
            "otto", false, // head of another department
            "ada", true);  // administrator

    private static final Map<String, Actor> ACTORS = Map.of("sam", SAM, "mia", MIA, "carl", CARL, "pia", PIA,
            "otto", OTTO, "ada", ADA);

    /**
     * A path into the customer's details, as it is tried by an actor. A write path loads what it
     * changes as the owner (sam) and writes as the actor under test, so the write check itself is
     * exercised, not only the read before it.
     *
     * @param allowed who may take this path
     * @param happened checks, as an administrator, that an allowed write really happened
     */
    private record Path(String name, Predicate<String> allowed, Consumer<Ctx> attempt, Consumer<Customers> happened) {
        static Path read(String name, Consumer<Ctx> attempt) {
            return new Path(name, MAY_OPEN::get, attempt, admin -> { });
        }

        static Path write(String name, Consumer<Ctx> attempt, Consumer<Customers> happened) {
            return new Path(name, MAY_OPEN::get, attempt, happened);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * @param customers the actor's view
     * @param owners the owner's (sam's) view, to load what a write path changes
     */
    private record Ctx(Customers customers, Customers owners, CustomerId customer, ContactId contact) {
    }

    /** Who may hand sam's customer to mia: those who may open both sam's and mia's customers. */
    private static final Map<String, Boolean> MAY_REASSIGN_TO_MIA = Map.of(
            "sam", false,  // may open his own customers, not his superior's
            "mia", true,   // to herself
            "carl", true,  // mia reports to him
            "pia", false,  // may not open sam's customer
            "otto", false, // another department
            "ada", true);  // administrator

    static List<Path> paths() {
        return List.of(
                Path.read("read: get", c -> c.customers().get(c.customer())),
                Path.read("read: card", c -> c.customers().card(c.customer())),
                Path.read("read: contacts", c -> c.customers().contacts(c.customer())),
                Path.read("read: contact", c -> c.customers().getContact(c.contact())),
                Path.read("read: notes", c -> c.customers().notes(c.customer(), 10)),
                Path.read("read: owner history", c -> c.customers().ownerHistory(c.customer())),
                Path.read("read: by external ref", c -> c.customers().findByExternalRef(ExternalRef.of("SAP", "42"))),
                Path.write("write: add note", c -> c.customers().addNote(c.customer(), "seen at the fair"),
                        admin -> assertThat(admin.notes(acmeId(admin), 10)).extracting(Note::text)
                                .containsExactly("seen at the fair")),
                Path.write("write: add contact", c -> c.customers().addContact(c.customer(), NewContact.named("Max")),
                        admin -> assertThat(admin.contacts(acmeId(admin))).extracting(ContactPerson::name)
                                .containsExactlyInAnyOrder("Eva", "Max")),
                Path.write("write: save contact", c -> c.customers().saveContact(
                        c.owners().getContact(c.contact()).changeJobTitle("Buyer")),
                        admin -> assertThat(admin.contacts(acmeId(admin))).singleElement().satisfies(eva -> {
                            assertThat(eva.jobTitle()).contains("Buyer");
                            assertThat(eva.version()).isEqualTo(1);
                        })),
                Path.write("write: rename", c -> c.customers().save(c.owners().get(c.customer()).rename("ACME 2")),
                        admin -> assertThat(admin.get(acmeId(admin))).satisfies(acme -> {
                            assertThat(acme.name()).isEqualTo("ACME 2");
                            assertThat(acme.version()).isEqualTo(1);
                        })),
                Path.write("write: archive", c -> c.customers().save(c.owners().get(c.customer()).archive()),
                        admin -> assertThat(admin.get(acmeId(admin)).status()).isEqualTo(CustomerStatus.ARCHIVED)),
                new Path("write: reassign to mia", MAY_REASSIGN_TO_MIA::get,
                        c -> c.customers().save(c.owners().get(c.customer()).assignOwner("mia")),
                        admin -> {
                            assertThat(admin.get(acmeId(admin)).ownerId()).isEqualTo("mia");
                            assertThat(admin.ownerHistory(acmeId(admin))).singleElement().satisfies(change -> {
                                assertThat(change.fromOwnerId()).isEqualTo("sam");
                                assertThat(change.toOwnerId()).isEqualTo("mia");
                            });
                        }));
    }

    /** The customer of the matrix, found by its external reference. */
    private static CustomerId acmeId(Customers admin) {
        return admin.findByExternalRef(ExternalRef.of("SAP", "42")).orElseThrow().id();
    }

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (String actor : List.of("sam", "mia", "carl", "pia", "otto", "ada")) {
            for (Path path : paths()) {
                rows.add(Arguments.of(actor, path));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void onlyOwnerSuperiorsAndAdminsReachDetails(String actorId, Path path) {
        Customer acme = customersOf(SAM).create(NewCustomer.company("ACME").externalRef(ExternalRef.of("SAP", "42")));
        ContactId eva = customersOf(SAM).addContact(acme.id(), NewContact.named("Eva")).id();
        Ctx ctx = new Ctx(customersOf(ACTORS.get(actorId)), customersOf(SAM), acme.id(), eva);
        Customers admin = customersOf(ADA);

        if (path.allowed().test(actorId)) {
            assertThatCode(() -> path.attempt().accept(ctx)).doesNotThrowAnyException();
            path.happened().accept(admin);
        } else {
            assertThatThrownBy(() -> path.attempt().accept(ctx)).isInstanceOfSatisfying(AccessDeniedException.class,
                    e -> assertThat(e.actorId()).isEqualTo(actorId));
            Customer unchanged = admin.get(acme.id());
            assertThat(unchanged.name()).isEqualTo("ACME");
            assertThat(unchanged.version()).isZero();
            assertThat(unchanged.ownerId()).isEqualTo("sam");
            assertThat(unchanged.status()).isEqualTo(CustomerStatus.ACTIVE);
            assertThat(admin.ownerHistory(acme.id())).isEmpty();
            assertThat(admin.notes(acme.id(), 10)).isEmpty();
            assertThat(admin.contacts(acme.id())).singleElement().satisfies(contact -> {
                assertThat(contact.name()).isEqualTo("Eva");
                assertThat(contact.jobTitle()).isEmpty();
                assertThat(contact.version()).isZero();
            });
        }
    }

    @Test
    void reassign_onlyWithinTheActorsLine() {
        Customer acme = customersOf(SAM).create(NewCustomer.company("ACME"));

        // sam may open pia's customers no more than she may open his: he cannot hand his to her
        assertThatThrownBy(() -> customersOf(SAM).save(customersOf(SAM).get(acme.id()).assignOwner("pia")))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.actorId()).isEqualTo("sam"));
        Customer unchanged = customersOf(ADA).get(acme.id());
        assertThat(unchanged.ownerId()).isEqualTo("sam");
        assertThat(unchanged.version()).isZero();
        assertThat(customersOf(ADA).ownerHistory(acme.id())).isEmpty();

        // mia may not hand it out of her line either
        assertThatThrownBy(() -> customersOf(MIA).save(customersOf(MIA).get(acme.id()).assignOwner("otto")))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.actorId()).isEqualTo("mia"));
        assertThat(customersOf(ADA).get(acme.id()).ownerId()).isEqualTo("sam");

        // both report to mia, so she may move it between them
        customersOf(MIA).save(customersOf(MIA).get(acme.id()).assignOwner("pia"));
        assertThat(customersOf(ADA).get(acme.id()).ownerId()).isEqualTo("pia");

        // an administrator may hand it to anyone
        customersOf(ADA).save(customersOf(ADA).get(acme.id()).assignOwner("otto"));
        assertThat(customersOf(OTTO).get(acme.id()).ownerId()).isEqualTo("otto");
        assertThat(customersOf(ADA).ownerHistory(acme.id())).extracting(OwnerChange::changedBy, OwnerChange::toOwnerId)
                .containsExactly(tuple("mia", "pia"), tuple("ada", "otto"));
    }

    @Test
    void everyoneFindsEveryCustomerAndSeesWhichTheyMayOpen() {
        customersOf(SAM).create(NewCustomer.company("Sam's Customer").taxId("DE1"));
        customersOf(PIA).create(NewCustomer.company("Pia's Customer"));
        customersOf(OTTO).create(NewCustomer.company("Otto's Customer"));

        Map<Actor, List<String>> openable = Map.of(
                SAM, List.of("Sam's Customer"),
                PIA, List.of("Pia's Customer"),
                MIA, List.of("Pia's Customer", "Sam's Customer"),
                CARL, List.of("Pia's Customer", "Sam's Customer"),
                OTTO, List.of("Otto's Customer"),
                ADA, List.of("Otto's Customer", "Pia's Customer", "Sam's Customer"));
        openable.forEach((actor, expected) -> {
            List<CustomerSummary> all = customersOf(actor).search(CustomerQuery.builder().build()).items();
            assertThat(all).as("everything %s finds", actor.id()).extracting(CustomerSummary::name)
                    .containsExactly("Otto's Customer", "Pia's Customer", "Sam's Customer");
            assertThat(all).filteredOn(CustomerSummary::canOpen).as("what %s may open", actor.id())
                    .extracting(CustomerSummary::name).containsExactlyElementsOf(expected);
            assertThat(customersOf(actor).search(CustomerQuery.builder().onlyOpenable().build()).items())
                    .extracting(CustomerSummary::name).containsExactlyElementsOf(expected);
        });
        CustomerSummary seenByPeer = customersOf(PIA).search(CustomerQuery.where(Criteria.nameStartsWith("sam"))).items()
                .get(0);
        assertThat(seenByPeer.taxId()).isEqualTo("DE1");
        assertThat(seenByPeer.ownerId()).isEqualTo("sam");
        assertThat(seenByPeer.canOpen()).isFalse();
    }

    // ---- implicit readers: whoever owns open work on a customer of another reads it (R28)

    private Pipeline pipeline() {
        return as(ADA).pipelines().define(NewPipeline.named("New business", "EUR")
                .stage(Stage.open("QUALIFY", "Qualify", 10))
                .stage(Stage.won("WON", "Won"))
                .stage(Stage.lost("LOST", "Lost")));
    }

    /** mia opens a deal for pia on the customer (pia may not open it herself: it is sam's). */
    private Opportunity piasDeal(Pipeline pipeline, Customer customer, String title) {
        return as(MIA).opportunities().open(NewOpportunity.on(customer.id(), title, pipeline.id()).owner("pia")
                .expectedClose(java.time.LocalDate.of(2026, 6, 30)));
    }

    @Test
    void anImplicitReader_readsTheCustomerItsContactsNotesAndCard_butMayNotChangeThem() {
        Customer acme = customersOf(SAM).create(NewCustomer.company("ACME").externalRef(ExternalRef.of("SAP", "42")));
        ContactId eva = customersOf(SAM).addContact(acme.id(), NewContact.named("Eva")).id();
        customersOf(SAM).addNote(acme.id(), "met at the fair");
        Opportunity deal = piasDeal(pipeline(), acme, "Pia's deal");
        Customers pias = customersOf(PIA);

        assertThat(pias.get(acme.id()).name()).isEqualTo("ACME");
        assertThat(pias.findByExternalRef(ExternalRef.of("SAP", "42"))).map(Customer::id).contains(acme.id());
        assertThat(pias.contacts(acme.id())).extracting(ContactPerson::name).containsExactly("Eva");
        assertThat(pias.getContact(eva).name()).isEqualTo("Eva");
        assertThat(pias.notes(acme.id(), 10)).extracting(Note::text).containsExactly("met at the fair");
        assertThat(pias.card(acme.id())).satisfies(card -> {
            assertThat(card.customer().name()).isEqualTo("ACME");
            assertThat(card.contacts()).extracting(ContactPerson::name).containsExactly("Eva");
            assertThat(card.opportunities()).extracting(o -> o.id()).containsExactly(deal.id().value());
        });

        assertThatThrownBy(() -> pias.save(pias.get(acme.id()).rename("Pia's ACME")))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.actorId()).isEqualTo("pia"));
        assertThatThrownBy(() -> pias.addContact(acme.id(), NewContact.named("Max")))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.actorId()).isEqualTo("pia"));
        assertThatThrownBy(() -> pias.addNote(acme.id(), "mine now"))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.actorId()).isEqualTo("pia"));
        assertThatThrownBy(() -> pias.saveContact(pias.getContact(eva).changeJobTitle("Buyer")))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.actorId()).isEqualTo("pia"));

        Customers admin = customersOf(ADA);
        assertThat(admin.get(acme.id())).satisfies(unchanged -> {
            assertThat(unchanged.name()).isEqualTo("ACME");
            assertThat(unchanged.version()).isZero();
        });
        assertThat(admin.contacts(acme.id())).singleElement().satisfies(contact -> {
            assertThat(contact.jobTitle()).isEmpty();
            assertThat(contact.version()).isZero();
        });
        assertThat(admin.notes(acme.id(), 10)).extracting(Note::text).containsExactly("met at the fair");
        // whoever owns no open work on it is still refused
        assertThatThrownBy(() -> customersOf(OTTO).get(acme.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> customersOf(OTTO).contacts(acme.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anImplicitReader_losesTheCustomerWhenTheirLastOpenWorkOnItCloses() {
        Pipeline pipeline = pipeline();
        Customer acme = customersOf(SAM).create(NewCustomer.company("ACME"));
        Opportunity toWin = piasDeal(pipeline, acme, "To win");
        Opportunity toLose = piasDeal(pipeline, acme, "To lose");
        org.crm4j.lead.Lead lead = as(MIA).leads().open(org.crm4j.lead.NewLead.onCustomer(acme.id()).owner("pia"));
        org.crm4j.activity.Activity visit = as(MIA).activities().log(org.crm4j.activity.NewActivity
                .meeting(acme.id()).owner("pia").planned()
                .at(clock.instant().plus(java.time.Duration.ofDays(2)), java.time.Duration.ofHours(1)));
        var deals = as(PIA).opportunities();

        deals.save(deals.get(toWin.id()).win("PRICE", null));
        assertThat(customersOf(PIA).get(acme.id()).name()).as("a deal still open").isEqualTo("ACME");
        deals.save(deals.get(toLose.id()).lose("PRICE", null, "Globex", null));
        assertThat(customersOf(PIA).get(acme.id()).name()).as("the lead still open").isEqualTo("ACME");
        as(PIA).leads().save(as(PIA).leads().get(lead.id()).disqualify("No budget"));
        assertThat(customersOf(PIA).get(acme.id()).name()).as("the visit still planned").isEqualTo("ACME");
        as(PIA).activities().complete(visit.id(), "signed");

        assertThatThrownBy(() -> customersOf(PIA).get(acme.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> customersOf(PIA).card(acme.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> customersOf(PIA).contacts(acme.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(customersOf(PIA).search(CustomerQuery.builder().build()).items()).singleElement()
                .satisfies(found -> assertThat(found.canOpen()).isFalse());
        // her closed work stays hers to see
        assertThat(deals.get(toWin.id()).title()).isEqualTo("To win");
        assertThat(as(PIA).activities().get(visit.id()).ownerId()).isEqualTo("pia");
    }

    @Test
    void search_flagsByTheOwnersLine_whileTheDealsOwnerOpensTheSharedCustomerById_andAPeerDoesNot() {
        directory.add("leo", "mia"); // pia's and sam's peer
        crm.userDirectoryChanged();
        Actor leo = Actor.of("leo");
        Customer acme = customersOf(SAM).create(NewCustomer.company("ACME"));
        customersOf(OTTO).create(NewCustomer.company("Otto's Customer"));
        piasDeal(pipeline(), acme, "Pia's deal");

        Map<Actor, List<String>> openable = Map.of(
                SAM, List.of("ACME"),
                // a search flags and finds by the owner's line: the shared ACME is opened by id
                PIA, List.of(),
                leo, List.of(),
                OTTO, List.of("Otto's Customer"));
        openable.forEach((actor, expected) -> {
            List<CustomerSummary> all = customersOf(actor).search(CustomerQuery.builder().build()).items();
            assertThat(all).as("everything %s finds", actor.id()).extracting(CustomerSummary::name)
                    .containsExactly("ACME", "Otto's Customer");
            assertThat(all).filteredOn(CustomerSummary::canOpen).as("what %s may open", actor.id())
                    .extracting(CustomerSummary::name).containsExactlyElementsOf(expected);
        });
        assertThat(customersOf(PIA).card(acme.id()).customer().name()).isEqualTo("ACME");
        assertThatThrownBy(() -> customersOf(leo).card(acme.id())).isInstanceOf(AccessDeniedException.class);
    }

    /**
     * The head of a large department sees more owners than a database may be given as an index
     * lookup (H2 gets them as a row filter): the same customers, in order, page by page.
     */
    @Test
    void aLargeDepartment_seesItsWholeLine_pageByPage() {
        for (int i = 1; i <= 30; i++) {
            directory.add(String.format("rep%02d", i), "mia");
        }
        crm.userDirectoryChanged();
        List<String> reps = new ArrayList<>();
        Customer first = null;
        for (int i = 1; i <= 30; i += 3) {
            String name = String.format("Rep %02d GmbH", i);
            Customer c = customersOf(Actor.of(String.format("rep%02d", i))).create(NewCustomer.company(name).tags("fair"));
            first = first == null ? c : first;
            reps.add(name);
            clock.advance(java.time.Duration.ofMinutes(1));
        }
        Customer otto = customersOf(OTTO).create(NewCustomer.company("Otto's Customer").tags("fair"));

        for (CustomerSort sort : List.of(CustomerSort.NAME_ASC, CustomerSort.CREATED_ASC)) {
            List<String> seen = new ArrayList<>();
            String token = null;
            do {
                CustomerQuery.Builder query = CustomerQuery.builder().where(Criteria.tagged("fair")).sort(sort)
                        .pageSize(3).onlyOpenable();
                Page<CustomerSummary> page = customersOf(MIA).search(token == null ? query.build()
                        : query.pageToken(token).build());
                page.items().forEach(c -> seen.add(c.name()));
                token = page.nextPageToken();
            } while (token != null);
            assertThat(seen).as("mia's line by %s", sort).containsExactlyElementsOf(reps);
        }
        assertThat(customersOf(CARL).card(first.id()).customer().name()).isEqualTo("Rep 01 GmbH");
        assertThatThrownBy(() -> customersOf(MIA).get(otto.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(customersOf(OTTO).search(CustomerQuery.builder().onlyOpenable().build()).items())
                .extracting(CustomerSummary::name).containsExactly("Otto's Customer");
    }

    @Test
    void criteriaOnDetailsOnlyFindWhatTheActorMayOpen() {
        customersOf(SAM).create(NewCustomer.company("Sam VIP").tags("vip").industry("Steel"));
        customersOf(PIA).create(NewCustomer.company("Pia VIP").tags("vip").industry("Steel"));

        assertThat(customersOf(SAM).search(CustomerQuery.where(Criteria.tagged("vip"))).items())
                .extracting(CustomerSummary::name).containsExactly("Sam VIP");
        assertThat(customersOf(MIA).search(CustomerQuery.where(Criteria.tagged("vip"))).items())
                .extracting(CustomerSummary::name).containsExactly("Pia VIP", "Sam VIP");
        assertThat(customersOf(OTTO).search(CustomerQuery.where(Criteria.or(Criteria.nameContains("vip"),
                Criteria.eq(org.crm4j.customer.CustomerField.INDUSTRY, "Steel")))).items()).isEmpty();
        assertThat(customersOf(OTTO).search(CustomerQuery.where(Criteria.nameContains("vip"))).items()).hasSize(2);
    }

    @Test
    void creatingForSomeoneElseNeedsToBeTheirSuperior() {
        assertThatCode(() -> customersOf(MIA).create(NewCustomer.company("For Sam").owner("sam")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> customersOf(PIA).create(NewCustomer.company("For Sam").owner("sam")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(customersOf(ADA).search(CustomerQuery.builder().build()).items()).hasSize(1);
    }

    @Test
    void directoryChangesTakeEffect() {
        Customer acme = customersOf(SAM).create(NewCustomer.company("ACME"));
        assertThatThrownBy(() -> customersOf(OTTO).get(acme.id())).isInstanceOf(AccessDeniedException.class);
        directory.add("mia", "otto"); // the sales team moves under otto
        crm.userDirectoryChanged();
        assertThat(customersOf(OTTO).get(acme.id()).name()).isEqualTo("ACME");
    }
}
