package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.access.Actor;
import org.crm4j.access.InMemoryUserDirectory;
import org.crm4j.activity.Activity;
import org.crm4j.activity.InboundRequest;
import org.crm4j.activity.NewActivity;
import org.crm4j.activity.NewRequest;
import org.crm4j.activity.Request;
import org.crm4j.activity.ScheduleQuery;
import org.crm4j.campaign.Campaign;
import org.crm4j.campaign.CampaignGoal;
import org.crm4j.campaign.CostEntry;
import org.crm4j.campaign.NewCampaign;
import org.crm4j.common.Address;
import org.crm4j.common.Money;
import org.crm4j.customer.ContactPerson;
import org.crm4j.customer.Criteria;
import org.crm4j.customer.CriteriaText;
import org.crm4j.customer.Criterion;
import org.crm4j.customer.Customer;
import org.crm4j.customer.CustomerField;
import org.crm4j.customer.CustomerQuery;
import org.crm4j.customer.CustomerSort;
import org.crm4j.customer.CustomerSummary;
import org.crm4j.customer.NewCompetitorContract;
import org.crm4j.customer.NewContact;
import org.crm4j.customer.NewCustomer;
import org.crm4j.customer.Purpose;
import org.crm4j.lead.Lead;
import org.crm4j.lead.NewLead;
import org.crm4j.lead.Prospect;
import org.crm4j.mailing.Audience;
import org.crm4j.mailing.Mailing;
import org.crm4j.mailing.NewMailing;
import org.crm4j.pipeline.NewOffer;
import org.crm4j.pipeline.NewOpportunity;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.OfferLine;
import org.crm4j.pipeline.Opportunity;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.Stage;
import org.crm4j.plugin.DirectoryUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Bad input of every kind a new user tries, across the public write and search operations: each
 * is refused with a {@link ValidationException} naming the field and the rule, the same on every
 * store, and nothing is written (no event, no row: the counts read back are unchanged).
 *
 * <p>The kinds: amounts beyond what {@code numeric(19,4)} keeps (27 digits, {@code 1e400}); text
 * with U+0000 or a lone UTF-16 surrogate; text longer than its column; instants and dates outside
 * the years 1 to 9999 ({@code Instant.MIN/MAX}, {@code LocalDate.MIN/MAX}); a {@code Duration} of
 * {@code Long.MAX_VALUE} seconds; criteria too deep, too wide or with over-long values; user ids
 * and names longer than the columns that keep them; forged page tokens.
 */
public abstract class BadInputContract extends ContractBase {
    private static final String NUL = "ACME\u0000 GmbH";
    private static final String LONE = "ACME \uD800 GmbH";
    private static final String ID_101 = "u".repeat(101);
    private static final LocalDate JUNE = LocalDate.of(2026, 6, 30);

    private Pipeline pipeline;
    private Customer acme;
    private ContactPerson eva;
    private Opportunity deal;
    private Activity call;
    private Request question;
    private Campaign campaign;
    private Lead lead;
    private Mailing mailing;

    @BeforeEach
    void aSalesWorld() {
        pipeline = as(ADA).pipelines().define(NewPipeline.named("New business", "EUR")
                .stage(Stage.open("QUALIFY", "Qualify", 10))
                .stage(Stage.won("WON", "Won"))
                .stage(Stage.lost("LOST", "Lost"))
                .wonReasons("PRICE")
                .lostReasons("PRICE"));
        acme = customersOf(SAM).create(NewCustomer.company("ACME"));
        eva = customersOf(SAM).addContact(acme.id(), NewContact.named("Eva Berg"));
        deal = as(SAM).opportunities().open(NewOpportunity.on(acme.id(), "CNC units", pipeline.id())
                .expectedClose(JUNE));
        call = as(SAM).activities().log(NewActivity.call(acme.id(), org.crm4j.activity.CallDirection.OUTBOUND)
                .planned().at(Instant.parse("2026-03-03T10:00:00Z"), Duration.ofMinutes(30)));
        question = as(SAM).requests().log(NewRequest.question(acme.id(), "Price?"));
        campaign = as(MIA).campaigns().define(NewCampaign.named("Spring", CampaignGoal.NEW_CUSTOMERS, "EUR")
                .period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31)));
        lead = as(SAM).leads().open(NewLead.onCustomer(acme.id()));
        mailing = as(SAM).mailings().create(NewMailing.of("Spring news", Audience.segment(null))
                .purpose(Purpose.MARKETING).subject("News").text("Dear {{contact.name}}"));
        crm.deliverEvents();
    }

    // ---------------------------------------------------------------- customers and contacts

    @TestFactory
    Stream<DynamicTest> customers_refuseBadInput() {
        return Stream.of(
                refused("a name with U+0000", "name", "Text", () -> customersOf(SAM).create(NewCustomer.company(NUL))),
                refused("a name with a lone surrogate", "name", "Text",
                        () -> customersOf(SAM).create(NewCustomer.company(LONE))),
                refused("a name of 201 characters", "name", "Size",
                        () -> customersOf(SAM).create(NewCustomer.company("n".repeat(201)))),
                refused("a city with U+0000", "address.city", "Text", () -> customersOf(SAM).create(
                        NewCustomer.company("Globex").address(Address.of("Ber\u0000lin", "DE")))),
                refused("an industry with a lone surrogate", "industry", "Text",
                        () -> customersOf(SAM).create(NewCustomer.company("Globex").industry("Tools \uDC00"))),
                refused("an owner id of 101 characters", "ownerId", "Size",
                        () -> customersOf(SAM).create(NewCustomer.company("Globex").owner(ID_101))),
                refused("a rename with U+0000", "name", "Text",
                        () -> customersOf(SAM).save(customersOf(SAM).get(acme.id()).rename(NUL))),
                refused("a rename with a lone surrogate", "name", "Text",
                        () -> customersOf(SAM).save(customersOf(SAM).get(acme.id()).rename(LONE))),
                refused("a hand-over to an owner id of 101 characters", "ownerId", "Size",
                        () -> customersOf(SAM).save(customersOf(SAM).get(acme.id()).assignOwner(ID_101))),
                refused("a contact named with U+0000", "name", "Text",
                        () -> customersOf(SAM).addContact(acme.id(), NewContact.named(NUL))),
                refused("a contact's job title with a lone surrogate", "jobTitle", "Text",
                        () -> customersOf(SAM).addContact(acme.id(), NewContact.named("Tom").jobTitle(LONE))),
                refused("a contact renamed with U+0000", "name", "Text",
                        () -> customersOf(SAM).saveContact(customersOf(SAM).getContact(eva.id()).rename(NUL))),
                refused("a note with U+0000", "text", "Text", () -> customersOf(SAM).addNote(acme.id(), NUL)),
                refused("a note with a lone surrogate", "text", "Text", () -> customersOf(SAM).addNote(acme.id(), LONE)),
                refused("a note of 10,001 characters", "text", "Size",
                        () -> customersOf(SAM).addNote(acme.id(), "n".repeat(10_001))),
                refused("a competitor's contract with U+0000", "supplier", "Text", () -> customersOf(SAM)
                        .addCompetitorContract(acme.id(), NewCompetitorContract.of(NUL, JUNE))),
                refused("a competitor's contract ending on LocalDate.MAX", "endsOn", "Range", () -> customersOf(SAM)
                        .addCompetitorContract(acme.id(), NewCompetitorContract.of("Rival AG", LocalDate.MAX))),
                refused("a pipeline's stage named with U+0000", "stages[0].name", "Text", () -> as(ADA).pipelines()
                        .define(NewPipeline.named("Renewals", "EUR").stage(Stage.open("QUALIFY", NUL, 10))
                                .stage(Stage.won("WON", "Won")).stage(Stage.lost("LOST", "Lost")))),
                refused("a stage added with a lone surrogate", "name", "Text", () -> as(ADA).pipelines()
                        .addStage(pipeline.id(), Stage.open("OFFER", LONE, 50), 1)));
    }

    // ---------------------------------------------------------------- search

    @TestFactory
    Stream<DynamicTest> search_refusesBadInput() {
        return Stream.of(
                refused("a name match with U+0000", "criteria.name", "Text",
                        () -> customersOf(SAM).search(CustomerQuery.where(Criteria.nameContains("AC\u0000")))),
                refused("a city with a lone surrogate", "criteria.city", "Text",
                        () -> customersOf(SAM).search(CustomerQuery.where(Criteria.eq(CustomerField.CITY, LONE)))),
                refused("a tag with U+0000, deep in the tree", "criteria.tag", "Text",
                        () -> customersOf(SAM).search(CustomerQuery.where(nested(8, Criteria.tagged("v\u0000ip"))))),
                refused("a city longer than the column", "criteria.city", "Size",
                        () -> customersOf(SAM).search(CustomerQuery.where(Criteria.eq(CustomerField.CITY,
                                "c".repeat(101))))),
                refused("an owner id longer than the column", "criteria.owner", "Size",
                        () -> customersOf(SAM).search(CustomerQuery.where(Criteria.ownedBy(ID_101)))),
                refused("a name match longer than the column", "criteria.name", "Size",
                        () -> customersOf(SAM).search(CustomerQuery.where(Criteria.nameContains("n".repeat(201))))),
                refused("a tag longer than the column", "criteria.tag", "Size",
                        () -> customersOf(SAM).search(CustomerQuery.where(Criteria.tagged("t".repeat(51))))),
                refused("a creation time after the year 9999", "criteria.created_at", "Range",
                        () -> customersOf(SAM).search(CustomerQuery.where(Criteria.compare(CustomerField.CREATED_AT,
                                Criterion.Op.LT, Instant.MAX)))),
                refused("criteria 33 levels deep", "criteria", "Depth",
                        () -> customersOf(SAM).search(CustomerQuery.where(nested(33, Criteria.tagged("vip"))))),
                refused("criteria 10,000 levels deep", "criteria", "Depth",
                        () -> customersOf(SAM).search(CustomerQuery.where(nested(10_000, Criteria.tagged("vip"))))),
                refused("criteria of 201 parts", "criteria", "Size",
                        () -> customersOf(SAM).search(CustomerQuery.where(wide(201)))),
                refused("criteria text 10,000 levels deep", "criteria", "Depth",
                        () -> CriteriaText.parse("not(".repeat(10_000) + "tag(\"vip\")" + ")".repeat(10_000))),
                refused("a page of 501", "pageSize", "Range",
                        () -> customersOf(SAM).search(CustomerQuery.builder().pageSize(501).build())),
                refused("a page of 0", "pageSize", "Range",
                        () -> customersOf(SAM).search(CustomerQuery.builder().pageSize(0).build())),
                refused("a page token that is no token", "pageToken", "Format",
                        () -> customersOf(SAM).search(CustomerQuery.builder().pageToken("%%%").build())),
                refused("a forged page token carrying U+0000", "pageToken", "Format",
                        () -> customersOf(SAM).search(CustomerQuery.builder()
                                .pageToken(token("1", "NAME_ASC", "1", "a\u0000")).build())),
                refused("a forged activities token after the year 9999", "pageToken", "Format",
                        () -> as(SAM).activities().ofCustomer(acme.id(),
                                token("1", "ACTIVITIES", "1", "+1000000-01-01T00:00:00Z"), 10)),
                refused("a forged schedule token before the year 1", "pageToken", "Format",
                        () -> as(SAM).activities().schedule(ScheduleQuery.user("sam",
                                Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-08T00:00:00Z"))
                                .after(token("1", "SCHEDULE", "1", "-1000000-01-01T00:00:00Z")))),
                refused("a forged overdue-requests token after the year 9999", "pageToken", "Format",
                        () -> as(SAM).requests().overdue(token("1", "OVERDUE_REQUESTS", "1", "+1000000-01-01T00:00:00Z"),
                                10)),
                refused("a duplicate check with a lone surrogate", "prospect.company", "Text",
                        () -> as(SAM).leads().possibleDuplicates(Prospect.company(LONE))));
    }

    // ---------------------------------------------------------------- activities and requests

    @TestFactory
    Stream<DynamicTest> activities_refuseBadInput() {
        return Stream.of(
                refused("a start at Instant.MAX", "startsAt", "Range", () -> as(SAM).activities().log(
                        NewActivity.meeting(acme.id()).planned().at(Instant.MAX, Duration.ZERO))),
                refused("a start at Instant.MIN", "startsAt", "Range", () -> as(SAM).activities().log(
                        NewActivity.meeting(acme.id()).at(Instant.MIN, Duration.ZERO))),
                refused("a length of Long.MAX_VALUE seconds", "endsAt", "Range", () -> as(SAM).activities().log(
                        NewActivity.meeting(acme.id()).planned().at(Instant.parse("2026-03-04T10:00:00Z"),
                                Duration.ofSeconds(Long.MAX_VALUE)))),
                refused("a reminder Long.MAX_VALUE seconds before", "remindBefore", "Range", () -> as(SAM).activities().log(
                        NewActivity.meeting(acme.id()).planned().at(Instant.parse("2026-03-04T10:00:00Z"),
                                Duration.ofHours(1)).remindBefore(Duration.ofSeconds(Long.MAX_VALUE)))),
                refused("an outcome with U+0000", "outcome", "Text", () -> as(SAM).activities().log(
                        NewActivity.call(acme.id(), org.crm4j.activity.CallDirection.INBOUND).outcome(NUL))),
                refused("an owner id of 101 characters", "ownerId", "Size", () -> as(SAM).activities().log(
                        NewActivity.meeting(acme.id()).planned().at(Instant.parse("2026-03-04T10:00:00Z"),
                                Duration.ofHours(1)).owner(ID_101))),
                refused("a completion with a lone surrogate", "outcome", "Text",
                        () -> as(SAM).activities().complete(call.id(), LONE)),
                refused("a reminder at Instant.MAX", "remindAt", "Range",
                        () -> as(SAM).activities().remind(call.id(), Instant.MAX)),
                refused("a first call at Instant.MIN", "startsAt", "Range",
                        () -> as(SAM).activities().recordFirstCall(acme.id(), eva.id(), Instant.MIN, "Intro")),
                refused("a first meeting with U+0000", "outcome", "Text", () -> as(SAM).activities().recordFirstMeeting(
                        acme.id(), eva.id(), Instant.parse("2026-03-01T10:00:00Z"), NUL)));
    }

    @TestFactory
    Stream<DynamicTest> requests_refuseBadInput() {
        return Stream.of(
                refused("a subject with U+0000", "subject", "Text",
                        () -> as(SAM).requests().log(NewRequest.question(acme.id(), NUL))),
                refused("a text with a lone surrogate", "text", "Text",
                        () -> as(SAM).requests().log(NewRequest.question(acme.id(), "Price?").text(LONE))),
                refused("a receipt at Instant.MIN", "receivedAt", "Range",
                        () -> as(SAM).requests().log(NewRequest.question(acme.id(), "Price?").receivedAt(Instant.MIN))),
                refused("an owner id of 101 characters", "ownerId", "Size",
                        () -> as(SAM).requests().log(NewRequest.question(acme.id(), "Price?").owner(ID_101))),
                refused("a source id with U+0000", "sourceId", "Text", () -> as(SAM).requests().receive(
                        InboundRequest.of("MAIL", "m\u0000-1", NewRequest.question(acme.id(), "Price?")))),
                refused("an answer with U+0000", "answer", "Text", () -> as(SAM).requests().answer(question.id(), NUL)),
                refused("an answer with a lone surrogate", "answer", "Text",
                        () -> as(SAM).requests().answer(question.id(), LONE)),
                refused("a reason to reopen with U+0000", "reason", "Text", () -> {
                    as(SAM).requests().answer(question.id(), "200 EUR");
                    as(SAM).requests().reopen(question.id(), NUL);
                }, 1));
    }

    // ---------------------------------------------------------------- deals and offers

    @TestFactory
    Stream<DynamicTest> deals_refuseBadInput() {
        return Stream.of(
                refused("a 27-digit amount", "amount", "Digits", () -> as(SAM).opportunities().open(
                        NewOpportunity.on(acme.id(), "Huge", pipeline.id()).amount(Money.of("1".repeat(27), "EUR")))),
                refused("an amount of 1e400", "amount", "Digits", () -> as(SAM).opportunities().open(
                        NewOpportunity.on(acme.id(), "Huge", pipeline.id()).amount(Money.of("1e400", "EUR")))),
                refused("a title with U+0000", "title", "Text",
                        () -> as(SAM).opportunities().open(NewOpportunity.on(acme.id(), NUL, pipeline.id()))),
                refused("a close on LocalDate.MAX", "expectedClose", "Range", () -> as(SAM).opportunities().open(
                        NewOpportunity.on(acme.id(), "Late", pipeline.id()).expectedClose(LocalDate.MAX))),
                refused("a close on LocalDate.MIN", "expectedClose", "Range", () -> as(SAM).opportunities().open(
                        NewOpportunity.on(acme.id(), "Early", pipeline.id()).expectedClose(LocalDate.MIN))),
                refused("a competitor with a lone surrogate", "competitors[0]", "Text", () -> as(SAM).opportunities()
                        .open(NewOpportunity.on(acme.id(), "Rival", pipeline.id()).competitor(LONE))),
                refused("an owner id of 101 characters", "ownerId", "Size", () -> as(SAM).opportunities().open(
                        NewOpportunity.on(acme.id(), "Far", pipeline.id()).owner(ID_101))),
                refused("a rename with U+0000", "title", "Text",
                        () -> as(SAM).opportunities().save(as(SAM).opportunities().get(deal.id()).rename(NUL))),
                refused("a close moved to the year 1", "expectedClose", "NotFarInPast", () -> as(SAM).opportunities()
                        .save(as(SAM).opportunities().get(deal.id()).expectCloseOn(LocalDate.of(1, 1, 1)))),
                refused("a close moved to LocalDate.MAX", "expectedClose", "Range", () -> as(SAM).opportunities()
                        .save(as(SAM).opportunities().get(deal.id()).expectCloseOn(LocalDate.MAX))),
                refused("an offer valid until LocalDate.MAX", "validUntil", "Range", () -> as(SAM).offers()
                        .draft(deal.id(), NewOffer.validUntil(LocalDate.MAX).line(bolts("2", "10.00")))),
                refused("an offer's terms with U+0000", "terms", "Text", () -> as(SAM).offers()
                        .draft(deal.id(), NewOffer.validUntil(JUNE).line(bolts("2", "10.00")).terms(NUL))),
                refused("an offer line with a lone surrogate", "lines[0].description", "Text", () -> as(SAM).offers()
                        .draft(deal.id(), NewOffer.validUntil(JUNE).line(OfferLine.of("B", LONE, BigDecimal.ONE,
                                Money.of("10.00", "EUR"), BigDecimal.TEN)))),
                refused("an offer line whose total has 24 digits", "lines[0].net", "Digits", () -> as(SAM).offers()
                        .draft(deal.id(), NewOffer.validUntil(JUNE).line(bolts("1000000000", "999999999999999")))),
                refused("an offer line price of 1e400", "amount", "Digits", () -> as(SAM).offers()
                        .draft(deal.id(), NewOffer.validUntil(JUNE).line(bolts("1", "1e400")))));
    }

    // ---------------------------------------------------------------- campaigns and leads

    @TestFactory
    Stream<DynamicTest> campaignsAndLeads_refuseBadInput() {
        return Stream.of(
                refused("a campaign named with U+0000", "name", "Text", () -> as(MIA).campaigns()
                        .define(NewCampaign.named(NUL, CampaignGoal.OTHER, "EUR").period(LocalDate.of(2026, 3, 1), JUNE))),
                refused("a campaign to LocalDate.MAX", "endsOn", "Range", () -> as(MIA).campaigns()
                        .define(NewCampaign.named("Forever", CampaignGoal.OTHER, "EUR")
                                .period(LocalDate.of(2026, 3, 1), LocalDate.MAX))),
                refused("a campaign from LocalDate.MIN", "startsOn", "Range", () -> as(MIA).campaigns()
                        .define(NewCampaign.named("Always", CampaignGoal.OTHER, "EUR")
                                .period(LocalDate.MIN, LocalDate.of(2026, 3, 1)))),
                refused("a campaign's cost of 27 digits", "amount", "Digits", () -> as(MIA).campaigns()
                        .define(NewCampaign.named("Costly", CampaignGoal.OTHER, "EUR").period(LocalDate.of(2026, 3, 1), JUNE).cost(CostEntry.planned(
                                LocalDate.of(2026, 3, 1), Money.of("9".repeat(27), "EUR"), "ads")))),
                refused("a campaign's channel with a lone surrogate", "channel", "Text", () -> as(MIA).campaigns()
                        .define(NewCampaign.named("Radio", CampaignGoal.OTHER, "EUR").period(LocalDate.of(2026, 3, 1), JUNE).channel(LONE))),
                refused("a campaign renamed with U+0000", "name", "Text",
                        () -> as(MIA).campaigns().save(as(MIA).campaigns().get(campaign.id()).rename(NUL))),
                refused("a campaign moved to LocalDate.MAX", "endsOn", "Range", () -> as(MIA).campaigns().save(
                        as(MIA).campaigns().get(campaign.id()).period(LocalDate.of(2026, 3, 1), LocalDate.MAX))),
                refused("a lead's prospect with U+0000", "prospect.company", "Text",
                        () -> as(SAM).leads().open(NewLead.inbound(Prospect.company(NUL)))),
                refused("a lead's keyword with a lone surrogate", "keyword", "Text",
                        () -> as(SAM).leads().open(NewLead.onCustomer(acme.id()).keyword(LONE))),
                refused("a lead's owner id of 101 characters", "ownerId", "Size",
                        () -> as(SAM).leads().open(NewLead.onCustomer(acme.id()).owner(ID_101))),
                refused("a contact on a lead with U+0000", "attempt.text", "Text",
                        () -> as(SAM).leads().recordContact(lead.id(), NUL)),
                refused("a lead disqualified with a lone surrogate", "disqualifyReason", "Text",
                        () -> as(SAM).leads().save(as(SAM).leads().get(lead.id()).disqualify(LONE))));
    }

    // ---------------------------------------------------------------- consents and mailings

    @TestFactory
    Stream<DynamicTest> consentsAndMailings_refuseBadInput() {
        return Stream.of(
                refused("a consent's source with U+0000", "source", "Text",
                        () -> as(SAM).consents().grant(eva.id(), Purpose.MARKETING, null, NUL)),
                refused("a consent given at Instant.MIN", "at", "Range",
                        () -> as(SAM).consents().grant(eva.id(), Purpose.MARKETING, Instant.MIN, "web form")),
                refused("a withdrawal's source with a lone surrogate", "source", "Text",
                        () -> as(SAM).consents().withdraw(eva.id(), Purpose.MARKETING, LONE)),
                refused("an unsubscription's source with U+0000", "source", "Text",
                        () -> as(SAM).consents().unsubscribe(eva.id(), NUL)),
                refused("a mailing named with U+0000", "name", "Text", () -> as(SAM).mailings().create(
                        NewMailing.of(NUL, Audience.segment(null)).purpose(Purpose.MARKETING).subject("Hi").text("Hi"))),
                refused("a mailing's subject with a lone surrogate", "subject", "Text", () -> as(SAM).mailings().create(
                        NewMailing.of("News", Audience.segment(null)).purpose(Purpose.MARKETING).subject(LONE).text("Hi"))),
                refused("a mailing's text with U+0000", "text", "Text", () -> as(SAM).mailings().create(
                        NewMailing.of("News", Audience.segment(null)).purpose(Purpose.MARKETING).subject("Hi").text(NUL))),
                refused("a mailing's segment with U+0000", "criteria.name", "Text", () -> as(SAM).mailings().create(
                        NewMailing.of("News", Audience.segment(Criteria.nameContains("AC\u0000")))
                                .purpose(Purpose.MARKETING).subject("Hi").text("Hi"))),
                refused("a mailing to an employee id of 101 characters", "audience.userIds", "UserId",
                        () -> as(SAM).mailings().create(NewMailing.of("News", Audience.employees(ID_101))
                                .subject("Hi").text("Hi"))),
                refused("a draft edited with U+0000", "subject", "Text", () -> as(SAM).mailings().edit(mailing.id(),
                        mailing.version(), NewMailing.of("Spring news", Audience.segment(null)).purpose(Purpose.MARKETING)
                                .subject(NUL).text("Hi"))));
    }

    // ---------------------------------------------------------------- the user directory

    @TestFactory
    Stream<DynamicTest> directory_refusesIdsAndNamesBeyondTheColumns() {
        return Stream.of(
                refused("an actor id of 101 characters", "actor.id", "Size", () -> crm.as(Actor.of(ID_101))),
                refused("a directory user id of 101 characters", "user.id", "Size",
                        () -> new InMemoryUserDirectory().add(ID_101, null)),
                refused("a directory user's superior id of 101 characters", "user.superiorId", "Size",
                        () -> new InMemoryUserDirectory().add("eve", ID_101)),
                refused("a directory user's name of 201 characters", "user.displayName", "Size",
                        () -> new DirectoryUser("eve", "e".repeat(201), java.util.Set.of(), null)),
                refused("a directory user's name with U+0000", "user.displayName", "Text",
                        () -> new DirectoryUser("eve", NUL, java.util.Set.of(), null)),
                refused("a directory user's id with a lone surrogate", "user.id", "Text",
                        () -> new DirectoryUser(LONE, "Eve", java.util.Set.of(), null)));
    }

    // ---------------------------------------------------------------- page tokens

    @Test
    void pageToken_aForgedCreationTimeIsRefused_andCannotProbeACustomerNobodyMayOpen() {
        clock.advance(Duration.ofDays(1));
        companyOf(OTTO, "Otto's Secret Works");
        clock.advance(Duration.ofDays(1));
        companyOf(SAM, "Zeta");

        // a token of the old kind, naming a creation time the actor chose, is no token of crm4j
        String forged = token("1", "CREATED_ASC", "1", "2026-03-02T12:00:00Z");
        assertThatThrownBy(() -> customersOf(SAM).search(CustomerQuery.builder().sort(CustomerSort.CREATED_ASC)
                .pageSize(1).pageToken(forged).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("pageToken", "Format")));

        // the pages of the creation order, read with their own tokens, say no more than the whole list
        List<String> paged = new ArrayList<>();
        String token = null;
        do {
            var page = customersOf(SAM).search(CustomerQuery.builder().sort(CustomerSort.CREATED_ASC).pageSize(1)
                    .pageToken(token).build());
            page.items().stream().map(CustomerSummary::name).forEach(paged::add);
            token = page.nextPageToken();
            if (token != null) {
                assertThat(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8))
                        .doesNotContain("2026");
            }
        } while (token != null);
        assertThat(paged).containsExactly("ACME", "Otto's Secret Works", "Zeta");

        // a token naming a customer id that does not exist leads nowhere: an empty page
        String nowhere = token("2", "CREATED_ASC", "999999");
        assertThat(customersOf(SAM).search(CustomerQuery.builder().sort(CustomerSort.CREATED_ASC).pageSize(1)
                .pageToken(nowhere).build()).items()).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    /**
     * A case: the action is refused naming the field and the rule, and nothing is written.
     *
     * @param writes the events the action may write before the bad input (its own good steps)
     */
    private DynamicTest refused(String input, String field, String rule, ThrowingCallable action, int writes) {
        return DynamicTest.dynamicTest(input + " -> " + field + " [" + rule + "]", () -> {
            World before = world();
            assertThatThrownBy(action).as(input).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.violations()).as(e.getMessage()).extracting(Violation::field, Violation::rule)
                            .contains(tuple(field, rule)));
            assertThat(world()).as("nothing written by " + input).isEqualTo(before.plus(writes));
        });
    }

    private DynamicTest refused(String input, String field, String rule, ThrowingCallable action) {
        return refused(input, field, rule, action, 0);
    }

    /** What a bad input must leave as it was: the events written, and what ADA reads back. */
    private record World(int events, int customers, int contacts, int notes, int activities, int deals, int offers,
            int leads, int consents, long mailingVersion, long campaignVersion) {
        World plus(int writes) {
            return new World(events + writes, customers, contacts, notes, activities, deals, offers, leads, consents,
                    mailingVersion, campaignVersion);
        }
    }

    private World world() {
        crm.deliverEvents();
        var ada = as(ADA);
        return new World(delivered.size(),
                ada.customers().search(CustomerQuery.builder().includeArchived().pageSize(500).build()).items().size(),
                ada.customers().contacts(acme.id()).size(),
                ada.customers().notes(acme.id(), 500).size(),
                ada.activities().ofCustomer(acme.id(), null, 500).items().size(),
                ada.opportunities().ofCustomer(acme.id()).size(),
                ada.offers().ofOpportunity(deal.id()).size(),
                ada.leads().ofCustomer(acme.id()).size(),
                ada.consents().of(eva.id()).consents().size(),
                ada.mailings().get(mailing.id()).version(),
                ada.campaigns().get(campaign.id()).version());
    }

    /** The criterion under {@code levels} levels of {@code not}. */
    private static Criterion nested(int levels, Criterion inner) {
        Criterion c = inner;
        for (int i = 1; i < levels; i++) {
            c = Criteria.not(c);
        }
        return c;
    }

    /** An {@code or} of {@code parts} criteria in all. */
    private static Criterion wide(int parts) {
        Criterion[] tags = new Criterion[parts - 1];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = Criteria.tagged("t" + i);
        }
        return Criteria.or(tags);
    }

    private static OfferLine bolts(String quantity, String price) {
        return OfferLine.of("B", "Bolts", new BigDecimal(quantity), Money.of(price, "EUR"), BigDecimal.TEN);
    }

    /** A token forged the way crm4j's tokens look: its parts joined by U+001F, Base64, URL-safe. */
    private static String token(String... parts) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("\u001f", parts)
                .getBytes(StandardCharsets.UTF_8));
    }
}
