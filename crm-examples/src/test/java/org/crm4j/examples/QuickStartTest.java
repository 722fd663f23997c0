package org.crm4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The quick start runs through and tells what it promises. */
class QuickStartTest {
    private static String output;
    private static List<String> lines;

    @BeforeAll
    static void runTheTour() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            new QuickStart(out).run();
        }
        output = bytes.toString(StandardCharsets.UTF_8);
        lines = output.lines().toList();
    }

    @Test
    void runsOnTheEmbeddedStore() {
        assertThat(lines).first().asString().startsWith("crm4j is running on ");
    }

    @Test
    void piaFindsEveryCustomerButOpensOnlyHers() {
        List<String> seen = section("What pia sees in a search:");
        assertThat(seen).hasSize(3);
        assertThat(rowOf(seen, "Nordic Energy Oy")).contains("[may open]").doesNotContain("[basic fields only]");
        assertThat(rowOf(seen, "ACME Machinery GmbH")).contains("[basic fields only]").doesNotContain("[may open]");
        assertThat(rowOf(seen, "Baltic Foods AS")).contains("[basic fields only]");
    }

    @Test
    void miaOpensEverythingOfHerTeam() {
        assertThat(section("What mia sees in a search:")).hasSize(3).allSatisfy(row -> assertThat(row)
                .contains("[may open]"));
    }

    @Test
    void piaMayNotOpenSamsCustomer() {
        assertThat(lines).filteredOn(l -> l.startsWith("Pia tries to open ACME"))
                .singleElement().asString().contains("may not open");
    }

    @Test
    void theCardListsThePrimaryContactWithItsRoles() {
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("Customer card of ACME Machinery GmbH")
                .contains("DE123456789"));
        assertThat(lines).filteredOn(l -> l.contains("contact: Eva Novak"))
                .singleElement().asString().contains("Eva Novak [CFO] (primary)");
        assertThat(lines).filteredOn(l -> l.contains("contact: Tom Ito"))
                .singleElement().asString().doesNotContain("(primary)");
        assertThat(lines).filteredOn(l -> l.contains("note by ")).hasSize(2);
    }

    @Test
    void theSearchComesInTwoPages() {
        List<String> pages = lines.stream().filter(l -> l.strip().matches("page \\d+: .*")).toList();
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).strip()).startsWith("page 1: ");
        assertThat(pages.get(1).strip()).startsWith("page 2: ");
    }

    @Test
    void eventsAreDelivered() {
        Matcher m = Pattern.compile("Events delivered to listeners: (\\d+)").matcher(output);
        assertThat(m.find()).as("a line with the number of delivered events in:%n%s", output).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isPositive();
    }

    /** @return the lines after a heading, up to the next blank line */
    private static List<String> section(String heading) {
        int start = lines.indexOf(heading);
        assertThat(start).as("heading '%s' in:%n%s", heading, output).isNotNegative();
        List<String> rows = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).isBlank(); i++) {
            rows.add(lines.get(i));
        }
        return rows;
    }

    private static String rowOf(List<String> rows, String name) {
        return rows.stream().filter(r -> r.strip().startsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name + " in " + rows));
    }
}
