package org.crm4j.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.crm4j.Crm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Start-up: {@code Crm.builder().build()} on a new embedded H2 database (migrations included) and
 * {@code close()}, in a JVM that started a CRM before (warm) — against creating the same schema by
 * running the migrations' SQL over plain JDBC. Each fork's first, cold start is the single-shot
 * figure {@code coldStart}.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StartupBenchmark {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String MIGRATIONS = "/org/crm4j/persistence/migration/";

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public void coldStart_crm4j() {
        try (Crm crm = Crm.builder().build()) {
            crm.storeDescription();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public void warmStart_crm4j() {
        try (Crm crm = Crm.builder().build()) {
            crm.storeDescription();
        }
    }

    /**
     * The schema crm4j's migrations create, by running their SQL files with JDBC (the Java
     * migration's statements are left out: it only adds columns, indexes and a table).
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public void warmStart_jdbc() throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:startup-" + DATABASES.incrementAndGet());
                Statement s = c.createStatement()) {
            for (int v = 1; ; v++) {
                String sql = migration(v);
                if (sql == null) {
                    if (v == 9) {
                        continue;
                    }
                    break;
                }
                for (String statement : sql.replace("${keyText}", "varchar(200)").replace("${longText}", "varchar")
                        .replace("${uuid}", "uuid").split(";\\s*\\n")) {
                    String body = statement.lines().filter(l -> !l.strip().startsWith("--"))
                            .reduce("", (a, b) -> a + "\n" + b).strip();
                    if (!body.isEmpty()) {
                        s.execute(body);
                    }
                }
            }
        }
    }

    private static String migration(int version) throws IOException {
        String prefix = "V" + version + "__";
        for (String name : MIGRATION_NAMES) {
            if (name.startsWith(prefix)) {
                try (InputStream in = StartupBenchmark.class.getResourceAsStream(MIGRATIONS + name)) {
                    return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    private static final String[] MIGRATION_NAMES = listMigrations();

    private static String[] listMigrations() {
        try (var scan = new java.util.jar.JarFile(StartupBenchmark.class.getProtectionDomain().getCodeSource()
                .getLocation().getPath())) {
            return scan.stream().map(java.util.jar.JarEntry::getName).filter(n -> n.startsWith(MIGRATIONS.substring(1))
                    && n.endsWith(".sql")).map(n -> n.substring(MIGRATIONS.length() - 1)).toArray(String[]::new);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
