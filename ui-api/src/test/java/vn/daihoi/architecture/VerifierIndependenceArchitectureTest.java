package vn.daihoi.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** ADR 0019: the verifier shares no code with the product — only the JDK and Jackson. */
class VerifierIndependenceArchitectureTest {

    private static final JavaClasses VERIFIER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.daihoi.verifier");

    @Test
    void theVerifierDependsOnTheJdkAndJacksonOnly() {
        classes().that().resideInAPackage("vn.daihoi.verifier..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "com.fasterxml.jackson..", "vn.daihoi.verifier..")
                .check(VERIFIER);
    }
}
