package org.crm4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * crm-core is a named module: a host that puts it on the module path gets the API and the SPI, and
 * nothing of the services behind them. The quick start runs in a JVM of its own with crm-core and
 * the modules it requires on the module path, the rest (crm-persistence, crm-reports, Hibernate,
 * the host) on the class path.
 */
class ModulePathIT {
    /** What crm-core requires, by the start of their file names; they go on the module path with it. */
    private static final List<String> CORE_MODULES = List.of("jakarta.validation-api-", "slf4j-api-", "caffeine-",
            "libphonenumber-");

    @Test
    void theQuickStartRuns_withCrmCoreOnTheModulePath_andItsServicesOutOfReach() throws Exception {
        List<String> modulePath = new ArrayList<>();
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            boolean core = entry.replace('\\', '/').matches(".*/crm-core/target/classes/?")
                    || name.matches("crm-core-[^-]+(-SNAPSHOT)?\\.jar");
            if (core || CORE_MODULES.stream().anyMatch(name::startsWith)) {
                modulePath.add(entry);
            } else {
                classPath.add(entry);
            }
        }
        assertThat(modulePath).as("crm-core and the modules it requires").hasSize(1 + CORE_MODULES.size());

        List<String> output = run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", String.join(File.pathSeparator, modulePath),
                "--add-modules", "org.crm4j.core",
                "-cp", String.join(File.pathSeparator, classPath),
                "-Dorg.jboss.logging.provider=slf4j",
                ModuleProbe.class.getName()));

        assertThat(output).contains("crm-core module: org.crm4j.core",
                "exports org.crm4j.customer: true",
                "exports org.crm4j.internal.customer: false",
                "org.crm4j.internal.Assert: refused (IllegalAccessException)");
        assertThat(output).anySatisfy(line -> assertThat(line).contains("Customer card of ACME Machinery GmbH"));
    }

    private static List<String> run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] bytes = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text.lines().toList();
    }
}
