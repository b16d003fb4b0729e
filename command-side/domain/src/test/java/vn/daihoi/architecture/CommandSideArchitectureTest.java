package vn.daihoi.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domain decides without Spring; only named classes reach the database; no command handler obtains another
 * aggregate's instance (issue 13, ADR 0024).
 */
class CommandSideArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.daihoi");

    /**
     * The command-side lookup tables and stores, by name. A new class that reaches JDBC must be added here on
     * purpose (and be a lookup kept in the command's transaction or a store of its own), never by living in a
     * package whose name ends in "infra".
     */
    static final Set<String> JDBC_CLASSES = Set.of(
            "vn.daihoi.congress.infra.JdbcAssemblies",
            "vn.daihoi.congress.infra.JdbcCongressDirectory",
            "vn.daihoi.delegate.infra.JdbcVotingCredentials",
            "vn.daihoi.election.infra.JdbcBallotBox",
            "vn.daihoi.election.infra.OpenRounds",
            "vn.daihoi.election.infra.BoxVacuum",
            "vn.daihoi.election.infra.JdbcElectionDirectory",
            "vn.daihoi.organisation.infra.JdbcUnitDirectory",
            "vn.daihoi.person.infra.JdbcPersonDirectory",
            "vn.daihoi.person.infra.JdbcPersonalDataVault",
            "vn.daihoi.term.infra.JdbcTermDirectory");

    @Test
    void aggregatesAndPoliciesDoNotDependOnSpring() {
        noClasses().that().resideOutsideOfPackage("..infra..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "javax.sql..", "java.sql..")
                .check(classes);
    }

    @Test
    void onlyTheNamedLookupsAndStoresTouchJdbc() {
        noClasses().that(notNamedIn(JDBC_CLASSES)).and(notNestedIn(JDBC_CLASSES))
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "javax.sql..", "java.sql..")
                .check(classes);
    }

    @Test
    void everyNamedJdbcClassExists() {
        // A name left in the list after its class is gone would let a new class of that name in unreviewed.
        for (String name : JDBC_CLASSES) assertThat(classes.contain(name)).as(name).isTrue();
    }

    @Test
    void theDomainDoesNotReadTheClock() {
        noClasses().that().resideOutsideOfPackage("..infra..")
                .should().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .check(classes);
    }

    /**
     * Issue 13: a class that loads aggregates from a repository loads only aggregates of its own package (the
     * organisation's restructuring loads units, the term handler leaderships); what it needs of another aggregate
     * comes from a lookup or from its own events.
     */
    @Test
    void noClassLoadsAnotherPackagesAggregate() {
        classes().should(loadOnlyAggregatesOfItsOwnPackage()).check(classes);
    }

    /** And nothing hands an aggregate's live instance out: no {@code invoke(x -> x)} over another aggregate. */
    @Test
    void noClassOutsideTheAggregatesPackageHoldsItsRepository() {
        classes().should(holdOnlyRepositoriesOfItsOwnPackage()).check(classes);
    }

    private static ArchCondition<JavaClass> loadOnlyAggregatesOfItsOwnPackage() {
        return new ArchCondition<>("load only aggregates of its own package") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                boolean loads = false;
                for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                    if (call.getTargetOwner().isAssignableTo(Repository.class) && call.getName().equals("load")) loads = true;
                }
                if (!loads) return;
                for (String foreign : foreignRepositories(c)) {
                    events.add(SimpleConditionEvent.violated(c, c.getName() + " calls Repository.load and holds a repository of "
                            + foreign + ", an aggregate of another package"));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> holdOnlyRepositoriesOfItsOwnPackage() {
        return new ArchCondition<>("hold only repositories of aggregates of its own package") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                // Wiring (Axon configurer modules) names repositories for the handlers it builds; it loads nothing.
                if (c.getSimpleName().endsWith("Configuration") || c.getName().contains("Configuration$")) return;
                for (String foreign : foreignRepositories(c)) {
                    events.add(SimpleConditionEvent.violated(c, c.getName() + " holds a repository of " + foreign));
                }
            }
        };
    }

    /** The aggregate types of the Repository fields and constructor parameters of {@code c} outside its package. */
    private static List<String> foreignRepositories(JavaClass c) {
        List<JavaType> types = new ArrayList<>();
        for (JavaField f : c.getFields()) types.add(f.getType());
        c.getConstructors().forEach(k -> k.getParameters().forEach(p -> types.add(p.getType())));
        List<String> foreign = new ArrayList<>();
        for (JavaType t : types) {
            if (!(t instanceof JavaParameterizedType p) || !p.toErasure().isAssignableTo(Repository.class)) continue;
            for (JavaType arg : p.getActualTypeArguments()) {
                JavaClass aggregate = arg.toErasure();
                if (!aggregate.getPackageName().equals(c.getPackageName())) foreign.add(aggregate.getName());
            }
        }
        return foreign;
    }

    private static DescribedPredicate<JavaClass> notNamedIn(Set<String> names) {
        return DescribedPredicate.describe("are not named in " + names, c -> !names.contains(c.getName()));
    }

    private static DescribedPredicate<JavaClass> notNestedIn(Set<String> names) {
        return DescribedPredicate.describe("are not nested in a named class",
                c -> c.getEnclosingClass().map(e -> !names.contains(e.getName())).orElse(true));
    }
}
