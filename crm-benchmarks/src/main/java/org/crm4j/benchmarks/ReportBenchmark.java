package org.crm4j.benchmarks;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crm4j.reports.CashFlow;
import org.crm4j.reports.CashFlowForecast;
import org.crm4j.pipeline.PipelineView;
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
 * Aggregates over every deal, for the sales director (who sees them all): the pipeline view (count,
 * amount and weighted amount per stage) and the monthly cash-flow forecast of a year, against one
 * hand-written {@code GROUP BY} each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class ReportBenchmark {
    static final String DIRECTOR = "director";
    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 12, 31);

    @Param({"h2", "postgres"})
    public String db;
    @Param({"small"})
    public String set;

    private Fixture fixture;

    @Setup
    public void setUp() {
        fixture = Fixture.of(db, set);
    }

    @Benchmark
    public PipelineView pipelineView_crm4j() {
        return fixture.crm.as(DIRECTOR).opportunities().pipelineView(fixture.pipeline.id());
    }

    @Benchmark
    public List<Object[]> pipelineView_jdbc() {
        return Jdbc.read(fixture.db.dataSource(), c -> Jdbc.query(c, "select o.stage_code, o.currency, count(*),"
                + " sum(o.amount), sum(o.amount * o.probability) from crm_opportunity o"
                + " where o.pipeline_id = ? and o.status = 'OPEN' group by o.stage_code, o.currency",
                fixture.pipeline.id().value()));
    }

    @Benchmark
    public CashFlow forecast_crm4j() {
        return fixture.crm.as(DIRECTOR).report(CashFlowForecast.monthly(FROM, TO).total());
    }

    @Benchmark
    public List<Object[]> forecast_jdbc() {
        return Jdbc.read(fixture.db.dataSource(), c -> Jdbc.query(c, "select extract(year from o.expected_close),"
                + " extract(month from o.expected_close), o.currency, count(*), sum(o.amount),"
                + " sum(o.amount * o.probability) from crm_opportunity o"
                // the dates written into the SQL: PostgreSQL's generic plan for a prepared range assumes a
                // sliver of the table and walked the closing-date index over all 200,000 deals (3x slower)
                + " where o.status = 'OPEN' and o.expected_close >= date '" + FROM + "'"
                + " and o.expected_close <= date '" + TO + "'"
                + " group by extract(year from o.expected_close), extract(month from o.expected_close), o.currency"));
    }
}
