package org.crm4j.persistence;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The store adapters stay behind the SPI: nothing of Hibernate, JDBC or Flyway leaks. */
@AnalyzeClasses(packages = "org.crm4j.persistence", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule adaptersDependOnlyOnTheCoreAndTheirTechnology = noClasses()
            .that().resideInAPackage("org.crm4j.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("org.crm4j.reports..", "org.crm4j.examples..",
                    "org.crm4j.internal..");

    @ArchTest
    static final ArchRule theMemoryAdapterNeedsNoDatabase = noClasses()
            .that().resideInAPackage("org.crm4j.persistence.memory..")
            .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "jakarta.persistence..",
                    "java.sql..", "org.flywaydb..", "org.h2..", "org.crm4j.persistence.jpa..");

    @ArchTest
    static final ArchRule onlyTheProvidersArePublic = classes()
            .that().resideInAPackage("org.crm4j.persistence..")
            .and().arePublic()
            .should().implement(org.crm4j.store.CrmStoreProvider.class)
            .because("everything else of an adapter is an implementation detail");

    @ArchTest
    static final ArchRule entitiesStayInTheJpaAdapter = noClasses()
            .that().resideOutsideOfPackage("org.crm4j.persistence.jpa..")
            .should().beAnnotatedWith("jakarta.persistence.Entity");

    /**
     * Hibernate translates a query with a multi-valued parameter again on every execution (its
     * plan cache leaves such queries out); one left-over list keeps the whole query uncached.
     */
    @ArchTest
    static final ArchRule listParametersGoThroughInList = noClasses()
            .that().resideInAPackage("org.crm4j.persistence.jpa..").and().doNotHaveSimpleName("InList")
            .should().callMethodWhere(target(name("setParameterList")))
            .because("InList.expand and InList.bind keep a query's plan cached");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.crm4j.persistence.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noStandardStreams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule noJavaUtilLogging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule noPrintStackTrace = noClasses().should().callMethod(Throwable.class, "printStackTrace")
            .orShould().callMethod(Throwable.class, "printStackTrace", java.io.PrintStream.class);
}
