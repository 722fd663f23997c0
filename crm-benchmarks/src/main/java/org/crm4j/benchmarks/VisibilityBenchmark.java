package org.crm4j.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crm4j.common.Page;
import org.crm4j.customer.CustomerQuery;
import org.crm4j.customer.CustomerSort;
import org.crm4j.customer.CustomerSummary;
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
 * Need-to-know (R28) in the query: the first page of the customers an actor may open, sorted by
 * name: a salesperson (1 % of the set) against the hand-written query with the owner in the
 * {@code WHERE}; the company's head, whose line is 40,112 people (every customer), against the
 * hand-written query with no owner condition at all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// 16 s of warm-up: crm4j's path was still getting faster in the measured iterations after 6 s
// (the card on PostgreSQL: 1,097, 899, 840, 740, 779 us), its baseline's was not
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class VisibilityBenchmark {
    static final String USER = DataSet.salesperson(42);

    @Param({"h2", "postgres"})
    public String db;
    @Param({"small"})
    public String set;
    @Param({"salesperson", "head"})
    public String actor;

    private Fixture fixture;

    @Setup
    public void setUp() {
        fixture = Fixture.of(db, set);
    }

    @Benchmark
    public Page<CustomerSummary> crm4j() {
        return fixture.crm.as(actor.equals("head") ? Fixture.HEAD : USER).customers().search(CustomerQuery.builder()
                .onlyOpenable()
                .sort(CustomerSort.NAME_ASC).pageSize(SearchBenchmark.PAGE_SIZE).build());
    }

    @Benchmark
    public List<Object[]> jdbc() {
        if (actor.equals("head")) {
            return Jdbc.read(fixture.db.dataSource(), c -> Jdbc.query(c, "select c.id, c.name, c.tax_id, c.city,"
                    + " c.owner_id, c.status, c.name_key from crm_customer c where c.status = 'ACTIVE'"
                    + " order by c.name_key, c.id fetch first " + (SearchBenchmark.PAGE_SIZE + 1) + " rows only"));
        }
        return Jdbc.read(fixture.db.dataSource(), c -> Jdbc.query(c, "select c.id, c.name, c.tax_id, c.city,"
                + " c.owner_id, c.status, c.name_key from crm_customer c where c.status = 'ACTIVE' and c.owner_id = ?"
                + " order by c.owner_id, c.status, c.name_key, c.id fetch first " + (SearchBenchmark.PAGE_SIZE + 1)
                + " rows only", USER));
    }
}
