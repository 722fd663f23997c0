package org.crm4j.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.crm4j.access.Actor;
import org.crm4j.campaign.Campaign;
import org.crm4j.campaign.CampaignGoal;
import org.crm4j.campaign.LeadOpening;
import org.crm4j.campaign.LeadOpeningReport;
import org.crm4j.campaign.LeadTargets;
import org.crm4j.campaign.NewCampaign;
import org.crm4j.customer.Criteria;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bulk opening of leads (R17): a new campaign opens a lead on every customer tagged
 * {@code bench-10pct} (10 % of the set), each assigned to the customer's owner, with its
 * {@code lead.opened} event, through {@code campaigns().openLeads(...)}; against selecting the
 * tagged customers and batch-inserting the same leads and events with JDBC, committed per 500.
 * The leads, their events and the campaign are removed after each operation, so the data set
 * stays as generated.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class LeadOpeningBenchmark {
    static final Actor DIRECTOR = Actor.of("director");
    static final int BATCH = 500;

    /** {@code h2-durable}: as crm4j's own embedded H2 file, every commit in the file when it returns. */
    @Param({"h2", "h2-durable", "postgres"})
    public String db;
    @Param({"small"})
    public String set;

    private Fixture fixture;
    private Campaign campaign;
    private long lastEvent;

    @Setup
    public void setUp() {
        fixture = Fixture.of(db, set);
    }

    /** A new campaign for every operation: a campaign opens a customer's lead only once. */
    @Setup(Level.Iteration)
    public void campaign() throws SQLException {
        removeLeftovers();
        try (Connection c = fixture.db.dataSource().getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("select coalesce(max(sequence_no), 0) from crm_event")) {
            rs.next();
            lastEvent = rs.getLong(1);
        }
        campaign = fixture.crm.as(DIRECTOR).campaigns().define(NewCampaign.named("Bench " + UUID.randomUUID(),
                CampaignGoal.UPSELL, "EUR").product("SCN-300")
                .period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        campaign = fixture.crm.as(DIRECTOR).campaigns().save(campaign.start());
    }

    /** Removes what the operation opened. */
    @TearDown(Level.Iteration)
    public void removeLeads() throws SQLException {
        long id = campaign.id().value();
        try (Connection c = fixture.db.dataSource().getConnection(); Statement s = c.createStatement()) {
            // the events written since the operation began (a range of the key: H2 answered the
            // same delete by lead id with a scan of the outbox per row)
            s.execute("delete from crm_event where sequence_no > " + lastEvent);
            s.execute("delete from crm_lead where campaign_id = " + id);
            s.execute("delete from crm_campaign where id = " + id);
            if (db.equals("postgres")) {
                // every operation leaves 20,000 dead leads and 40,000 dead events behind; autovacuum
                // lagged runs behind, and the later iterations and runs measured the bloat
                s.execute("vacuum analyze crm_event, crm_lead, crm_campaign");
            }
        }
    }

    /**
     * The leads, events and campaigns of an earlier run that did not get to its tear-down: every
     * event from the first of such a campaign on (nothing else writes events while this runs).
     */
    private void removeLeftovers() throws SQLException {
        try (Connection c = fixture.db.dataSource().getConnection(); Statement s = c.createStatement()) {
            String campaigns = "select id from crm_campaign where name like 'Bench %-%-%'";
            try (var rs = s.executeQuery("select min(sequence_no) from crm_event where aggregate_type = 'campaign'"
                    + " and aggregate_id in (" + campaigns + ")")) {
                rs.next();
                long first = rs.getLong(1);
                if (!rs.wasNull()) {
                    s.execute("delete from crm_event where sequence_no >= " + first);
                }
            }
            s.execute("delete from crm_lead where campaign_id in (" + campaigns + ")");
            s.execute("delete from crm_campaign where id in (" + campaigns + ")");
        }
    }

    @Benchmark
    public LeadOpeningReport crm4j() {
        LeadOpeningReport report = fixture.crm.as(DIRECTOR).campaigns().openLeads(campaign.id(),
                LeadOpening.of(LeadTargets.matching(Criteria.tagged(Generator.TAG_10PCT))));
        if (report.opened() != fixture.set.customers() / 10) {
            throw new IllegalStateException("expected a lead on every tenth customer: " + report);
        }
        return report;
    }

    @Benchmark
    public int jdbc() throws SQLException {
        try (Connection c = fixture.db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            List<Object[]> targets = Jdbc.query(c, "select c.id, c.owner_id from crm_customer c"
                    + " join crm_customer_tag t on t.customer_id = c.id and t.tag = ?"
                    + " where c.status = 'ACTIVE' order by c.id", Generator.TAG_10PCT);
            long leadId = ImportBenchmark.next(c, "crm_lead", "id");
            long sequence = ImportBenchmark.next(c, "crm_event", "sequence_no");
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement lead = c.prepareStatement("insert into crm_lead (id, version, campaign_id,"
                    + " customer_id, owner_id, status, created_by, created_at, updated_at)"
                    + " values (?, 0, ?, ?, ?, 'NEW', ?, ?, ?)");
                    PreparedStatement event = c.prepareStatement("insert into crm_event (sequence_no, event_id,"
                            + " event_type, aggregate_type, aggregate_id, customer_id, actor_id, occurred_at, payload,"
                            + " attempts, lead_id) values (?, ?, 'lead.opened', 'lead', ?, ?, ?, ?, "
                            + Jdbc.jsonParameter(c) + ", 0, ?)")) {
                for (int i = 0; i < targets.size(); i++) {
                    long customerId = ((Number) targets.get(i)[0]).longValue();
                    String owner = (String) targets.get(i)[1];
                    lead.setLong(1, leadId);
                    lead.setLong(2, campaign.id().value());
                    lead.setLong(3, customerId);
                    lead.setString(4, owner);
                    lead.setString(5, DIRECTOR.id());
                    lead.setObject(6, now);
                    lead.setObject(7, now);
                    lead.addBatch();
                    event.setLong(1, sequence++);
                    UUID eventId = UUID.randomUUID();
                    event.setObject(2, eventId);
                    event.setLong(3, leadId);
                    event.setLong(4, customerId);
                    event.setString(5, DIRECTOR.id());
                    event.setObject(6, now);
                    event.setString(7, Jdbc.cloudEvent(eventId, "lead.opened", "lead", leadId, customerId, DIRECTOR.id(),
                            now, "campaign", Long.toString(campaign.id().value()), "owner", owner));
                    event.setLong(8, leadId);
                    event.addBatch();
                    leadId++;
                    if ((i + 1) % BATCH == 0 || i + 1 == targets.size()) {
                        lead.executeBatch();
                        event.executeBatch();
                        c.commit();
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("alter sequence crm_lead_seq restart with " + (leadId + 1_000));
                s.execute("alter sequence crm_event_seq restart with " + sequence);
            }
            c.commit();
            return targets.size();
        }
    }
}
