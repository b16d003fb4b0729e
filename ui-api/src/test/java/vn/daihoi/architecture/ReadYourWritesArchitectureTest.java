package vn.daihoi.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import vn.daihoi.infra.ProjectionSync;

import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0027: no call site drops the read model's verdict, and no controller waits by sleeping on its thread. */
class ReadYourWritesArchitectureTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.daihoi");

    @Test
    void everyClassThatWaitsForAReadModelMapsBothVerdicts() {
        Set<String> waiting = new TreeSet<>();
        Set<String> dropping = new TreeSet<>();
        for (JavaClass c : APP) {
            if (c.isEquivalentTo(ProjectionSync.class) || c.getName().startsWith(ProjectionSync.class.getName() + "$")) continue;
            String top = c.getName().replaceFirst("\\$.*", "");
            boolean waits = calls(c, ProjectionSync.class, "after") || calls(c, ProjectionSync.class, "afterHead");
            if (!waits) continue;
            waiting.add(top);
            boolean maps = calls(c, ProjectionSync.Freshness.class, "fold") || calls(c, ProjectionSync.class, "answer");
            if (!maps) dropping.add(top);
        }
        assertThat(waiting).as("classes that wait for a read model").isNotEmpty();
        dropping.removeIf(top -> mapsAnywhere(top));
        assertThat(dropping).as("classes that wait for a read model and never map the verdict").isEmpty();
    }

    @Test
    void noControllerSleepsOnItsRequestThread() {
        // The one exception, by name: an administrator's replay (ADR 0016) stops the processors and waits for the
        // rebuilt read models in its own request, one at a time (synchronized); it is an operation, not a read.
        noClasses().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .and().doNotHaveFullyQualifiedName("vn.daihoi.infra.ProjectionReplay")
                .should().callMethod(Thread.class, "sleep", long.class)
                .check(APP);
    }

    private static boolean mapsAnywhere(String top) {
        for (JavaClass c : APP) {
            if (!c.getName().equals(top) && !c.getName().startsWith(top + "$")) continue;
            if (calls(c, ProjectionSync.Freshness.class, "fold") || calls(c, ProjectionSync.class, "answer")) return true;
        }
        return false;
    }

    private static boolean calls(JavaClass c, Class<?> owner, String method) {
        for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
            if (call.getTargetOwner().isEquivalentTo(owner) && call.getName().equals(method)) return true;
        }
        return false;
    }
}
