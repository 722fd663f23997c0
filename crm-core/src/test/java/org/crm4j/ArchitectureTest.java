package org.crm4j;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.ANNOTATIONS;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.ENUMS;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Cache;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.sql.Driver;
import java.sql.DriverManager;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.crm4j.customer.CustomerKind;
import org.crm4j.customer.CustomerStatus;
import org.crm4j.internal.access.AccessPolicy;
import org.junit.jupiter.api.Test;

/**
 * The architecture of crm-core, held by the build (see {@code ARCHITECTURE.md}): which libraries
 * the core may use, no cycles between packages, a public surface free of implementation
 * types, and hygiene. Only main classes are checked.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.crm4j");

    /** The persistence technology; it belongs in crm-persistence. */
    static final ArchRule NO_PERSISTENCE_TECHNOLOGY = noClasses().that().resideInAPackage("org.crm4j..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.hibernate..", "org.h2..", "org.postgresql..", "org.flywaydb..", "com.zaxxer..")
            .orShould().dependOnClassesThat().areAssignableTo(Driver.class)
            .orShould().dependOnClassesThat().belongToAnyOf(DriverManager.class)
            .because("crm-core never imports Hibernate, a JDBC driver, H2, Flyway or a connection pool; "
                    + "store adapters live in crm-persistence");

    /**
     * ARCHITECTURE.md lets the core use jakarta.persistence-api for annotations and interfaces
     * only (e.g. a host's {@code EntityManagerFactory}); enums are allowed as annotation values
     * ({@code FetchType.LAZY}). Classes such as {@code Persistence} (which boots a provider) or
     * {@code PersistenceException} (which the adapter translates) are not.
     */
    static final ArchRule JAKARTA_PERSISTENCE_ONLY_ANNOTATIONS_AND_INTERFACES = noClasses()
            .that().resideInAPackage("org.crm4j..")
            .should().dependOnClassesThat(resideInAPackage("jakarta.persistence..")
                    .and(DescribedPredicate.not(ANNOTATIONS))
                    .and(DescribedPredicate.not(INTERFACES))
                    .and(DescribedPredicate.not(ENUMS))
                    .as("classes of jakarta.persistence other than annotations, interfaces and enums"));

    static final ArchRule NO_DEPENDENCY_ON_OTHER_MODULES = noClasses().that().resideInAPackage("org.crm4j..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.crm4j.persistence..", "org.crm4j.reports..", "org.crm4j.examples..")
            .because("every other module depends on crm-core, never the other way round");

    static final ArchRule CAFFEINE_STAYS_INSIDE = noClasses().that().resideOutsideOfPackage("org.crm4j.internal..")
            .should().dependOnClassesThat().resideInAPackage("com.github.benmanes.caffeine..")
            .because("Caffeine is an implementation detail (STYLE.md: Caffeine stays inside)");

    static final ArchRule PHONE_LIBRARY_STAYS_INSIDE = noClasses().that().resideOutsideOfPackage("org.crm4j.internal..")
            .should().dependOnClassesThat().resideInAPackage("com.google.i18n.phonenumbers..")
            .because("libphonenumber reads the phone numbers of imports; hosts see E.164 strings, never its types");

    static final ArchRule SPI_DOES_NOT_USE_INTERNAL = noClasses()
            .that().resideInAnyPackage("org.crm4j.store..", "org.crm4j.plugin..")
            .should().dependOnClassesThat().resideInAPackage("org.crm4j.internal..")
            .because("adapter and plugin authors implement the SPI; internal may change in any release");

    static final ArchRule PLUGINS_ARE_NOT_ADAPTERS = noClasses().that().resideInAPackage("org.crm4j.store..")
            .should().dependOnClassesThat().resideInAPackage("org.crm4j.plugin..")
            .because("a store adapter implements org.crm4j.store alone; plugins may read stores, not the reverse");

    /**
     * Every sub-package of {@code org.crm4j} is a slice ({@code customer}, {@code common},
     * {@code access}, {@code event}, {@code store}, {@code plugin}, {@code internal} ...); the root package (the
     * front door and the exceptions every feature throws) is none.
     */
    static final ArchRule PACKAGES_FREE_OF_CYCLES = slices().matching("org.crm4j.(*)..")
            .should().beFreeOfCycles();

    /** Implementation types that must not appear in the public surface. */
    private static final DescribedPredicate<JavaClass> IMPLEMENTATION_TYPES = resideInAnyPackage(
            "com.github.benmanes.caffeine..", "com.google.i18n.phonenumbers..", "org.hibernate..",
            "org.crm4j.internal..")
            .as("Caffeine, libphonenumber, Hibernate or org.crm4j.internal types");

    static final ArchRule NO_IMPLEMENTATION_TYPES_IN_PUBLIC_SIGNATURES = classes()
            .that().arePublic().and().resideOutsideOfPackage("org.crm4j.internal..")
            .should(notExposeInPublicSignatures(IMPLEMENTATION_TYPES))
            .because("the public surface is the API and the SPI; implementations may change in any release");

    static final ArchRule NO_PRINT_STACK_TRACE = noClasses().should().callMethodWhere(
            target(name("printStackTrace")).and(target(owner(assignableTo(Throwable.class)))))
            .as("no classes should call Throwable.printStackTrace()")
            .because("errors go to the caller as a CrmException or to SLF4J, never to the console");

    @Test
    void coreDoesNotDependOnThePersistenceTechnology() {
        NO_PERSISTENCE_TECHNOLOGY.check(MAIN);
    }

    @Test
    void coreUsesJakartaPersistenceOnlyForAnnotationsAndInterfaces() {
        JAKARTA_PERSISTENCE_ONLY_ANNOTATIONS_AND_INTERFACES.check(MAIN);
    }

    @Test
    void coreDoesNotDependOnTheOtherModules() {
        NO_DEPENDENCY_ON_OTHER_MODULES.check(MAIN);
    }

    @Test
    void onlyInternalUsesCaffeine() {
        CAFFEINE_STAYS_INSIDE.check(MAIN);
    }

    @Test
    void onlyInternalUsesThePhoneLibrary() {
        PHONE_LIBRARY_STAYS_INSIDE.check(MAIN);
    }

    @Test
    void spiDoesNotDependOnInternal() {
        SPI_DOES_NOT_USE_INTERNAL.check(MAIN);
    }

    @Test
    void theStoreSpiNeedsNoPluginType() {
        PLUGINS_ARE_NOT_ADAPTERS.check(MAIN);
    }

    @Test
    void packagesAreFreeOfCycles() {
        PACKAGES_FREE_OF_CYCLES.check(MAIN);
    }

    @Test
    void publicSignaturesOutsideInternalExposeNoImplementationTypes() {
        NO_IMPLEMENTATION_TYPES_IN_PUBLIC_SIGNATURES.check(MAIN);
    }

    @Test
    void noClassWritesToStandardStreams() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(MAIN);
    }

    @Test
    void noClassUsesJavaUtilLogging() {
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(MAIN);
    }

    @Test
    void noClassPrintsStackTraces() {
        NO_PRINT_STACK_TRACE.check(MAIN);
    }

    @Test
    void importsTheMainClassesOnly() {
        assertThat(MAIN.contain(Crm.class)).isTrue();
        assertThat(MAIN.contain(AccessPolicy.class)).isTrue();
        assertThat(MAIN.contain(ArchitectureTest.class)).isFalse();
    }

    // The rules written here (not taken from ArchUnit) are checked against classes that break them,
    // so that a rule that can never fail does not pass unnoticed.

    @Test
    void publicSignatureRuleCatchesInternalAndCaffeineTypes() {
        JavaClasses leaky = new ClassFileImporter().importClasses(LeakyApi.class, HiddenLeak.class);

        assertThatThrownBy(() -> NO_IMPLEMENTATION_TYPES_IN_PUBLIC_SIGNATURES.check(leaky))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyApi.policy")
                .hasMessageContaining("LeakyApi.policies")
                .hasMessageContaining("LeakyApi.cache")
                .hasMessageContaining("LeakyApi.<init>")
                .hasMessageContaining("LeakyApi.POLICY")
                .hasMessageContaining("LeakyApi.policyArray")
                .hasMessageNotContaining("HiddenLeak")
                .hasMessageNotContaining("privatePolicy");
    }

    @Test
    void printStackTraceRuleCatchesCallsOnAnyThrowable() {
        JavaClasses noisy = new ClassFileImporter().importClasses(Noisy.class);

        assertThatThrownBy(() -> NO_PRINT_STACK_TRACE.check(noisy)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Noisy.swallow");
    }

    private static ArchCondition<JavaClass> notExposeInPublicSignatures(DescribedPredicate<JavaClass> forbidden) {
        return new ArchCondition<>("not expose " + forbidden.getDescription()
                + " in the parameters, return types or fields of public or protected members") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Stream.<JavaMember>concat(javaClass.getCodeUnits().stream(), javaClass.getFields().stream())
                        .filter(ArchitectureTest::isVisibleOutside)
                        .forEach(member -> {
                            for (JavaClass type : signatureTypes(member)) {
                                if (forbidden.test(type)) {
                                    events.add(SimpleConditionEvent.violated(member, member.getDescription()
                                            + " exposes " + type.getName() + " in " + member.getSourceCodeLocation()));
                                }
                            }
                        });
            }
        };
    }

    private static boolean isVisibleOutside(JavaMember member) {
        Set<JavaModifier> modifiers = member.getModifiers();
        return (modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED))
                && !modifiers.contains(JavaModifier.SYNTHETIC);
    }

    /** Every raw type in the member's signature, including type arguments and array components. */
    private static Set<JavaClass> signatureTypes(JavaMember member) {
        List<JavaType> types;
        if (member instanceof JavaField field) {
            types = List.of(field.getType());
        } else {
            JavaCodeUnit codeUnit = (JavaCodeUnit) member;
            types = new java.util.ArrayList<>(codeUnit.getParameterTypes());
            types.add(codeUnit.getReturnType());
        }
        Set<JavaClass> raw = new LinkedHashSet<>();
        for (JavaType type : types) {
            for (JavaClass c : type.getAllInvolvedRawTypes()) {
                raw.add(c.isArray() ? c.getBaseComponentType() : c);
            }
        }
        return raw;
    }

    /** Breaks the public-signature rule in every way it checks. */
    public static class LeakyApi {
        public static final AccessPolicy POLICY = null;

        public LeakyApi(AccessPolicy policy) {
        }

        public AccessPolicy policy() {
            return null;
        }

        public List<AccessPolicy> policies() {
            return List.of();
        }

        public AccessPolicy[] policyArray() {
            return new AccessPolicy[0];
        }

        protected void cache(Cache<String, String> cache) {
        }

        private AccessPolicy privatePolicy() {
            return null;
        }
    }

    /** Not public, so it may use what it likes. */
    static class HiddenLeak {
        public AccessPolicy policy() {
            return null;
        }
    }

    /** Calls printStackTrace on a subtype of Throwable. */
    static class Noisy {
        void swallow(IllegalStateException e) {
            e.printStackTrace();
        }
    }
}
