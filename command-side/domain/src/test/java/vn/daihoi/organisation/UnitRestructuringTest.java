package vn.daihoi.organisation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static vn.daihoi.organisation.Violations.violation;

/**
 * the checks a merger or split makes before it touches any unit. Axon's fixture holds one aggregate,
 * so the successful paths, which change several units at once, are proven through the HTTP API on PostgreSQL
 * (UnitRegistryApiTest).
 */
class UnitRestructuringTest {

    private static final LocalDate Y2017 = LocalDate.of(2017, 1, 1);
    private static final LocalDate JULY_2025 = LocalDate.of(2025, 7, 1);
    private static final Decision DECISION = new Decision("759/QĐ-TLĐ", LocalDate.of(2025, 6, 25), "Đoàn Chủ tịch TLĐ");

    private AggregateTestFixture<UnitAggregate> fixture;
    private InMemoryUnitDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UnitAggregate.class);
        directory = new InMemoryUnitDirectory()
                .unit("p", UnitKind.PROVINCIAL_FEDERATION, Y2017, null)
                .unit("d1", UnitKind.UPPER_LEVEL_UNION, Y2017, "p")
                .unit("d2", UnitKind.UPPER_LEVEL_UNION, Y2017, "p")
                .unit("b1", UnitKind.BRANCH_UNION, Y2017, "d1");
        fixture.registerAnnotatedCommandHandler(new UnitRestructuring(fixture.getRepository(), directory));
    }

    private static UnitRegistered founded(String id, UnitKind kind, String parent) {
        return new UnitRegistered(id, id.toUpperCase(), "Đơn vị " + id, kind, parent, UnitOrigin.FOUNDED, List.of(), Y2017, DECISION);
    }

    @Test
    void cannotMergeAUnitIntoItsOwnSubtree() {
        fixture.givenNoPriorActivity()
                .when(new MergeUnitsCommand(List.of("d1"), "b1", null, JULY_2025, DECISION))
                .expectException(violation("unit-tree-cycle", "R-01"))
                .expectNoEvents();
    }

    @Test
    void mergingNeedsExactlyOneTarget() {
        fixture.givenNoPriorActivity()
                .when(new MergeUnitsCommand(List.of("d1", "d2"), null, null, JULY_2025, DECISION))
                .expectException(violation("merge-target-ambiguous", "R-02"));
    }

    @Test
    void aSplitThatEndsTheSourceMustPlaceEveryChild() {
        fixture.given(founded("d1", UnitKind.UPPER_LEVEL_UNION, "p"))
                .when(new SplitUnitCommand("d1", List.of(
                        new NewUnit("n1", "N1", "Đơn vị tách 1", UnitKind.UPPER_LEVEL_UNION, null, List.of()),
                        new NewUnit("n2", "N2", "Đơn vị tách 2", UnitKind.UPPER_LEVEL_UNION, null, List.of())),
                        false, JULY_2025, DECISION))
                .expectException(violation("split-children-invalid", "R-01"))
                .expectNoEvents();
    }

}
