package vn.daihoi.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain decides without Spring: only the infra packages wire it into Spring and JDBC. */
class CommandSideArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.daihoi");

    @Test
    void aggregatesAndPoliciesDoNotDependOnSpring() {
        noClasses().that().resideOutsideOfPackage("..infra..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "javax.sql..", "java.sql..")
                .check(classes);
    }

    @Test
    void theDomainDoesNotReadTheClock() {
        noClasses().that().resideOutsideOfPackage("..infra..")
                .should().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .check(classes);
    }
}
