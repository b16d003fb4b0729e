package vn.daihoi.organisation;

import org.junit.jupiter.api.Test;
import vn.daihoi.common.RuleViolation;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** the units form a tree on every day, including days on which changes recorded ahead take effect. */
class UnitTreePolicyTest {

    private static final LocalDate D2017 = LocalDate.of(2017, 1, 1);
    private static final LocalDate D2025 = LocalDate.of(2025, 7, 1);

    private final InMemoryUnitDirectory directory = new InMemoryUnitDirectory()
            .unit("conf", UnitKind.CONFEDERATION, D2017, null)
            .unit("a", UnitKind.SECTION, D2017, null)
            .unit("b", UnitKind.SECTION, D2017, null)
            .unit("c", UnitKind.GROUP, D2017, "b");
    private final UnitTreePolicy policy = new UnitTreePolicy(directory);

    @Test
    void placingAUnitUnderItsDescendantIsACycle() {
        directory.moved("b", D2017.plusDays(1), "a");
        assertThatThrownBy(() -> policy.requireNoCycle("a", "c", D2025, "newParentUnitId"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.type()).isEqualTo("unit-tree-cycle");
                    assertThat(v.ruleId()).isEqualTo("R-01");
                });
    }

    @Test
    void aCycleThatOnlyAppearsOnALaterRecordedDateIsFound() {
        // b is recorded to move under a from 2026; placing a under c (a child of b) from 2025 would loop in 2026.
        directory.moved("b", LocalDate.of(2026, 1, 1), "a");
        assertThatThrownBy(() -> policy.requireNoCycle("a", "c", D2025, "newParentUnitId"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.arguments()).containsExactly(LocalDate.of(2026, 1, 1)));
    }

    @Test
    void aUnitThatLeftTheSubtreeBeforeTheDateIsNoCycle() {
        directory.moved("b", D2017.plusDays(1), "a").moved("b", LocalDate.of(2020, 1, 1), "conf");
        assertThatCode(() -> policy.requireNoCycle("a", "c", D2025, "newParentUnitId")).doesNotThrowAnyException();
    }

    @Test
    void childrenOnADayAreThoseUnderTheUnitThatDay() {
        directory.moved("c", D2025, "a");
        assertThat(policy.childrenOn("b", D2025.minusDays(1))).extracting(UnitDirectory.Entry::unitId).containsExactly("c");
        assertThat(policy.childrenOn("b", D2025)).isEmpty();
        assertThat(policy.childrenOn("a", D2025)).extracting(UnitDirectory.Entry::unitId).containsExactly("c");
    }
}
