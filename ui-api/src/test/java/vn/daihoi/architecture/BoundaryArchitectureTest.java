package vn.daihoi.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries, checked over the assembled classpath. Feature packages share names across modules,
 * so a class's module is told by the jar or folder it was loaded from.
 */
class BoundaryArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.daihoi");

    static DescribedPredicate<JavaClass> fromModule(String module) {
        return DescribedPredicate.describe("from module " + module, c -> c.getSource()
                .map(s -> s.getUri().toString().contains("/" + module + "/")
                        || s.getUri().toString().contains(module + "-0.1.0-SNAPSHOT.jar")).orElse(false));
    }

    @Test
    void theQuerySideNeverSeesAnAggregateOrPolicy() {
        noClasses().that(fromModule("query-side").or(fromModule("daihoi-query-side")))
                .should().dependOnClassesThat(fromModule("domain").or(fromModule("daihoi-command-side")))
                .check(CLASSES);
    }

    @Test
    void theCommandSideNeverSeesAProjection() {
        noClasses().that(fromModule("domain").or(fromModule("daihoi-command-side")))
                .should().dependOnClassesThat(fromModule("query-side").or(fromModule("daihoi-query-side")))
                .check(CLASSES);
    }

    /**
     * The command-side classes the HTTP layer may use, by name (issue 13: never "anything in a package called infra"):
     * the ballot box (casting goes to it, ADR 0008), the voting credentials (codes are redeemed at sign-in and prepared
     * before a check-in), and the two lookups the start-up rebuild fills (ADR 0024). Nested types go with their class.
     */
    static final java.util.Set<String> COMMAND_SIDE_CLASSES_FOR_THE_HTTP_LAYER = java.util.Set.of(
            "vn.daihoi.election.infra.JdbcBallotBox",
            "vn.daihoi.delegate.infra.JdbcVotingCredentials",
            "vn.daihoi.election.infra.JdbcElectionDirectory",
            "vn.daihoi.congress.infra.JdbcAssemblies");

    @Test
    void theHttpLayerSendsCommandsRatherThanCallingAggregates() {
        noClasses().that(fromModule("ui-api"))
                .should().dependOnClassesThat(fromModule("domain").or(fromModule("daihoi-command-side"))
                        .and(DescribedPredicate.describe("not named for the HTTP layer", c -> {
                            String top = c.getName().contains("$") ? c.getName().substring(0, c.getName().indexOf('$')) : c.getName();
                            return !COMMAND_SIDE_CLASSES_FOR_THE_HTTP_LAYER.contains(top);
                        })))
                .check(CLASSES);
    }
}
