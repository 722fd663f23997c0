package org.crm4j.tck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The TCK speaks to an adapter only through crm4j's public API and SPI, as a host does. */
@AnalyzeClasses(packages = "org.crm4j.tck", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyThePublicApiAndSpi = noClasses()
            .that().resideInAPackage("org.crm4j.tck..")
            .should().dependOnClassesThat().resideInAnyPackage("org.crm4j.internal..", "org.crm4j.persistence..",
                    "org.crm4j.examples..", "org.hibernate..", "org.h2..", "org.flywaydb..");
}
