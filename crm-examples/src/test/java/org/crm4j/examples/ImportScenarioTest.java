package org.crm4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The import scenario reads its CSV file on the embedded H2 and tells what each run did. */
class ImportScenarioTest {
    private static List<String> lines;

    @BeforeAll
    static void run() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            new ImportScenario(out).run();
        }
        lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void dryRunAndImport_agree_goodRowsGoIn_badOnesAndTheDuplicateAreTold() {
        assertThat(lines).contains(
                "Dry run: 7 rows, 4 created, 0 updated, 0 unchanged, 2 rejected, 1 skipped as likely duplicates",
                "Import: 7 rows, 4 created, 0 updated, 0 unchanged, 2 rejected, 1 skipped as likely duplicates");
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .startsWith("  line 8 (ERP:10004) rejected: contacts[0].email [Format]"));
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .startsWith("  line 9 (ERP:10005) rejected: name [NotBlank]"));
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .matches("  line 4 \\(ERP:10002\\) looks like customer \\d+ Smith Jones & Partners Ltd, score 100 .*"));
        assertThat(lines).contains("  7 rows read so far");
        // a German country name is understood; an old London number goes in with a warning
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  line 12 (ERP:10007) contacts[0].phone"
                + " '(171) 555-7788': stored as +441715557788"));
    }

    @Test
    void theSameFileAgain_changesNothing() {
        assertThat(lines).contains(
                "Same file again: 7 rows, 0 created, 0 updated, 4 unchanged, 2 rejected, 1 skipped as likely duplicates");
    }
}
