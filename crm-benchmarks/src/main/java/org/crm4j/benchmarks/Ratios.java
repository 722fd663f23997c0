package org.crm4j.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns JMH's JSON results ({@code -rf json}) into a Markdown table of crm4j / baseline ratios:
 * a benchmark method {@code crm4j} (or {@code x_crm4j}) is paired with {@code jdbc} (or
 * {@code x_jdbc}) of the same class and parameters. With {@code -prof gc} the allocation per
 * operation is shown too.
 *
 * <pre>java -cp crm-benchmarks/target/benchmarks.jar org.crm4j.benchmarks.Ratios results.json [more.json ...] RESULTS.md</pre>
 */
public final class Ratios {
    /** The allocation per operation of {@code -prof gc}: JMH 1.37 names it so, earlier versions with a "·" before. */
    private static final List<String> ALLOC = List.of("gc.alloc.rate.norm", "·gc.alloc.rate.norm");

    private Ratios() {
    }

    /**
     * @param args JMH's JSON files, one table each, and the Markdown file to write (the argument
     *     ending in {@code .md}; standard output without it)
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        List<Path> inputs = new ArrayList<>();
        Path output = null;
        for (String arg : args) {
            if (arg.endsWith(".md")) {
                output = Path.of(arg);
            } else {
                inputs.add(Path.of(arg));
            }
        }
        if (inputs.isEmpty()) {
            System.err.println("usage: Ratios results.json [more.json ...] [RESULTS.md]");
            System.exit(2);
        }
        StringBuilder table = new StringBuilder();
        for (Path input : inputs) {
            if (inputs.size() > 1) {
                table.append(table.length() == 0 ? "" : "\n").append("From `").append(input.getFileName())
                        .append("`:\n\n");
            }
            table.append(table(Files.readString(input, StandardCharsets.UTF_8)));
        }
        if (output != null) {
            Files.writeString(output, table, StandardCharsets.UTF_8);
        } else {
            System.out.print(table);
        }
    }

    /**
     * @param json JMH's results
     * @return the table
     */
    @SuppressWarnings("unchecked")
    static String table(String json) {
        List<Object> results = (List<Object>) new Json(json).value();
        Map<String, Map<String, Map<String, Object>>> pairs = new TreeMap<>();
        for (Object o : results) {
            Map<String, Object> r = (Map<String, Object>) o;
            String benchmark = (String) r.get("benchmark");
            String cls = benchmark.substring(0, benchmark.lastIndexOf('.'));
            cls = cls.substring(cls.lastIndexOf('.') + 1).replace("Benchmark", "");
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String side = method.endsWith("crm4j") ? "crm4j" : method.endsWith("jdbc") ? "jdbc" : method;
            String work = method.contains("_") ? cls + " " + method.substring(0, method.lastIndexOf('_')) : cls;
            Map<String, Object> params = (Map<String, Object>) r.getOrDefault("params", Map.of());
            String key = work + " | " + String.join(", ", new TreeMap<>(params).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList());
            pairs.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(side, r);
        }
        // a second baseline of a class (x_jdbc without an x_crm4j) is paired with its crm4j
        for (Map.Entry<String, Map<String, Map<String, Object>>> e : pairs.entrySet()) {
            if (!e.getValue().containsKey("crm4j") && e.getValue().containsKey("jdbc")) {
                String[] workAndParams = e.getKey().split(" \\| ", 2);
                String plain = workAndParams[0].split(" ")[0] + " | " + workAndParams[1];
                Map<String, Map<String, Object>> main = pairs.get(plain);
                if (main != null && main.containsKey("crm4j")) {
                    e.getValue().put("crm4j", main.get("crm4j"));
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("| work | parameters | crm4j | baseline | crm4j / baseline | crm4j alloc/op | baseline alloc/op |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Map<String, Map<String, Object>>> e : pairs.entrySet()) {
            Map<String, Object> crm = e.getValue().get("crm4j");
            Map<String, Object> jdbc = e.getValue().get("jdbc");
            out.append("| ").append(e.getKey()).append(" | ").append(score(crm)).append(" | ").append(score(jdbc))
                    .append(" | ");
            if (crm != null && jdbc != null) {
                out.append(String.format(Locale.ROOT, "%.2f×", value(crm) / value(jdbc)));
            } else {
                out.append(e.getValue().keySet().stream().filter(s -> !s.equals("crm4j") && !s.equals("jdbc"))
                        .map(s -> s + " " + score(e.getValue().get(s))).reduce((a, b) -> a + "; " + b).orElse("–"));
            }
            out.append(" | ").append(alloc(crm)).append(" | ").append(alloc(jdbc)).append(" |\n");
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static double value(Map<String, Object> r) {
        return ((Number) ((Map<String, Object>) r.get("primaryMetric")).get("score")).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static String score(Map<String, Object> r) {
        if (r == null) {
            return "–";
        }
        Map<String, Object> m = (Map<String, Object>) r.get("primaryMetric");
        double v = value(r);
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : v >= 1 ? "%.2f %s" : "%.4f %s", v, m.get("scoreUnit"));
    }

    @SuppressWarnings("unchecked")
    private static String alloc(Map<String, Object> r) {
        if (r == null) {
            return "–";
        }
        Map<String, Object> secondary = (Map<String, Object>) r.getOrDefault("secondaryMetrics", Map.of());
        Map<String, Object> a = ALLOC.stream().map(k -> (Map<String, Object>) secondary.get(k))
                .filter(m -> m != null).findFirst().orElse(null);
        if (a == null) {
            return "–";
        }
        double bytes = ((Number) a.get("score")).doubleValue();
        return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", bytes / (1 << 20))
                : bytes >= 1 << 10 ? String.format(Locale.ROOT, "%.1f kB", bytes / (1 << 10))
                : String.format(Locale.ROOT, "%.0f B", bytes);
    }

    /** Just enough JSON for JMH's output: objects, arrays, strings, numbers, true/false/null. */
    private static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            skip();
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    Map<String, Object> m = new LinkedHashMap<>();
                    i++;
                    skip();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        skip();
                        String k = string();
                        skip();
                        i++; // :
                        m.put(k, value());
                        skip();
                        if (s.charAt(i++) == '}') {
                            return m;
                        }
                    }
                }
                case '[': {
                    List<Object> l = new ArrayList<>();
                    i++;
                    skip();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        skip();
                        if (s.charAt(i++) == ']') {
                            return l;
                        }
                    }
                }
                case '"':
                    return string();
                default: {
                    int start = i;
                    while (i < s.length() && ",}] \n\r\t".indexOf(s.charAt(i)) < 0) {
                        i++;
                    }
                    String word = s.substring(start, i);
                    return switch (word) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        case "null" -> null;
                        default -> word.equals("NaN") ? Double.NaN : Double.parseDouble(word);
                    };
                }
            }
        }

        private String string() {
            StringBuilder b = new StringBuilder();
            i++; // opening quote
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
