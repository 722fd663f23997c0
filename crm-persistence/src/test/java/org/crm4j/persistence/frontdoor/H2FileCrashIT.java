package org.crm4j.persistence.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.crm4j.Crm;
import org.crm4j.access.Actor;
import org.crm4j.imports.ImportOptions;
import org.crm4j.imports.ImportReport;
import org.crm4j.imports.ImportRow;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A commit that returned survives the death of the host process on the embedded H2 file database:
 * a host importing into it is killed (SIGKILL) after it was told that some batches committed;
 * every batch it was told of is there after the restart, with its events, and running the import
 * again completes it exactly.
 */
class H2FileCrashIT {
    private static final int ROWS = 6_000;
    private static final int BATCH = 250;

    /** The host of the test: imports {@value #ROWS} customers and says after each committed batch how many rows went in. */
    public static final class ImportingHost {
        public static void main(String[] args) {
            Path file = Path.of(args[0]);
            try (Crm crm = Crm.builder().h2File(file).discoverPlugins(false).build()) {
                run(crm, soFar -> {
                    System.out.println("COMMITTED " + soFar.rows());
                    System.out.flush();
                });
            }
        }
    }

    private static ImportReport run(Crm crm, ImportOptions.Progress progress) {
        Iterable<ImportRow> rows = () -> IntStream.range(0, ROWS)
                .mapToObj(i -> ImportRow.of("ERP", "C" + i).company("Customer " + i)).iterator();
        return crm.as(Actor.of("ada", Actor.ADMIN)).imports().customers(rows,
                ImportOptions.defaults().batchSize(BATCH).onProgress(progress));
    }

    @ParameterizedTest(name = "killed after batch {0}")
    @ValueSource(ints = {1, 4, 9})
    void everyBatchReportedCommitted_isThereAfterTheHostWasKilled_andARerunCompletesTheImport(int batches,
            @TempDir Path dir) throws Exception {
        Path file = dir.resolve("crm");
        Process host = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ImportingHost.class.getName(), file.toString())
                .redirectErrorStream(true)
                .start();
        long reported = 0;
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(),
                StandardCharsets.UTF_8))) {
            int committed = 0;
            String line;
            while (committed < batches && (line = out.readLine()) != null) {
                output.add(line);
                if (line.startsWith("COMMITTED ")) {
                    reported = Long.parseLong(line.substring("COMMITTED ".length()));
                    committed++;
                }
            }
            host.destroyForcibly();   // SIGKILL: no shutdown hook, no closing of the database
            assertThat(host.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(reported).as("the host reported committed batches; its output: %s", output)
                .isEqualTo((long) batches * BATCH);

        long customers = count(file, "select count(*) from crm_customer");
        long created = count(file, "select count(*) from crm_event where event_type = 'customer.created'");

        assertThat(customers).as("customers after the restart, %d reported committed", reported)
                .isGreaterThanOrEqualTo(reported);
        assertThat(created).as("their events").isEqualTo(customers);
        try (Crm crm = Crm.builder().h2File(file).discoverPlugins(false).build()) {
            ImportReport rerun = run(crm, soFar -> { });
            assertThat(rerun.created() + rerun.unchanged()).isEqualTo(ROWS);
            assertThat(rerun.unchanged()).isEqualTo(customers);
        }
        assertThat(count(file, "select count(*) from crm_customer")).isEqualTo(ROWS);
    }

    private static long count(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
