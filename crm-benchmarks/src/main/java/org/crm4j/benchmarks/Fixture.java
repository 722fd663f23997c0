package org.crm4j.benchmarks;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.crm4j.Crm;
import org.crm4j.access.Actor;
import org.crm4j.access.InMemoryUserDirectory;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.Stage;

/**
 * A database holding a generated data set and a {@link Crm} on it, one per JVM (JMH fork) and
 * database/data-set pair.
 */
final class Fixture implements AutoCloseable {
    /** The pipeline the generated deals are in. */
    static final String PIPELINE = "Bench sales";
    /** The administrator who defines the pipeline. */
    static final Actor ADMIN = Actor.of("bench-admin", Actor.ADMIN);

    /** Who heads the company: the director and {@link #STAFF} others report to them. */
    static final String HEAD = "head";
    /** The staff besides the sales organisation. */
    static final int STAFF = 40_000;

    private static final Map<String, Fixture> OPEN = new HashMap<>();

    static {
        // Hibernate's log lines through SLF4J (warnings only, see simplelogger.properties)
        System.setProperty("org.jboss.logging.provider", "slf4j");
    }

    final Db db;
    final DataSet set;
    final Crm crm;
    final Pipeline pipeline;

    private Fixture(Db db, DataSet set, Crm crm, Pipeline pipeline) {
        this.db = db;
        this.set = set;
        this.crm = crm;
        this.pipeline = pipeline;
    }

    /**
     * @param db {@code h2} or {@code postgres}
     * @param set {@code small}, {@code large} or {@code huge}
     * @return the fixture, generating the data on first use
     */
    static synchronized Fixture of(String db, String set) {
        return OPEN.computeIfAbsent(db + "/" + set, key -> open(db, DataSet.named(set)));
    }

    private static Fixture open(String kind, DataSet set) {
        Db db = Db.open(kind, set.name().toLowerCase(java.util.Locale.ROOT), false);
        Crm crm = crm(db);
        Pipeline pipeline = crm.as(ADMIN).pipelines().all().stream().filter(p -> p.name().equals(PIPELINE))
                .findFirst().orElseGet(() -> crm.as(ADMIN).pipelines().define(NewPipeline.named(PIPELINE, "EUR")
                        .stage(Stage.open("QUALIFY", "Qualify", 20))
                        .stage(Stage.open("PROPOSE", "Propose", 50))
                        .stage(Stage.open("NEGOTIATE", "Negotiate", 80))
                        .stage(Stage.won("WON", "Won"))
                        .stage(Stage.lost("LOST", "Lost"))));
        try {
            long started = System.nanoTime();
            if (Generator.generate(db.dataSource(), set, pipeline.id().value())) {
                System.out.printf("# generated %s on %s in %.1f s%n", set, kind, (System.nanoTime() - started) / 1e9);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot generate " + set, e);
        }
        return new Fixture(db, set, crm, pipeline);
    }

    /**
     * @param db a database
     * @return a new CRM on it, with the generated sales organisation
     */
    static Crm crm(Db db) {
        return Crm.builder().dataSource(db.dataSource()).userDirectory(directory()).build();
    }

    /**
     * @return the sales organisation: a director, ten managers, each with ten salespeople; and above
     *     the director the company's head, with 40,000 more people in their line
     */
    static InMemoryUserDirectory directory() {
        InMemoryUserDirectory directory = new InMemoryUserDirectory();
        directory.add("director", null);
        directory.add(ADMIN.id(), null, Actor.ADMIN);
        for (int team = 0; team < DataSet.SALESPEOPLE / DataSet.TEAM_SIZE; team++) {
            directory.add(DataSet.manager(team), "director");
        }
        for (int i = 0; i < DataSet.SALESPEOPLE; i++) {
            directory.add(DataSet.salesperson(i), DataSet.manager(i / DataSet.TEAM_SIZE));
        }
        // the head of a large company: the director's sales line and 40,000 other staff (who own no
        // customers) report to them, so need-to-know gives the head a line of 40,112 people
        directory.add(HEAD, null);
        directory.add("director", HEAD);
        for (int i = 0; i < STAFF; i++) {
            directory.add(String.format("staff-%05d", i), HEAD);
        }
        return directory;
    }

    @Override
    public void close() {
        crm.close();
        db.close();
    }
}
