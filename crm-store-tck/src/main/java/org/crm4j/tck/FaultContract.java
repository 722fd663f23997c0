package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.crm4j.CrmException;
import org.crm4j.activity.NewActivity;
import org.crm4j.campaign.Campaign;
import org.crm4j.campaign.CampaignGoal;
import org.crm4j.campaign.NewCampaign;
import org.crm4j.common.Money;
import org.crm4j.customer.Customer;
import org.crm4j.customer.ContactChannel;
import org.crm4j.customer.NewContact;
import org.crm4j.customer.NewCustomer;
import org.crm4j.customer.Purpose;
import org.crm4j.event.EventTypes;
import org.crm4j.mailing.Audience;
import org.crm4j.mailing.Mailing;
import org.crm4j.mailing.MailingReport;
import org.crm4j.mailing.MailingStatus;
import org.crm4j.mailing.NewMailing;
import org.crm4j.notify.MailMessage;
import org.crm4j.imports.ImportContact;
import org.crm4j.imports.ImportOptions;
import org.crm4j.imports.ImportReport;
import org.crm4j.imports.ImportRow;
import org.crm4j.lead.Conversion;
import org.crm4j.lead.Lead;
import org.crm4j.lead.NewLead;
import org.crm4j.lead.Prospect;
import org.crm4j.notify.DueNotice;
import org.crm4j.notify.NoticeTemplate;
import org.crm4j.pipeline.NewOffer;
import org.crm4j.pipeline.NewOpportunity;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Offer;
import org.crm4j.pipeline.OfferLine;
import org.crm4j.pipeline.Opportunity;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.SalesOrder;
import org.crm4j.pipeline.Stage;
import org.crm4j.plugin.NoticeRule;
import org.crm4j.plugin.NoticeRuleContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults in the middle of the work: for each step of an operation (every statement prepared or
 * run, and the commit), a run in which that step fails as a dropped connection does. After each
 * failed run nothing of it is in the database (every crm4j table, row for row, as before); the
 * next run, without the fault, succeeds. Adapters without SQL skip it.
 */
public abstract class FaultContract extends ContractBase {
    private static final LocalDate JUNE_30 = LocalDate.of(2026, 6, 30);
    private Pipeline pipeline;

    /** No check of the caches' versions in the middle of an operation: it would take the fault and go on. */
    @Override
    protected org.crm4j.Crm.Builder configure(org.crm4j.Crm.Builder builder) {
        return builder.cacheSync(Duration.ofHours(1)).templateEngine(new StrictTestTemplates()).mailSender(mail);
    }

    private final RecordingMailSender mail = new RecordingMailSender();

    @BeforeEach
    void pipeline() {
        assumeThat(fixture().counter()).as("faults are injected into the store's SQL").isNotNull();
        pipeline = as(ADA).pipelines().define(NewPipeline.named("New business", "EUR")
                .stage(Stage.open("QUALIFY", "Qualify", 10)).stage(Stage.open("PROPOSAL", "Proposal", 50))
                .stage(Stage.won("WON", "Won")).stage(Stage.lost("LOST", "Lost")).wonReasons("PRICE")
                .lostReasons("PRICE"));
    }

    // ---- the harness

    /** @return every crm4j table's rows, as text, sorted */
    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection c = fixture().counter().dataSource().getConnection(); Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables"
                    + " where table_schema = current_schema()")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String lower = name.toLowerCase(java.util.Locale.ROOT);
                    if (lower.startsWith("crm_") && !lower.startsWith("crm_schema_")) {
                        names.add(name);
                    }
                }
            }
            for (String name : names) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select * from " + name)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.append(rs.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                tables.put(name.toLowerCase(java.util.Locale.ROOT), rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the tables", e);
        }
        return tables;
    }

    /**
     * Runs the operation with its first step failing, then its second, and so on, until it runs
     * through without reaching the fault; checks after each failed run that the tables are as before.
     *
     * @return how many steps the operation has (each was failed once)
     */
    private int failEachStep(String what, Supplier<?> operation) {
        CountingDataSource db = fixture().counter();
        Map<String, List<String>> before = snapshot();
        for (int step = 1; step <= 500; step++) {
            long injected = db.faultsInjected();
            db.failStep(step);
            try {
                operation.get();
                db.clearFaults();
                if (db.faultsInjected() == injected) {
                    org.slf4j.LoggerFactory.getLogger(FaultContract.class).info(
                            "{} on {}: {} steps, each failed once, nothing written, then it ran through", what,
                            fixture().name(), step - 1);
                    return step - 1;   // ran through: the retry after the last failing step
                }
                throw new AssertionError(what + ": the operation succeeded although step " + step + " failed");
            } catch (CrmException e) {
                db.clearFaults();
                assertThat(db.faultsInjected()).as("%s failed at step %d by the injected fault: %s", what, step,
                        e.getMessage()).isEqualTo(injected + 1);
                assertOnlyCrm4j(e);
                assertThat(snapshot()).as("%s, step %d failed: nothing of it is written", what, step)
                        .isEqualTo(before);
            }
        }
        throw new AssertionError(what + " did not run through in 500 steps");
    }

    /**
     * Runs the operation once with its {@code step}-th step failing: when the fault hit, nothing of
     * it is written and the run without the fault succeeds.
     *
     * @return whether the fault hit (false: the operation has fewer steps and ran through)
     */
    private boolean failOnce(String what, int step, Supplier<?> operation) {
        CountingDataSource db = fixture().counter();
        Map<String, List<String>> before = snapshot();
        long injected = db.faultsInjected();
        db.failStep(step);
        try {
            operation.get();
            db.clearFaults();
            assertThat(db.faultsInjected()).as("%s ran through: step %d was beyond its steps", what, step)
                    .isEqualTo(injected);
            return false;
        } catch (CrmException e) {
            db.clearFaults();
            assertThat(db.faultsInjected()).as("%s failed at step %d by the injected fault: %s", what, step,
                    e.getMessage()).isEqualTo(injected + 1);
            assertOnlyCrm4j(e);
            assertThat(snapshot()).as("%s, step %d failed: nothing of it is written", what, step).isEqualTo(before);
            operation.get();
            return true;
        }
    }

    /**
     * Rounds of faults at random: each round picks an operation (hand-over, lead conversion, an
     * import batch, a mailing's send) and a step, and fails it there once; every run is whole or
     * nothing, and the retry succeeds. {@code crm4j.faults.randomRounds} (default 4; the soak
     * profile runs hundreds) and {@code crm4j.faults.seed} (default: the time) choose them.
     */
    @Test
    void faultsAtRandom_inRounds_leaveEveryRunWholeOrNothing_andTheRetrySucceeds() {
        int rounds = Integer.getInteger("crm4j.faults.randomRounds", 4);
        long seed = Long.getLong("crm4j.faults.seed", System.nanoTime());
        java.util.Random random = new java.util.Random(seed);
        Campaign campaign = as(MIA).campaigns().define(NewCampaign.named("Search ads", CampaignGoal.NEW_CUSTOMERS,
                "EUR").period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31)));
        Customer acme = customersOf(SAM).create(NewCustomer.company("ACME").tags("mailing"));
        Customer globex = customersOf(SAM).create(NewCustomer.company("Globex").tags("mailing"));
        mailed = List.of(acme, globex);
        consenting(acme, "Person A1", "a1@acme.example");
        consenting(acme, "Person A2", "a2@acme.example");
        consenting(globex, "Person G1", "g1@globex.example");
        Map<String, int[]> tally = new TreeMap<>();   // operation -> {runs, faults that hit}
        long began = System.nanoTime();
        for (int round = 1; round <= rounds; round++) {
            String name = "R" + round;
            boolean hit;
            String what;
            switch (random.nextInt(4)) {
                case 0 -> {
                    what = "hand-over";
                    Customer c = companyOf(SAM, name);
                    as(SAM).opportunities().open(NewOpportunity.on(c.id(), "CNC", pipeline.id())
                            .expectedClose(JUNE_30));
                    hit = failOnce(what, 1 + random.nextInt(20), () -> customersOf(MIA).save(customersOf(MIA)
                            .get(c.id()).assignOwner("pia")));
                    assertThat(customersOf(PIA).get(c.id()).ownerId()).isEqualTo("pia");
                }
                case 1 -> {
                    what = "lead conversion";
                    Lead lead = as(SAM).leads().open(NewLead.inbound(Prospect.company("Initech " + name)
                            .withPerson("Bill Lumbergh").withEmail("bill-" + round + "@initech.example"))
                            .campaign(campaign.id()));
                    as(SAM).leads().recordContact(lead.id(), "Called, wants a demo");
                    as(SAM).leads().save(as(SAM).leads().get(lead.id()).qualify());
                    hit = failOnce(what, 1 + random.nextInt(20), () -> as(SAM).leads().convert(lead.id(),
                            Conversion.into(pipeline.id(), "CRM for Initech").amount(Money.of("24000.00", "EUR"))
                                    .expectedClose(JUNE_30)));
                    assertThat(as(SAM).leads().get(lead.id()).customerId()).isPresent();
                }
                case 2 -> {
                    what = "import of one batch";
                    List<ImportRow> rows = IntStream.range(0, 10).mapToObj(i -> ImportRow.of("ERP", name + "-K" + i)
                            .company("Customer " + name + "-" + i).contact(ImportContact.named("Person " + i))).toList();
                    hit = failOnce(what, 1 + random.nextInt(20), () -> as(ADA).imports().customers(rows,
                            ImportOptions.defaults().batchSize(10)));
                    assertThat(as(ADA).imports().customers(rows, ImportOptions.defaults().batchSize(10)).unchanged())
                            .isEqualTo(10);
                }
                default -> {
                    what = "mailing send";
                    Mailing m = as(SAM).mailings().create(NewMailing.of("Spring " + name,
                            Audience.segment(org.crm4j.customer.Criteria.tagged("mailing"))).purpose(Purpose.MARKETING)
                            .subject("Spring at {{customer.name}}").text("Dear {{contact.firstName}}, our offer."));
                    int step = 1 + random.nextInt(60);
                    CountingDataSource db = fixture().counter();
                    long injected = db.faultsInjected();
                    db.failStep(step);
                    try {
                        as(SAM).mailings().send(m.id());
                    } catch (CrmException e) {
                        assertThat(db.faultsInjected()).as("the send failed by the injected fault: %s",
                                e.getMessage()).isEqualTo(injected + 1);
                    } finally {
                        db.clearFaults();
                    }
                    hit = db.faultsInjected() > injected;
                    assertWholeAfterARun(m, step);
                    if (as(SAM).mailings().report(m.id()).status() != MailingStatus.COMPLETED) {
                        as(SAM).mailings().send(m.id());
                    }
                    assertEachRecipientHadItOnce(m);
                }
            }
            int[] counts = tally.computeIfAbsent(what, k -> new int[2]);
            counts[0]++;
            counts[1] += hit ? 1 : 0;
        }
        StringBuilder summary = new StringBuilder();
        tally.forEach((what, counts) -> summary.append(what).append(' ').append(counts[0]).append(" runs (")
                .append(counts[1]).append(" failed by the fault), "));
        org.slf4j.LoggerFactory.getLogger(FaultContract.class).info("faults at random on {}: {} rounds in {} ms,"
                + " seed {}: {}each whole or nothing, each retried with success", fixture().name(), rounds,
                (System.nanoTime() - began) / 1_000_000, seed, summary);
    }

    /**
     * A store failure reaches the caller as crm4j's own exception, carrying none of the persistence
     * technology's (their text holds SQL and bound values), neither as cause nor as suppressed.
     */
    static void assertOnlyCrm4j(CrmException e) {
        java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>(List.of(e));
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (seen.add(t)) {
                assertThat(t.getClass().getName()).as("%s carries %s", e.getMessage(), t).startsWith("org.crm4j.");
                if (t.getCause() != null) {
                    todo.push(t.getCause());
                }
                List.of(t.getSuppressed()).forEach(todo::push);
            }
        }
    }

    // ---- the operations

    @Test
    void handOver_ofACustomerWithOpenWork() {
        Customer acme = companyOf(SAM, "ACME");
        Opportunity deal = as(SAM).opportunities().open(NewOpportunity.on(acme.id(), "CNC", pipeline.id())
                .expectedClose(JUNE_30));
        as(SAM).activities().log(NewActivity.meeting(acme.id()).planned().at(clock.instant().plus(Duration.ofDays(2)),
                Duration.ofHours(1)));

        int steps = failEachStep("hand-over", () -> customersOf(MIA).save(customersOf(MIA).get(acme.id())
                .assignOwner("pia")));

        assertThat(steps).isPositive();
        assertThat(customersOf(PIA).get(acme.id()).ownerId()).isEqualTo("pia");
        assertThat(as(PIA).opportunities().get(deal.id()).ownerId()).isEqualTo("pia");
    }

    @Test
    void offerAcceptance_andOrderPlacement() {
        Customer acme = companyOf(SAM, "ACME");
        Opportunity deal = as(SAM).opportunities().open(NewOpportunity.on(acme.id(), "CNC", pipeline.id())
                .expectedClose(JUNE_30).amount(Money.of("5800", "EUR")));
        Offer offer = as(SAM).offers().draft(deal.id(), NewOffer.validUntil(LocalDate.of(2026, 3, 31))
                .line(OfferLine.of("CNC-40", "CNC unit", new java.math.BigDecimal("2"), Money.of("2900", "EUR"),
                        new java.math.BigDecimal("19"))));
        as(SAM).offers().save(as(SAM).offers().get(offer.id()).send());

        int accepting = failEachStep("offer acceptance", () -> as(SAM).offers().save(as(SAM).offers().get(offer.id())
                .accept("PO 4711")));
        int placing = failEachStep("order placement", () -> as(SAM).offers().placeOrder(offer.id()));

        assertThat(accepting).isPositive();
        assertThat(placing).isPositive();
        SalesOrder order = as(SAM).offers().orderOf(offer.id()).orElseThrow();
        assertThat(order.net()).isEqualTo(Money.of("5800.00", "EUR"));
    }

    @Test
    void leadConversion_ofAProspect() {
        Campaign campaign = as(MIA).campaigns().define(NewCampaign.named("Search ads", CampaignGoal.NEW_CUSTOMERS,
                "EUR").period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31)));
        Lead lead = as(SAM).leads().open(NewLead.inbound(Prospect.company("Initech").withPerson("Bill Lumbergh")
                .withEmail("bill@initech.example")).campaign(campaign.id()));
        as(SAM).leads().recordContact(lead.id(), "Called, wants a demo");
        as(SAM).leads().save(as(SAM).leads().get(lead.id()).qualify());

        int steps = failEachStep("lead conversion", () -> as(SAM).leads().convert(lead.id(),
                Conversion.into(pipeline.id(), "CRM for Initech").amount(Money.of("24000.00", "EUR"))
                        .expectedClose(JUNE_30)));

        assertThat(steps).isPositive();
        Lead converted = as(SAM).leads().get(lead.id());
        assertThat(converted.customerId()).isPresent();
        assertThat(customersOf(SAM).get(converted.customerId().orElseThrow()).name()).isEqualTo("Initech");
    }

    @Test
    void importOfOneBatch() {
        List<ImportRow> rows = IntStream.range(0, 20).mapToObj(i -> ImportRow.of("ERP", "K" + i)
                .company("Customer " + i).contact(ImportContact.named("Person " + i))).toList();

        int steps = failEachStep("import of one batch", () -> as(ADA).imports().customers(rows,
                ImportOptions.defaults().batchSize(20)));

        assertThat(steps).isPositive();
        ImportReport again = as(ADA).imports().customers(rows, ImportOptions.defaults().batchSize(20));
        assertThat(again.unchanged()).isEqualTo(20);
    }

    @Test
    void mailingSend_failingAtEachStep_isResumed_andEveryRecipientGetsTheMailOnce() {
        Customer acme = companyOf(SAM, "ACME");
        Customer globex = companyOf(SAM, "Globex");
        mailed = List.of(acme, globex);
        consenting(acme, "Person A1", "a1@acme.example");
        consenting(acme, "Person A2", "a2@acme.example");
        consenting(globex, "Person G1", "g1@globex.example");
        customersOf(SAM).addContact(globex.id(), NewContact.named("No consent")
                .channel(ContactChannel.email("nc@globex.example")));
        CountingDataSource db = fixture().counter();

        int failedRuns = 0;
        for (int step = 1; step <= 500; step++) {
            Mailing m = as(SAM).mailings().create(NewMailing.of("Spring " + step, Audience.segment(null))
                    .purpose(Purpose.MARKETING).subject("Spring at {{customer.name}}")
                    .text("Dear {{contact.firstName}}, our spring offer."));
            long injected = db.faultsInjected();
            db.failStep(step);
            MailingReport first = null;
            try {
                first = as(SAM).mailings().send(m.id());
            } catch (CrmException e) {
                assertThat(db.faultsInjected()).as("step %d: the run failed by the injected fault: %s", step,
                        e.getMessage()).isEqualTo(injected + 1);
                assertOnlyCrm4j(e);
            } finally {
                db.clearFaults();
            }
            boolean faulted = db.faultsInjected() > injected;
            assertWholeAfterARun(m, step);
            if (!faulted) {
                assertThat(first.status()).isEqualTo(MailingStatus.COMPLETED);
                assertEachRecipientHadItOnce(m);
                assertThat(failedRuns).isPositive();
                org.slf4j.LoggerFactory.getLogger(FaultContract.class).info("mailing send on {}: {} steps, each"
                        + " failed once, each run whole, resumed, every recipient had the mail once; then it ran"
                        + " through", fixture().name(), step - 1);
                return;
            }
            failedRuns++;
            MailingReport retry = first != null && first.status() == MailingStatus.COMPLETED ? first
                    : as(SAM).mailings().send(m.id());
            assertThat(retry.status()).as("step %d failed, then the send without the fault", step)
                    .isEqualTo(MailingStatus.COMPLETED);
            assertThat(retry.sent()).isEqualTo(3);
            assertThat(retry.skippedTotal()).isEqualTo(1);
            assertEachRecipientHadItOnce(m);
        }
        throw new AssertionError("the mailing's send did not run through in 500 steps");
    }

    /** The customers the mailing goes to. */
    private List<Customer> mailed;

    private void consenting(Customer customer, String name, String email) {
        org.crm4j.customer.ContactPerson p = customersOf(SAM).addContact(customer.id(), NewContact.named(name)
                .channel(ContactChannel.email(email)));
        as(SAM).consents().grant(p.id(), Purpose.MARKETING, null, "web form");
    }

    /** @return the messages of one mailing the mail sender took */
    private List<MailMessage> mailsOf(Mailing m) {
        return mail.sent().stream().filter(msg -> msg.messageId().startsWith("mailing-" + m.id() + "-")).toList();
    }

    /** @return the e-mail activities one mailing recorded on the customers' histories */
    private long activitiesOf(Mailing m) {
        return mailed.stream().flatMap(c -> as(SAM).activities().ofCustomer(c.id(), null, 500).items().stream())
                .filter(a -> a.outcome().orElse("").contains("(" + m.id() + "): ")).count();
    }

    /**
     * What a run left, failed or not, is whole: every message the sender took is recorded as sent
     * with its e-mail activity and event, nothing is recorded that was not taken, and no recipient
     * stays claimed by the run.
     */
    private void assertWholeAfterARun(Mailing m, int step) {
        MailingReport report = as(SAM).mailings().report(m.id());
        long handedOff = mailsOf(m).size();
        assertThat(report.sent()).as("step %d failed: recipients recorded as sent = messages handed off", step)
                .isEqualTo(handedOff);
        assertThat(activitiesOf(m)).as("step %d failed: one e-mail activity per message", step).isEqualTo(handedOff);
        delivered.clear();
        crm.deliverEvents();
        assertThat(delivered.stream().filter(e -> e.type().equals(EventTypes.ACTIVITY_LOGGED)
                && String.valueOf(m.id()).equals(e.get("mailing")))).as("step %d failed: one event per message", step)
                .hasSize((int) handedOff);
        assertThat(claimedRecipients(m)).as("step %d failed: no recipient stays claimed by the failed run", step)
                .isZero();
    }

    private long claimedRecipients(Mailing m) {
        try (Connection c = fixture().counter().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from crm_mailing_recipient where mailing_id = "
                        + m.id().value() + " and status = 'CLAIMED'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the claimed recipients", e);
        }
    }

    private void assertEachRecipientHadItOnce(Mailing m) {
        assertThat(mailsOf(m)).extracting(MailMessage::to).containsExactlyInAnyOrder("a1@acme.example",
                "a2@acme.example", "g1@globex.example");
        assertThat(activitiesOf(m)).isEqualTo(3);
        assertThat(as(SAM).mailings().report(m.id()).sent()).isEqualTo(3);
        assertThatThrownBy(() -> as(SAM).mailings().send(m.id())).isInstanceOf(org.crm4j.ValidationException.class);
    }

    @Test
    void dueWork_failingAtEachStep_thenRunAgain_deliversEveryNoticeOnce() {
        crm.close();
        NoticeRule rule = new NoticeRule() {
            @Override
            public String id() {
                return "test.faults";
            }

            @Override
            public String kind() {
                return "faults";
            }

            @Override
            public Set<String> placeholders() {
                return Set.of();
            }

            @Override
            public NoticeTemplate defaultTemplate() {
                return NoticeTemplate.of("faults", "for {{recipient}}");
            }

            @Override
            public List<DueNotice> due(NoticeRuleContext context) {
                return List.of(new DueNotice("faults:1", "faults", "sam", null, Map.of()),
                        new DueNotice("faults:2", "faults", "pia", null, Map.of()));
            }
        };
        crm = fixture().sameStore(org.crm4j.Crm.builder()).userDirectory(directory).userCacheTtl(Duration.ZERO)
                .clock(clock).discoverPlugins(false).noticeRule(rule).cacheSync(Duration.ofHours(1)).build();
        CountingDataSource db = fixture().counter();
        int failed = 0;
        for (int step = 1; step <= 300; step++) {
            long injected = db.faultsInjected();
            db.failStep(step);
            try {
                crm.runDueWork();   // its steps are guarded: a fault shows in the count of injected faults
            } finally {
                db.clearFaults();
            }
            if (db.faultsInjected() == injected) {
                break;   // ran through
            }
            failed++;
            clock.advance(Duration.ofMinutes(10));   // past the lease and the retry delay of what failed
        }
        clock.advance(Duration.ofMinutes(10));
        crm.runDueWork();

        assertThat(failed).isPositive();
        org.slf4j.LoggerFactory.getLogger(FaultContract.class).info(
                "due work on {}: failed at each of {} steps, then ran through", fixture().name(), failed);
        assertThat(crm.as(SAM).inbox().list(null, 50).items()).as("sam's notice, once").hasSize(1);
        assertThat(crm.as(PIA).inbox().list(null, 50).items()).as("pia's notice, once").hasSize(1);
    }
}
