package org.crm4j.reports;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.sql.Driver;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crm4j.customer.Criterion;
import org.crm4j.customer.CustomerId;
import org.crm4j.internal.Assert;
import org.crm4j.plugin.Report;
import org.crm4j.plugin.ReportContext;
import org.crm4j.store.Visibility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The architecture of crm-reports, held by the build: reports use only crm-core's API and SPI
 * (never its {@code internal} package), the JDK, Jakarta APIs and SLF4J; never the persistence
 * adapter, Hibernate or a JDBC driver; report definitions are immutable; plus hygiene. Only main
 * classes are checked. The rules are also run against classes that break them, to show that they
 * can fail.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.crm4j.reports");

    /**
     * crm-core's API and SPI: every package of org.crm4j except core's {@code internal}, and not
     * the modules that depend on crm-core. Feature packages added to the core later are included.
     */
    private static final DescribedPredicate<JavaClass> CORE_API_AND_SPI = resideInAPackage("org.crm4j..")
            .and(DescribedPredicate.not(resideInAnyPackage(
                    "org.crm4j.internal..", "org.crm4j.persistence..", "org.crm4j.examples..")))
            .as("crm-core API and SPI");

    private static final DescribedPredicate<JavaClass> PRIMITIVES = DescribedPredicate.describe("primitive types",
            c -> c.isPrimitive() || c.isArray() && c.getBaseComponentType().isPrimitive());

    private static final DescribedPredicate<JavaClass> ALLOWED = resideInAPackage("org.crm4j.reports..")
            .or(CORE_API_AND_SPI)
            .or(resideInAnyPackage("java..", "jakarta..", "org.slf4j.."))
            .or(resideInAnyPackage("com.github.mustachejava..", "com.openhtmltopdf.."))
            .or(resideInAPackage("org.apache.commons.csv.."))
            .or(PRIMITIVES)
            .as("org.crm4j.reports, the crm-core API and SPI, java.., jakarta.., org.slf4j.., Mustache, openhtmltopdf"
                    + " or Commons CSV");

    static final ArchRule ONLY_CORE_API_AND_STANDARD_LIBRARIES = classes()
            .that().resideInAPackage("org.crm4j.reports..")
            .should().onlyDependOnClassesThat(ALLOWED)
            .because("reports are built on crm-core's API and SPI; org.crm4j.internal may change in any release");

    static final ArchRule NO_PERSISTENCE_ADAPTER_OR_DRIVER = noClasses()
            .that().resideInAPackage("org.crm4j.reports..")
            .should().dependOnClassesThat().resideInAnyPackage("org.crm4j.persistence..",
                    "org.hibernate..", "org.h2..", "org.postgresql..", "org.flywaydb..", "com.zaxxer..")
            .orShould().dependOnClassesThat().areAssignableTo(Driver.class)
            .orShould().dependOnClassesThat().belongToAnyOf(DriverManager.class)
            .because("reports reach the data through the core's store SPI, whatever adapter and database "
                    + "the host runs, and are computed there (SQL aggregates), never in the JVM");

    static final ArchRule NO_ENTITIES = noClasses()
            .that().resideInAPackage("org.crm4j.reports..")
            .should().beAnnotatedWith("jakarta.persistence.Entity")
            .because("reports aggregate in the database; entities belong to crm-persistence");

    static final ArchRule NO_CYCLES = slices().matching("org.crm4j.reports.(*)..")
            .should().beFreeOfCycles();

    static final ArchRule NO_STANDARD_STREAMS =
            GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
    static final ArchRule NO_JAVA_UTIL_LOGGING =
            GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
    static final ArchRule NO_PRINT_STACK_TRACE = noClasses().should().callMethodWhere(
            target(name("printStackTrace")).and(target(owner(assignableTo(Throwable.class)))))
            .as("no classes should call Throwable.printStackTrace()");
    static final ArchRule REPORTS_ARE_IMMUTABLE = classes()
            .that().resideInAPackage("org.crm4j.reports..").and().implement(Report.class)
            .should().haveOnlyFinalFields()
            .andShould().haveModifier(JavaModifier.FINAL)
            .because("a report definition is a value that many actors run from many threads");

    @Test
    void reportsDependOnlyOnCoreApiSpiAndStandardLibraries() {
        ONLY_CORE_API_AND_STANDARD_LIBRARIES.check(MAIN);
    }

    @Test
    void reportsNeverDependOnThePersistenceAdapterHibernateOrJdbcDrivers() {
        NO_PERSISTENCE_ADAPTER_OR_DRIVER.check(MAIN);
    }

    @Test
    void reportsDefineNoEntities() {
        NO_ENTITIES.check(MAIN);
    }

    @Test
    void reportPackagesAreFreeOfCycles() {
        NO_CYCLES.check(MAIN);
    }

    @Test
    void reportDefinitionsAreImmutable() {
        REPORTS_ARE_IMMUTABLE.check(MAIN);
    }

    @Test
    void noClassWritesToStandardStreams() {
        NO_STANDARD_STREAMS.check(MAIN);
    }

    @Test
    void noClassUsesJavaUtilLogging() {
        NO_JAVA_UTIL_LOGGING.check(MAIN);
    }

    @Test
    void noClassPrintsStackTraces() {
        NO_PRINT_STACK_TRACE.check(MAIN);
    }

    // The same rules against classes written to pass or break them.

    @Test
    void aReportOnCoreApiSpiJdkAndSlf4jPasses() {
        JavaClasses fine = new ClassFileImporter().importClasses(WellBehavedReport.class);

        assertThatCode(() -> ONLY_CORE_API_AND_STANDARD_LIBRARIES.check(fine)).doesNotThrowAnyException();
        assertThatCode(() -> NO_PERSISTENCE_ADAPTER_OR_DRIVER.check(fine)).doesNotThrowAnyException();
        assertThatCode(() -> NO_PRINT_STACK_TRACE.check(fine)).doesNotThrowAnyException();
    }

    @Test
    void aReportOnCoreInternalsFails() {
        JavaClasses bad = new ClassFileImporter().importClasses(ReportOnInternals.class);

        assertThatThrownBy(() -> ONLY_CORE_API_AND_STANDARD_LIBRARIES.check(bad)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.crm4j.internal.Assert");
    }

    @Test
    void aReportLoadingAJdbcDriverFails() {
        JavaClasses bad = new ClassFileImporter().importClasses(ReportWithItsOwnConnection.class);

        assertThatThrownBy(() -> NO_PERSISTENCE_ADAPTER_OR_DRIVER.check(bad)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("java.sql.DriverManager");
        assertThatThrownBy(() -> NO_PRINT_STACK_TRACE.check(bad)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("printStackTrace");
    }

    @Test
    void aReportWithAMutableFieldFails() {
        JavaClasses bad = new ClassFileImporter().importClasses(MutableReport.class);

        assertThatThrownBy(() -> REPORTS_ARE_IMMUTABLE.check(bad)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("runs");
    }

    /** Counts its runs in a field: not a value. */
    static final class MutableReport implements Report<Integer> {
        private int runs;

        @Override
        public String id() {
            return "mutable";
        }

        @Override
        public Integer run(ReportContext context) {
            return ++runs;
        }
    }

    /** Uses what a report may use. */
    static class WellBehavedReport {
        private static final Logger LOG = LoggerFactory.getLogger(WellBehavedReport.class);
        private final long[] totals = new long[12];

        Map<CustomerId, Long> count(Visibility visibility, Criterion where, Instant from, List<String> owners) {
            LOG.debug("counting {} {} {} {} {}", visibility, where, from, owners, totals.length);
            return Map.of();
        }
    }

    /** Reaches into the core's implementation. */
    static class ReportOnInternals {
        Object check(Object value) {
            return Assert.notNull(value, "value");
        }
    }

    /** Opens its own JDBC connection and prints errors to the console. */
    static class ReportWithItsOwnConnection {
        void run() {
            try {
                DriverManager.getConnection("jdbc:h2:mem:").close();
            } catch (java.sql.SQLException e) {
                e.printStackTrace();
            }
        }
    }
}
