package org.crm4j.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.crm4j.campaign.CampaignGoal;
import org.crm4j.campaign.CampaignId;
import org.crm4j.campaign.CostEntry;
import org.crm4j.campaign.CostKind;
import org.crm4j.campaign.NewCampaign;
import org.crm4j.common.Money;
import org.crm4j.reports.CampaignResult;
import org.crm4j.reports.CampaignResults;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The campaign report (R18, crm-reports' {@link CampaignResults}) for the sales director: the
 * funnel of the campaign's leads, its costs per keyword and day, and the deals won from its leads
 * per keyword and day, against the same four statements written by hand (the campaign's head and
 * one {@code GROUP BY} each).
 *
 * <p>The campaign is written once per data set (kept like the set): a campaign of the director
 * with four keywords and a planned and an actual cost per keyword and month of 2026, a lead on
 * every customer tagged {@code bench-10pct} (10 % of the set) owned by the customer's owner, in a
 * fixed mix of states (40 % new, 20 % contacted, 15 % qualified, 15 % converted, 10 %
 * disqualified), a contact attempt on each lead past new, and for each converted lead a deal, two
 * in three of them won in 2026.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class CampaignReportBenchmark {
    static final String DIRECTOR = "director";
    static final String CAMPAIGN = "Bench campaign";
    static final String[] KEYWORDS = {"crm software", "erp integration", "sales pipeline", "customer card"};

    @Param({"h2", "postgres"})
    public String db;
    @Param({"small"})
    public String set;

    private Fixture fixture;
    private CampaignId campaign;

    @Setup
    public void setUp() throws SQLException {
        fixture = Fixture.of(db, set);
        campaign = CampaignId.of(campaign(fixture));
    }

    @Benchmark
    public CampaignResult crm4j() {
        return fixture.crm.as(DIRECTOR).report(CampaignResults.of(campaign));
    }

    @Benchmark
    public List<List<Object[]>> jdbc() {
        long id = campaign.value();
        return Jdbc.read(fixture.db.dataSource(), c -> List.of(
                Jdbc.query(c, "select c.name, c.currency, c.owner_id, c.product_manager_id from crm_campaign c"
                        + " where c.id = ?", id),
                Jdbc.query(c, "select k.keyword, k.kind, k.cost_date, sum(k.amount) from crm_campaign_cost k"
                        + " where k.campaign_id = ? group by k.keyword, k.kind, k.cost_date", id),
                Jdbc.query(c, "select l.keyword, l.status, count(distinct l.id),"
                        + " count(distinct case when a.attempted_at is not null then l.id end)"
                        + " from crm_lead l left join crm_lead_attempt a on a.lead_id = l.id"
                        + " where l.campaign_id = ? group by l.keyword, l.status", id),
                Jdbc.query(c, "select l.keyword, o.currency, cast(o.stage_since as date), count(*), sum(o.amount)"
                        + " from crm_lead l join crm_opportunity o on o.id = l.opportunity_id"
                        + " where l.campaign_id = ? and o.status = 'WON'"
                        + " group by l.keyword, o.currency, cast(o.stage_since as date)", id)));
    }

    /**
     * @return the benchmark campaign's id, writing it with its leads and deals on first use
     */
    static long campaign(Fixture fixture) throws SQLException {
        try (Connection c = fixture.db.dataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select id from crm_campaign where name = '" + CAMPAIGN + "'")) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        long started = System.nanoTime();
        NewCampaign definition = NewCampaign.named(CAMPAIGN, CampaignGoal.NEW_CUSTOMERS, "EUR")
                .product("SCN-300").channel("search ads").period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        for (String keyword : KEYWORDS) {
            for (int month = 1; month <= 12; month++) {
                LocalDate day = LocalDate.of(2026, month, 1);
                definition = definition
                        .cost(new CostEntry(day, Money.of("2000.00", "EUR"), "ads", CostKind.PLANNED, keyword))
                        .cost(new CostEntry(day, Money.of(BigDecimal.valueOf(1500 + 100 * month), "EUR"), "ads",
                                CostKind.ACTUAL, keyword));
            }
        }
        long id = fixture.crm.as(DIRECTOR).campaigns().define(definition).id().value();
        writeLeads(fixture, id);
        System.out.printf("# wrote the campaign on %s in %.1f s%n", fixture.db.kind(), (System.nanoTime() - started) / 1e9);
        return id;
    }

    private static void writeLeads(Fixture fixture, long campaignId) throws SQLException {
        SplittableRandom random = new SplittableRandom(campaignId + fixture.set.customers());
        OffsetDateTime opened = OffsetDateTime.of(2026, 1, 5, 9, 0, 0, 0, ZoneOffset.UTC);
        try (Connection c = fixture.db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            long leadId = ImportBenchmark.next(c, "crm_lead", "id");
            long dealId = ImportBenchmark.next(c, "crm_opportunity", "id");
            try (PreparedStatement lead = c.prepareStatement("insert into crm_lead (id, version, campaign_id,"
                    + " customer_id, keyword, source, owner_id, status, disqualify_reason, opportunity_id, created_by,"
                    + " created_at, updated_at) values (?, 0, ?, ?, ?, 'campaign', ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement attempt = c.prepareStatement("insert into crm_lead_attempt (lead_id, position,"
                            + " attempted_by, attempted_at, text) values (?, 0, ?, ?, 'called')");
                    PreparedStatement deal = c.prepareStatement("insert into crm_opportunity (id, version, customer_id,"
                            + " owner_id, pipeline_id, stage_code, status, title, amount, currency, probability,"
                            + " expected_close, stage_since, created_at, updated_at, last_activity_at, source)"
                            + " values (?, 0, ?, ?, ?, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (long customer = 10; customer <= fixture.set.customers(); customer += 10) {
                    String owner = DataSet.salesperson((int) ((customer - 1) % DataSet.SALESPEOPLE));
                    String keyword = KEYWORDS[(int) (customer / 10 % KEYWORDS.length)];
                    int roll = random.nextInt(100);
                    String status = roll < 40 ? "NEW" : roll < 60 ? "CONTACTED" : roll < 75 ? "QUALIFIED"
                            : roll < 90 ? "CONVERTED" : "DISQUALIFIED";
                    OffsetDateTime at = opened.plusMinutes(random.nextInt(300 * 24 * 60));
                    Long opportunity = null;
                    if (status.equals("CONVERTED")) {
                        opportunity = dealId++;
                        boolean won = random.nextInt(3) < 2;
                        OffsetDateTime since = at.plusDays(random.nextInt(1, 40));
                        deal.setLong(1, opportunity);
                        deal.setLong(2, customer);
                        deal.setString(3, owner);
                        deal.setLong(4, fixture.pipeline.id().value());
                        deal.setString(5, won ? "WON" : "PROPOSE");
                        deal.setString(6, won ? "WON" : "OPEN");
                        deal.setString(7, "Campaign deal " + opportunity);
                        deal.setBigDecimal(8, BigDecimal.valueOf(random.nextInt(1_000, 20_000), 0).setScale(4));
                        deal.setInt(9, won ? 100 : 50);
                        deal.setObject(10, since.toLocalDate());
                        deal.setObject(11, since);
                        deal.setObject(12, at);
                        deal.setObject(13, since);
                        deal.setObject(14, since);
                        deal.setString(15, "campaign:" + campaignId + ";keyword:" + keyword);
                        deal.addBatch();
                    }
                    lead.setLong(1, leadId);
                    lead.setLong(2, campaignId);
                    lead.setLong(3, customer);
                    lead.setString(4, keyword);
                    lead.setString(5, owner);
                    lead.setString(6, status);
                    lead.setString(7, status.equals("DISQUALIFIED") ? "no budget" : null);
                    lead.setObject(8, opportunity);
                    lead.setString(9, DIRECTOR);
                    lead.setObject(10, at);
                    lead.setObject(11, at);
                    lead.addBatch();
                    if (!status.equals("NEW")) {
                        attempt.setLong(1, leadId);
                        attempt.setString(2, owner);
                        attempt.setObject(3, at.plusHours(2));
                        attempt.addBatch();
                    }
                    leadId++;
                    if (++pending == 1_000) {
                        deal.executeBatch();
                        lead.executeBatch();
                        attempt.executeBatch();
                        c.commit();
                        pending = 0;
                    }
                }
                deal.executeBatch();
                lead.executeBatch();
                attempt.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.execute("alter sequence crm_lead_seq restart with " + (leadId + 1_000));
                s.execute("alter sequence crm_opportunity_seq restart with " + (dealId + 1_000));
            }
            c.commit();
            // fresh statistics, as after the data set: with those of before (no leads, no won deals)
            // both databases planned the report's joins for one row
            try (Statement s = c.createStatement()) {
                s.execute("analyze");
            }
            c.commit();
        }
    }
}
