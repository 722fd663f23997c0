package org.crm4j.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.crm4j.AccessDeniedException;
import org.crm4j.access.Actor;
import org.crm4j.common.ExternalRef;
import org.crm4j.customer.ContactId;
import org.crm4j.customer.Criteria;
import org.crm4j.customer.Customer;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.CustomerQuery;
import org.crm4j.customer.CustomerSummary;
import org.crm4j.customer.Customers;
import org.crm4j.customer.NewContact;
import org.crm4j.customer.NewCustomer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Need-to-know (R28) as a matrix: owner / superior / superior's superior / peer / outsider /
 * admin × every read and write path. The customer belongs to sam.
 */
abstract class NeedToKnowContract extends ContractBase {

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

    /** A path into the customer's details, as it is tried by an actor. */
    private record Path(String name, Consumer<Ctx> attempt) {
        @Override
        public String toString() {
            return name;
        }
    }

    private record Ctx(Customers customers, CustomerId customer, ContactId contact) {
    }

    static List<Path> paths() {
        return List.of(
                new Path("read: get", c -> c.customers().get(c.customer())),
                new Path("read: card", c -> c.customers().card(c.customer())),
                new Path("read: contacts", c -> c.customers().contacts(c.customer())),
                new Path("read: contact", c -> c.customers().getContact(c.contact())),
                new Path("read: notes", c -> c.customers().notes(c.customer(), 10)),
                new Path("read: owner history", c -> c.customers().ownerHistory(c.customer())),
                new Path("read: by external ref", c -> c.customers().findByExternalRef(ExternalRef.of("SAP", "42"))),
                new Path("write: add note", c -> c.customers().addNote(c.customer(), "seen at the fair")),
                new Path("write: add contact", c -> c.customers().addContact(c.customer(), NewContact.named("Max"))),
                new Path("write: save contact", c -> c.customers().saveContact(
                        c.customers().getContact(c.contact()).changeJobTitle("Buyer"))),
                new Path("write: rename", c -> c.customers().save(c.customers().get(c.customer()).rename("ACME 2"))),
                new Path("write: archive", c -> c.customers().save(c.customers().get(c.customer()).archive())),
                new Path("write: reassign", c -> c.customers().save(c.customers().get(c.customer()).assignOwner("mia"))));
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
        Ctx ctx = new Ctx(customersOf(ACTORS.get(actorId)), acme.id(), eva);

        if (MAY_OPEN.get(actorId)) {
            assertThatCode(() -> path.attempt().accept(ctx)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> path.attempt().accept(ctx)).isInstanceOfSatisfying(AccessDeniedException.class,
                    e -> assertThat(e.actorId()).isEqualTo(actorId));
            Customer unchanged = customersOf(SAM).get(acme.id());
            assertThat(unchanged.name()).isEqualTo("ACME");
            assertThat(unchanged.version()).isZero();
            assertThat(customersOf(SAM).notes(acme.id(), 10)).isEmpty();
            assertThat(customersOf(SAM).contacts(acme.id())).hasSize(1);
        }
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
