package org.crm4j.persistence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.crm4j.store.CustomerSearch;
import org.crm4j.store.DuplicateKeys;
import org.crm4j.store.DuplicateQuery;
import org.crm4j.store.StallQuery;
import org.crm4j.store.Visibility;
import org.junit.jupiter.api.Test;

/**
 * Need-to-know (R28) is written once per adapter: {@code NeedToKnow} in the JPA adapter (the
 * conditions of every query's WHERE clause) and {@code MemoryNeedToKnow} in the in-memory one (one
 * predicate). These rules fail the build when a store decides it by itself: reads a
 * {@link Visibility}'s owners, or answers a read on someone's behalf without asking the construct.
 */
class NeedToKnowArchitectureTest {
    /** The one construct of each adapter. */
    private static final Set<String> CONSTRUCTS = Set.of("org.crm4j.persistence.jpa.NeedToKnow",
            "org.crm4j.persistence.memory.MemoryNeedToKnow");
    /** What carries an actor's need-to-know into a store. */
    private static final Set<Class<?>> CARRIERS = Set.of(Visibility.class, CustomerSearch.class, DuplicateQuery.class,
            DuplicateKeys.class, StallQuery.class);

    private static final JavaClasses ADAPTERS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.crm4j.persistence");

    /** Only the construct reads what a visibility holds. */
    static final ArchRule onlyTheConstructReadsAVisibility = noClasses()
            .that().resideInAPackage("org.crm4j.persistence..")
            .and(notTheConstruct())
            .should().callMethod(Visibility.class, "owners")
            .orShould().callMethod(Visibility.class, "all")
            .orShould().callMethod(Visibility.class, "covers", String.class)
            .because("need-to-know is decided in one place per adapter (NeedToKnow, MemoryNeedToKnow)");

    /** A store method given someone's need-to-know asks the construct, itself or through its own helpers. */
    static final ArchRule everyReadOnSomeonesBehalfAsksTheConstruct = methods()
            .that().areDeclaredInClassesThat().resideInAPackage("org.crm4j.persistence..")
            .and(takeNeedToKnow())
            .and().areDeclaredInClassesThat(notTheConstruct())
            .and().areDeclaredInClassesThat(areStores())
            .should(askTheConstruct())
            .because("a read on someone's behalf must apply need-to-know through the adapter's one construct");

    @Test
    void onlyTheConstructReadsAVisibility() {
        onlyTheConstructReadsAVisibility.check(ADAPTERS);
    }

    @Test
    void everyReadOnSomeonesBehalfAsksTheConstruct() {
        everyReadOnSomeonesBehalfAsksTheConstruct.check(ADAPTERS);
    }

    /** The rules are seen to fail on a store that decides need-to-know by itself. */
    @Test
    void aStoreThatBypassesTheConstructFailsTheBuild() {
        JavaClasses bypassing = new ClassFileImporter().importClasses(BypassingStore.class);
        assertThat(onlyTheConstructReadsAVisibility.evaluate(bypassing).hasViolation()).isTrue();
        assertThat(everyReadOnSomeonesBehalfAsksTheConstruct.evaluate(bypassing).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("BypassingStore.find"));
    }

    /** A store that filters by the record's owner in its own query: what the rules exist to stop. */
    static final class BypassingStore {
        String find(long id, Visibility visibility) {
            return "select o from Opportunity o where o.id = " + id
                    + (visibility.all() ? "" : " and o.ownerId in " + visibility.owners());
        }
    }

    private static DescribedPredicate<JavaClass> notTheConstruct() {
        return DescribedPredicate.describe("are not the need-to-know construct",
                c -> !CONSTRUCTS.contains(c.getName()) && !CONSTRUCTS.contains(c.getEnclosingClass()
                        .map(JavaClass::getName).orElse("")));
    }

    private static DescribedPredicate<JavaClass> areStores() {
        return DescribedPredicate.describe("are stores",
                c -> c.getSimpleName().endsWith("Store") || c.getAllRawInterfaces().stream()
                        .anyMatch(i -> i.getPackageName().equals("org.crm4j.store") && i.getSimpleName().endsWith("Store")));
    }

    private static DescribedPredicate<JavaMethod> takeNeedToKnow() {
        return DescribedPredicate.describe("take an actor's need-to-know",
                m -> m.getRawParameterTypes().stream().anyMatch(t -> CARRIERS.stream().anyMatch(t::isEquivalentTo)));
    }

    private static ArchCondition<JavaMethod> askTheConstruct() {
        return new ArchCondition<>("ask the need-to-know construct") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean asks = reachesConstruct(method);
                events.add(new SimpleConditionEvent(method, asks, method.getFullName()
                        + (asks ? " asks" : " does not ask") + " the need-to-know construct"));
            }
        };
    }

    /** Whether the method calls the construct, or a method of its own class that does (transitively). */
    private static boolean reachesConstruct(JavaCodeUnit start) {
        Deque<JavaCodeUnit> todo = new ArrayDeque<>();
        Set<JavaCodeUnit> seen = new HashSet<>();
        todo.add(start);
        while (!todo.isEmpty()) {
            JavaCodeUnit unit = todo.poll();
            if (!seen.add(unit)) {
                continue;
            }
            for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
                JavaClass owner = call.getTargetOwner();
                if (CONSTRUCTS.contains(owner.getName())) {
                    return true;
                }
                if (sameTopLevel(owner, start.getOwner())) {
                    call.getTarget().resolveMember().ifPresent(todo::add);
                }
            }
            unit.getConstructorCallsFromSelf().forEach(call -> {
                if (sameTopLevel(call.getTargetOwner(), start.getOwner())) {
                    call.getTarget().resolveMember().ifPresent(todo::add);
                }
            });
        }
        return false;
    }

    private static boolean sameTopLevel(JavaClass a, JavaClass b) {
        return top(a).equals(top(b)) || a.getPackageName().equals(b.getPackageName());
    }

    private static String top(JavaClass c) {
        JavaClass t = c;
        while (t.getEnclosingClass().isPresent()) {
            t = t.getEnclosingClass().get();
        }
        return t.getName();
    }
}
