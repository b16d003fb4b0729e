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

    @Test
    void theHttpLayerSendsCommandsRatherThanCallingAggregates() {
        noClasses().that(fromModule("ui-api"))
                .should().dependOnClassesThat(fromModule("domain").or(fromModule("daihoi-command-side"))
                        .and(DescribedPredicate.describe("outside infra", c -> !c.getPackageName().contains(".infra"))))
                .check(CLASSES);
    }
}
