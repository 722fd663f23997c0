package org.crm4j.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.PrintStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The examples show how a host embeds crm4j, so they use nothing but its public API. */
@AnalyzeClasses(packages = "org.crm4j.examples", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyThePublicApi = noClasses().that().resideInAPackage("org.crm4j.examples..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.crm4j.internal..", "org.crm4j.persistence..", "org.hibernate..", "org.h2..")
            .because("examples show the public API a host programs against; store adapters come from the class path");

    /** JDBC is the host's own business: only the ERP example, which has tables of its own, uses it. */
    @ArchTest
    static final ArchRule jdbcOnlyInTheHostWithTablesOfItsOwn = noClasses()
            .that().resideInAPackage("org.crm4j.examples..").and().haveNameNotMatching(".*\\.ErpScenario(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..")
            .because("crm4j needs no JDBC code of a host; the ERP example writes its own tables and hands crm4j"
                    + " its transaction's connection");

    @ArchTest
    static final ArchRule standardStreamsOnlyInMain = codeUnits().that()
            .areDeclaredInClassesThat().resideInAPackage("org.crm4j.examples..")
            .and().doNotHaveName("main")
            .should(notAccessStandardStreams())
            .because("an example prints where its caller tells it to; only main picks System.out");

    /** @return the code unit reads neither {@code System.out} nor {@code System.err} */
    static ArchCondition<JavaCodeUnit> notAccessStandardStreams() {
        Set<String> streams = Set.of("out", "err");
        return new ArchCondition<>("not access System.out or System.err") {
            @Override
            public void check(JavaCodeUnit codeUnit, ConditionEvents events) {
                for (JavaFieldAccess access : codeUnit.getFieldAccesses()) {
                    boolean stream = access.getTarget().getOwner().isEquivalentTo(System.class)
                            && streams.contains(access.getTarget().getName());
                    if (stream) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                    }
                }
            }
        };
    }

    /** Prints outside main: the custom rule must catch it. */
    static final class PrintsOutsideMain {
        static void main(String[] args) {
            System.out.println("allowed here");
        }

        void report(PrintStream out) {
            out.println("fine");
        }

        void shout() {
            System.err.println("not allowed here");
        }

        Runnable later() {
            return () -> System.out.println("nor here");
        }
    }

    @Test
    void theStreamRuleCatchesStandardStreamsOutsideMain() {
        JavaClasses classes = new ClassFileImporter().importClasses(PrintsOutsideMain.class);
        assertThatThrownBy(() -> standardStreamsOnlyInMain.check(classes)).isInstanceOf(AssertionError.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .contains("shout()").contains("System.err")
                        .contains("later()").contains("System.out")
                        .doesNotContain("main(").doesNotContain("report("));
    }
}
