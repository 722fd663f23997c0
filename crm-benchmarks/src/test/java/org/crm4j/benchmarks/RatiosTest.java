package org.crm4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatiosTest {
    private static String result(String benchmark, String params, double score, String unit, Double alloc) {
        return "{\"benchmark\":\"org.crm4j.benchmarks." + benchmark + "\",\"mode\":\"avgt\",\"params\":{" + params
                + "},\"primaryMetric\":{\"score\":" + score + ",\"scoreUnit\":\"" + unit + "\"},\"secondaryMetrics\":{"
                + (alloc == null ? "" : "\"gc.alloc.rate.norm\":{\"score\":" + alloc + ",\"scoreUnit\":\"B/op\"}")
                + "}}";
    }

    @Test
    void pairsCrm4jWithItsBaseline_perClassMethodAndParameters_withTheAllocation() {
        String json = "[" + String.join(",",
                result("CardBenchmark.crm4j", "\"db\":\"h2\",\"set\":\"large\"", 300.0, "us/op", 204_800.0),
                result("CardBenchmark.jdbc", "\"db\":\"h2\",\"set\":\"large\"", 200.0, "us/op", 512.0),
                result("CardBenchmark.crm4j", "\"db\":\"postgres\",\"set\":\"large\"", 500.0, "us/op", null),
                result("CardBenchmark.jdbc", "\"db\":\"postgres\",\"set\":\"large\"", 1000.0, "us/op", null),
                result("ReportBenchmark.forecast_crm4j", "\"db\":\"h2\"", 12.0, "ms/op", null),
                result("ReportBenchmark.forecast_jdbc", "\"db\":\"h2\"", 10.0, "ms/op", null),
                result("StartupBenchmark.cold", "", 900.0, "ms/op", null)) + "]";

        String table = Ratios.table(json);

        assertThat(table).contains("| Card | db=h2, set=large | 300 us/op | 200 us/op | 1.50× | 200.0 kB | 512 B |")
                .contains("| Card | db=postgres, set=large | 500 us/op | 1000 us/op | 0.50× | – | – |")
                .contains("| Report forecast | db=h2 | 12.00 ms/op | 10.00 ms/op | 1.20× |")
                .contains("| Startup |  | – | – | cold 900 ms/op |");
    }

    @Test
    void writesOneTablePerResultFile_intoTheMarkdownFileNamed(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("large.json");
        Path b = dir.resolve("import.json");
        Files.writeString(a, "[" + result("CardBenchmark.crm4j", "", 3.0, "us/op", null) + ","
                + result("CardBenchmark.jdbc", "", 2.0, "us/op", null) + "]", StandardCharsets.UTF_8);
        Files.writeString(b, "[" + result("ImportBenchmark.crm4j", "", 9.0, "s/op", null) + ","
                + result("ImportBenchmark.jdbc", "", 6.0, "s/op", null) + "]", StandardCharsets.UTF_8);
        Path out = dir.resolve("RESULTS.md");

        Ratios.main(new String[] {a.toString(), b.toString(), out.toString()});

        String written = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(written).contains("From `large.json`:").contains("| Card |  | 3.00 us/op | 2.00 us/op | 1.50× |")
                .contains("From `import.json`:").contains("| Import |  | 9.00 s/op | 6.00 s/op | 1.50× |");
        assertThat(written.indexOf("large.json")).isLessThan(written.indexOf("import.json"));
    }
}
