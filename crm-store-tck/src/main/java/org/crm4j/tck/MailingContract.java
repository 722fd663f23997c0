package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.Crm;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.access.Actor;
import org.crm4j.activity.Activity;
import org.crm4j.activity.ActivityStatus;
import org.crm4j.activity.ActivityType;
import org.crm4j.customer.ContactChannel;
import org.crm4j.customer.ContactPerson;
import org.crm4j.customer.Criteria;
import org.crm4j.customer.Customer;
import org.crm4j.customer.NewContact;
import org.crm4j.customer.NewCustomer;
import org.crm4j.customer.Purpose;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.mailing.Audience;
import org.crm4j.mailing.Mailing;
import org.crm4j.mailing.MailingReport;
import org.crm4j.mailing.MailingStatus;
import org.crm4j.mailing.Mailings;
import org.crm4j.mailing.NewMailing;
import org.crm4j.mailing.SkipReason;
import org.crm4j.notify.MailMessage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Mailings (R16): consent filtering with counted reasons, strict templates refused at create,
 * segments the actor may not see, sending that resumes after the mail sender failed, two
 * concurrent senders that send to everyone once, e-mails on the customer's history, employees,
 * the statuses, and batching of a large audience.
 */
public abstract class MailingContract extends ContractBase {
    protected final RecordingMailSender mail = new RecordingMailSender();

    @Override
    protected Crm.Builder configure(Crm.Builder builder) {
        return builder.templateEngine(new StrictTestTemplates()).mailSender(mail);
    }

    private Mailings mailings(Actor actor) {
        return as(actor).mailings();
    }

    private List<DomainEvent> deliveredOf(String type) {
        crm.deliverEvents();
        return delivered.stream().filter(e -> e.type().equals(type)).toList();
    }

    private ContactPerson contact(Actor owner, Customer customer, String name, String email) {
        NewContact c = NewContact.named(name);
        if (email != null) {
            c = c.channel(ContactChannel.email(email));
        }
        return customersOf(owner).addContact(customer.id(), c);
    }

    private ContactPerson consenting(Actor owner, Customer customer, String name, String email) {
        ContactPerson p = contact(owner, customer, name, email);
        as(owner).consents().grant(p.id(), Purpose.MARKETING, null, "web form");
        return p;
    }

    private static NewMailing spring(Audience audience) {
        return NewMailing.of("Spring offer", audience).purpose(Purpose.MARKETING)
                .subject("Spring at {{customer.name}}")
                .text("Dear {{contact.firstName}},\nour spring offer.\n{{sender.name}}")
                .html("<p>Dear {{contact.name}}</p>");
    }

    /** Customers tagged {@code bulk}, each with contacts of whom the first {@code consentingEach} consented. */
    private List<Customer> bulkCustomers(Actor owner, int customers, int contactsEach, int consentingEach) {
        List<Customer> made = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            Customer c = customersOf(owner).create(NewCustomer.company(String.format("Bulk %04d", i)).tags("bulk"));
            for (int j = 0; j < contactsEach; j++) {
                String name = "Person " + i + "-" + j;
                String email = "p" + i + "-" + j + "@example.com";
                if (j < consentingEach) {
                    consenting(owner, c, name, email);
                } else {
                    contact(owner, c, name, email);
                }
            }
            made.add(c);
        }
        return made;
    }

    // ---- consent filtering

    @Test
    void send_goesOnlyToContactsWithConsent_andCountsEverySkipByReason() {
        Customer acme = companyOf(SAM, "ACME");
        ContactPerson yes = consenting(SAM, acme, "Wile Coyote", "wile@acme.example");
        ContactPerson otherPurpose = contact(SAM, acme, "Road Runner", "road@acme.example");
        as(SAM).consents().grant(otherPurpose.id(), Purpose.SERVICE, null, "contract");
        ContactPerson withdrew = consenting(SAM, acme, "Bugs Bunny", "bugs@acme.example");
        as(SAM).consents().withdraw(withdrew.id(), Purpose.MARKETING, "reply");
        ContactPerson unsubscribed = consenting(SAM, acme, "Daffy Duck", "daffy@acme.example");
        as(SAM).consents().unsubscribe(unsubscribed.id(), "unsubscribe link");
        contact(SAM, acme, "Elmer Fudd", "elmer@acme.example");
        consenting(SAM, acme, "Porky Pig", null);

        Mailing m = mailings(SAM).create(spring(Audience.segment(null)));
        List<MailingReport> progress = new CopyOnWriteArrayList<>();
        MailingReport report = mailings(SAM).send(m.id(), progress::add);

        assertThat(report.status()).isEqualTo(MailingStatus.COMPLETED);
        assertThat(report.audience()).isEqualTo(6);
        assertThat(report.sent()).isEqualTo(1);
        assertThat(report.pending()).isZero();
        assertThat(report.failed()).isZero();
        assertThat(report.skipped()).containsExactlyInAnyOrderEntriesOf(Map.of(SkipReason.NO_CONSENT, 2L,
                SkipReason.CONSENT_WITHDRAWN, 1L, SkipReason.UNSUBSCRIBED, 1L, SkipReason.NO_EMAIL, 1L));
        assertThat(mailings(SAM).report(m.id())).isEqualTo(report);
        assertThat(mail.sent()).singleElement().satisfies(msg -> {
            assertThat(msg.to()).isEqualTo("wile@acme.example");
            assertThat(msg.toName()).isEqualTo("Wile Coyote");
            assertThat(msg.subject()).isEqualTo("Spring at ACME");
            assertThat(msg.text()).isEqualTo("Dear Wile,\nour spring offer.\nsam");
            assertThat(msg.html()).isEqualTo("<p>Dear Wile Coyote</p>");
            assertThat(msg.messageId()).isEqualTo("mailing-" + m.id() + "-c" + yes.id() + "@crm4j");
        });
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1).sent()).isEqualTo(1);
        assertThat(deliveredOf(EventTypes.MAILING_COMPLETED)).singleElement().satisfies(e -> assertThat(e.data())
                .containsEntry("sent", "1").containsEntry("skipped", "5").containsEntry("skipped.NO_CONSENT", "2"));
        assertThat(deliveredOf(EventTypes.MAILING_PROGRESS)).last().satisfies(e -> assertThat(e.data())
                .containsEntry("sent", "1").containsEntry("pending", "0").containsEntry("failed", "0"));
        assertThat(deliveredOf(EventTypes.MAILING_STARTED)).hasSize(1);
    }

    // ---- bad input

    @Test
    void create_refusesAnUnknownPlaceholder_namingIt_withEveryOtherViolation() {
        NewMailing bad = NewMailing.of(" ", Audience.segment(null)).purpose(Purpose.MARKETING)
                .subject("Hello {{contact.fistName}}").text("Body for {{customer.name}}")
                .html("<p>{{customer.vatId}}</p>").unsubscribeLink("https://example.com/u?c={contactId}");

        assertThatThrownBy(() -> mailings(SAM).create(bad)).isInstanceOfSatisfying(ValidationException.class,
                e -> {
                    assertThat(e.violations()).extracting(Violation::field, Violation::rule)
                            .containsExactlyInAnyOrder(tuple("name", "NotBlank"),
                                    tuple("subject", "UnknownPlaceholder"), tuple("html", "UnknownPlaceholder"));
                    assertThat(e.violations()).filteredOn(v -> v.field().equals("subject")).singleElement()
                            .satisfies(v -> assertThat(v.message()).contains("contact.fistName"));
                });
        NewMailing toEmployees = NewMailing.of("Team news", Audience.employees("sam", "nobody"))
                .subject("For {{customer.name}}").text("{{recipient.firstName}}, {{unsubscribeUrl}}");
        assertThatThrownBy(() -> mailings(MIA).create(toEmployees)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::field, Violation::rule)
                        .containsExactlyInAnyOrder(tuple("audience.userIds[1]", "KnownUser"),
                                tuple("subject", "UnknownPlaceholder"), tuple("text", "UnknownPlaceholder")));
        NewMailing unclosed = NewMailing.of("No purpose", Audience.segment(null)).subject("Hi {{contact.name")
                .text(" ");
        assertThatThrownBy(() -> mailings(SAM).create(unclosed)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::field, Violation::rule)
                        .containsExactlyInAnyOrder(tuple("purpose", "NotNull"), tuple("subject", "TemplateSyntax"),
                                tuple("text", "NotBlank")));
        assertThat(deliveredOf(EventTypes.MAILING_CREATED)).isEmpty();

        Mailing ok = mailings(SAM).create(spring(Audience.segment(null))
                .text("Bye: {{unsubscribeUrl}}").unsubscribeLink("https://example.com/u?c={contactId}"));
        assertThat(ok.status()).isEqualTo(MailingStatus.DRAFT);
        assertThat(deliveredOf(EventTypes.MAILING_CREATED)).hasSize(1);
    }

    @Test
    void aSegmentTheActorMayNotSee_isRefused_andEverySegmentIsEvaluatedWithTheOwnersNeedToKnow() {
        Customer sams = companyOf(SAM, "Sam's");
        Customer pias = companyOf(PIA, "Pia's");
        consenting(SAM, sams, "Sam Contact", "s@example.com");
        consenting(PIA, pias, "Pia Contact", "p@example.com");

        assertThatThrownBy(() -> mailings(SAM).create(spring(Audience.segment(Criteria.ownedBy("pia")))))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("pia");
        assertThatThrownBy(() -> mailings(SAM).create(spring(Audience.segment(Criteria.or(Criteria.tagged("x"),
                Criteria.not(Criteria.eq(org.crm4j.customer.CustomerField.OWNER, "otto")))))))
                .isInstanceOf(AccessDeniedException.class);

        Mailing all = mailings(SAM).create(spring(Audience.segment(Criteria.nameContains("'s"))));
        assertThat(mailings(SAM).send(all.id()).sent()).isEqualTo(1);
        assertThat(mail.sent()).extracting(MailMessage::to).containsExactly("s@example.com");

        Mailing team = mailings(MIA).create(spring(Audience.segment(Criteria.ownedBy("sam", "pia"))));
        assertThatThrownBy(() -> mailings(PIA).send(team.id())).isInstanceOf(AccessDeniedException.class);
        // Mia's superior sends Mia's mailing: the segment is still Mia's, not Carl's
        assertThat(mailings(CARL).send(team.id()).sent()).isEqualTo(2);
    }

    // ---- resumable

    @Test
    void send_afterTheSenderFailedOnTheSeventh_sendsTheRest_andNobodyTwice() {
        Customer acme = companyOf(SAM, "ACME");
        for (int i = 1; i <= 10; i++) {
            consenting(SAM, acme, "Person " + i, "p" + i + "@acme.example");
        }
        Mailing m = mailings(SAM).create(spring(Audience.segment(null)));
        mail.failOnCall(7);

        MailingReport first = mailings(SAM).send(m.id());

        assertThat(first.status()).isEqualTo(MailingStatus.PAUSED);
        assertThat(first.sent()).isEqualTo(6);
        assertThat(first.failed()).isEqualTo(1);
        assertThat(first.pending()).isEqualTo(3);
        assertThat(first.lastError()).contains("421");
        assertThat(mail.sent()).hasSize(6);
        assertThat(as(SAM).activities().ofCustomer(acme.id(), null, 50).items()).hasSize(6);
        assertThat(deliveredOf(EventTypes.MAILING_PAUSED)).hasSize(1);

        MailingReport second = mailings(SAM).send(m.id());

        assertThat(second.status()).isEqualTo(MailingStatus.COMPLETED);
        assertThat(second.sent()).isEqualTo(10);
        assertThat(second.failed()).isZero();
        assertThat(second.lastError()).isNull();
        assertThat(mail.sent()).hasSize(10).extracting(MailMessage::to).doesNotHaveDuplicates();
        assertThat(mail.sent()).extracting(MailMessage::messageId).doesNotHaveDuplicates();
        assertThat(as(SAM).activities().ofCustomer(acme.id(), null, 50).items()).hasSize(10);
        assertThatThrownBy(() -> mailings(SAM).send(m.id())).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::rule).containsExactly("NotCompleted"));
        assertThat(mail.sent()).hasSize(10);
        assertThat(deliveredOf(EventTypes.MAILING_COMPLETED)).hasSize(1);
    }

    // ---- concurrency

    @Test
    void twoConcurrentSenders_sendToEveryRecipientOnce() throws Exception {
        bulkCustomers(SAM, 80, 2, 2);
        Mailing m = mailings(SAM).create(spring(Audience.segment(Criteria.tagged("bulk"))));
        CountingDataSource counter = fixture().counter();
        Crm other = counter == null ? crm : Crm.builder().store("jpa").dataSource(counter.dataSource())
                .userDirectory(directory).userCacheTtl(Duration.ZERO).clock(clock).discoverPlugins(false)
                .templateEngine(new StrictTestTemplates()).mailSender(mail).build();
        try {
            List<String> outcomes = inParallel(() -> mailings(SAM).send(m.id()),
                    () -> other.as(SAM).mailings().send(m.id()));
            // a sender that starts after the other finished the whole mailing is refused (NotCompleted)
            assertThat(outcomes).contains("done").allMatch(o -> o.equals("done") || o.equals("refused"));
        } finally {
            if (other != crm) {
                other.close();
            }
        }

        assertThat(mail.sent()).hasSize(160).extracting(MailMessage::messageId).doesNotHaveDuplicates();
        MailingReport report = mailings(SAM).report(m.id());
        assertThat(report.status()).isEqualTo(MailingStatus.COMPLETED);
        assertThat(report.sent()).isEqualTo(160);
        assertThat(report.audience()).isEqualTo(160);
        assertThat(deliveredOf(EventTypes.MAILING_COMPLETED)).hasSize(1);
        assertThat(deliveredOf(EventTypes.ACTIVITY_LOGGED)).hasSize(160);
    }

    // ---- history

    @Test
    void eachSentMessage_isADoneEmailActivityOnTheCustomersHistory_refusedToWhoMayNotOpenTheCustomer() {
        Customer acme = companyOf(SAM, "ACME");
        ContactPerson wile = consenting(SAM, acme, "Wile Coyote", "wile@acme.example");
        Mailing m = mailings(MIA).create(spring(Audience.segment(Criteria.ownedBy("sam"))));

        mailings(MIA).send(m.id());

        List<Activity> activities = as(SAM).activities().ofCustomer(acme.id(), null, 10).items();
        assertThat(activities).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(ActivityType.EMAIL);
            assertThat(a.status()).isEqualTo(ActivityStatus.DONE);
            assertThat(a.ownerId()).isEqualTo("sam");
            assertThat(a.createdBy()).isEqualTo("mia");
            assertThat(a.participants()).containsExactly(wile.id());
            assertThat(a.startsAt()).isEqualTo(clock.instant());
            assertThat(a.outcome()).get().asString().contains("Spring offer").contains("Spring at ACME");
        });
        assertThat(customersOf(SAM).card(acme.id()).latestHistory()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(EventTypes.ACTIVITY_LOGGED);
            assertThat(e.data()).containsEntry("type", "EMAIL").containsEntry("mailing", m.id().toString());
        });
        assertThatThrownBy(() -> as(PIA).activities().ofCustomer(acme.id(), null, 10))
                .isInstanceOf(AccessDeniedException.class);
    }

    // ---- employees

    @Test
    void employees_needNoConsent_andAreNeverRecordedAsCustomerActivities() {
        directory.email("sam", "sam@crm.example").email("pia", "pia@crm.example");
        directory.add("leo", "mia");
        Customer acme = companyOf(SAM, "ACME");
        Mailing m = mailings(CARL).create(NewMailing.of("Team meeting", Audience.teamOf("mia"))
                .subject("Meeting, {{recipient.firstName}}").text("Hi {{recipient.name}}, {{sender.name}} here."));

        MailingReport report = mailings(CARL).send(m.id());

        assertThat(report.status()).isEqualTo(MailingStatus.COMPLETED);
        assertThat(report.sent()).isEqualTo(2);
        assertThat(report.skipped(SkipReason.NO_EMAIL)).isEqualTo(1);
        assertThat(mail.sent()).extracting(MailMessage::to, MailMessage::subject).containsExactlyInAnyOrder(
                tuple("sam@crm.example", "Meeting, sam"), tuple("pia@crm.example", "Meeting, pia"));
        assertThat(as(ADA).activities().ofCustomer(acme.id(), null, 10).items()).isEmpty();
        assertThat(deliveredOf(EventTypes.ACTIVITY_LOGGED)).isEmpty();
        assertThat(mailings(ADA).get(m.id()).purpose()).isNull();
        // a mailing is its owner's: Mia is on the audience, not above Carl
        assertThatThrownBy(() -> mailings(MIA).get(m.id())).isInstanceOf(AccessDeniedException.class);
    }

    // ---- statuses

    @Test
    void onlyDraftsAreEdited() {
        Customer acme = companyOf(SAM, "ACME");
        consenting(SAM, acme, "Wile Coyote", "wile@acme.example");
        Mailing draft = mailings(SAM).create(spring(Audience.segment(null)));

        Mailing edited = mailings(SAM).edit(draft.id(), draft.version(), spring(Audience.segment(null))
                .subject("Summer at {{customer.name}}"));
        assertThat(edited.subject()).isEqualTo("Summer at {{customer.name}}");
        assertThat(edited.version()).isEqualTo(draft.version() + 1);
        assertThatThrownBy(() -> mailings(SAM).edit(draft.id(), draft.version(), spring(Audience.segment(null))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> mailings(SAM).edit(draft.id(), edited.version(), spring(Audience.segment(null))
                .subject("{{nope}}"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> mailings(PIA).get(draft.id())).isInstanceOf(AccessDeniedException.class);

        mailings(SAM).send(draft.id());
        Mailing sent = mailings(SAM).get(draft.id());
        assertThat(sent.status()).isEqualTo(MailingStatus.COMPLETED);
        assertThat(sent.completedAt()).isEqualTo(clock.instant());
        assertThat(mail.sent()).singleElement().extracting(MailMessage::subject).isEqualTo("Summer at ACME");
        assertThatThrownBy(() -> mailings(SAM).edit(draft.id(), sent.version(), spring(Audience.segment(null))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("Draft"));
    }

    // ---- batching

    @Test
    void aLargeAudience_isWrittenDownInBatches_withBoundedStatements() {
        bulkCustomers(SAM, 600, 2, 1);
        Mailing m = mailings(SAM).create(spring(Audience.segment(Criteria.tagged("bulk"))));
        CountingDataSource counter = fixture().counter();
        mail.failOnCall(1);
        List<MailingReport> progress = new CopyOnWriteArrayList<>();
        if (counter != null) {
            counter.reset();
        }

        MailingReport paused = mailings(SAM).send(m.id(), progress::add);
        long audienceStatements = counter == null ? -1 : counter.statements();

        assertThat(paused.status()).isEqualTo(MailingStatus.PAUSED);
        assertThat(paused.audience()).isEqualTo(1200);
        assertThat(paused.sent()).isZero();
        assertThat(paused.skipped(SkipReason.NO_CONSENT)).isEqualTo(600);
        // two audience batches (500 and 100 customers with their 1,200 contacts, half of whom consented)
        assertThat(progress).extracting(MailingReport::audience).containsExactly(1000L, 1200L);
        if (counter != null) {
            // per batch: the customers, their contacts with consents, the existing recipients, the
            // counts, the mailing, 2 progress-event statements and the recipients' ids and inserts
            // (pooled by 50); then starting, fixing the audience, one claim and the pause
            assertThat(audienceStatements).as("statements to write down 1,200 recipients").isLessThanOrEqualTo(80);
            org.slf4j.LoggerFactory.getLogger(getClass()).info("1,200 recipients written down in {} statements",
                    audienceStatements);
        }

        progress.clear();
        MailingReport done = mailings(SAM).send(m.id(), progress::add);

        assertThat(done.status()).isEqualTo(MailingStatus.COMPLETED);
        assertThat(done.sent()).isEqualTo(600);
        assertThat(done.skippedTotal()).isEqualTo(600);
        assertThat(progress).extracting(MailingReport::sent).containsExactly(100L, 200L, 300L, 400L, 500L, 600L);
        assertThat(mail.sent()).hasSize(600).extracting(MailMessage::messageId).doesNotHaveDuplicates();
    }
}
