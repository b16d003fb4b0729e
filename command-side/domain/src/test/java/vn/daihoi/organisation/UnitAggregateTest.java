package vn.daihoi.organisation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static vn.daihoi.organisation.Violations.violation;

/** the life of one unit, given / when / expect. */
class UnitAggregateTest {

    private static final LocalDate Y2017 = LocalDate.of(2017, 1, 1);
    private static final LocalDate JULY_2025 = LocalDate.of(2025, 7, 1);
    private static final Decision DECISION = new Decision("12/QĐ-LĐLĐ", LocalDate.of(2025, 6, 20), "LĐLĐ tỉnh Sóc Trăng");

    private AggregateTestFixture<UnitAggregate> fixture;
    private InMemoryUnitDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UnitAggregate.class);
        directory = new InMemoryUnitDirectory()
                .unit("st", UnitKind.PROVINCIAL_FEDERATION, Y2017, null)
                .unit("cdvc", UnitKind.UPPER_LEVEL_UNION, Y2017, "st")
                .unit("nn", UnitKind.UPPER_LEVEL_UNION, Y2017, "st")
                .unit("snv", UnitKind.BRANCH_UNION, Y2017, "cdvc");
        fixture.registerInjectableResource(directory);
    }

    private static UnitRegistered registered(String id, UnitKind kind, String parent) {
        return new UnitRegistered(id, id.toUpperCase(), "Công đoàn cơ sở " + id, kind, parent, UnitOrigin.FOUNDED,
                List.of(), Y2017, DECISION);
    }

    @Test
    void canRegisterABranchUnionUnderItsUpperLevelUnion() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("b1", "CDCS-B1", "Công đoàn cơ sở Trường THPT Ngã Năm",
                        UnitKind.BRANCH_UNION, "nn", Y2017, DECISION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UnitRegistered("b1", "CDCS-B1", "Công đoàn cơ sở Trường THPT Ngã Năm",
                        UnitKind.BRANCH_UNION, "nn", UnitOrigin.FOUNDED, List.of(), Y2017, DECISION));
    }

    @Test
    void registeringNormalisesDecomposedVietnameseToNfc() {
        String decomposed = java.text.Normalizer.normalize("Công đoàn  cơ sở Sở Nội vụ ", java.text.Normalizer.Form.NFD);
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("b2", "CDCS-B2", decomposed, UnitKind.BRANCH_UNION, "cdvc", Y2017, DECISION))
                .expectEvents(new UnitRegistered("b2", "CDCS-B2", "Công đoàn cơ sở Sở Nội vụ", UnitKind.BRANCH_UNION,
                        "cdvc", UnitOrigin.FOUNDED, List.of(), Y2017, DECISION));
    }

    @Test
    void cannotRegisterACodeAnotherUnitHolds() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("x", "snv", "Trùng mã", UnitKind.BRANCH_UNION, "cdvc", Y2017, DECISION))
                .expectException(violation("unit-code-taken", "R-01"))
                .expectNoEvents();
    }

    @Test
    void cannotRegisterUnderAnUnknownParent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("x", "X1", "Đơn vị mồ côi", UnitKind.BRANCH_UNION, "nowhere", Y2017, DECISION))
                .expectException(violation("unknown-parent-unit", "R-01"))
                .expectNoEvents();
    }

    @Test
    void cannotRegisterABranchUnionWithoutAParent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("x", "X1", "Công đoàn cơ sở lẻ", UnitKind.BRANCH_UNION, null, Y2017, DECISION))
                .expectException(violation("missing-parent-unit", "R-01"));
    }

    @Test
    void cannotRegisterAUnitAboveItsParentsLevel() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("x", "X1", "LĐLĐ huyện", UnitKind.UPPER_LEVEL_UNION, "snv", Y2017, DECISION))
                .expectException(violation("unit-level-mismatch", "R-01"));
    }

    @Test
    void cannotRegisterAUnitWithAnEmptyName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("x", "X1", "   ", UnitKind.BRANCH_UNION, "nn", Y2017, DECISION))
                .expectException(violation("empty-unit-name", "R-01"));
    }

    @Test
    void cannotRegisterWithoutTheDecision() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("x", "X1", "Công đoàn cơ sở", UnitKind.BRANCH_UNION, "nn", Y2017,
                        new Decision(" ", null, null)))
                .expectException(violation("missing-decision", "R-01"));
    }

    @Test
    void cannotRegisterUnderAParentThatHasEnded() {
        directory.ended("nn", LocalDate.of(2025, 7, 1));
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("x", "X1", "Công đoàn cơ sở", UnitKind.BRANCH_UNION, "nn", Y2017, DECISION))
                .expectException(violation("parent-unit-not-active", "R-01"));
    }

    @Test
    void canRenameAUnitFromADate() {
        fixture.given(registered("snv", UnitKind.BRANCH_UNION, "cdvc"))
                .when(new RenameUnitCommand("snv", "Công đoàn cơ sở Sở Nội vụ tỉnh Sóc Trăng", JULY_2025, DECISION))
                .expectEvents(new UnitRenamed("snv", "Công đoàn cơ sở snv", "Công đoàn cơ sở Sở Nội vụ tỉnh Sóc Trăng",
                        JULY_2025, DECISION));
    }

    @Test
    void cannotDateAChangeBeforeTheUnitsLatestChange() {
        fixture.given(registered("snv", UnitKind.BRANCH_UNION, "cdvc"),
                        new UnitRenamed("snv", "Công đoàn cơ sở snv", "Tên mới", JULY_2025, DECISION))
                .when(new RenameUnitCommand("snv", "Tên khác", LocalDate.of(2025, 6, 30), DECISION))
                .expectException(violation("change-before-latest", "R-02"));
    }

    @Test
    void canMoveABranchUnderAnotherUpperLevelUnion() {
        fixture.given(registered("snv", UnitKind.BRANCH_UNION, "cdvc"))
                .when(new MoveUnitCommand("snv", "nn", JULY_2025, DECISION))
                .expectEvents(new UnitMoved("snv", "cdvc", "nn", MoveReason.DECISION, JULY_2025, DECISION));
    }

    @Test
    void cannotMoveAUnitUnderItsOwnDescendant() {
        fixture.given(new UnitRegistered("cdvc", "CDVC", "Công đoàn Viên chức tỉnh", UnitKind.UPPER_LEVEL_UNION, "st",
                        UnitOrigin.FOUNDED, List.of(), Y2017, DECISION))
                .when(new MoveUnitCommand("cdvc", "snv", JULY_2025, DECISION))
                .expectException(violation("unit-tree-cycle", "R-01"))
                .expectNoEvents();
    }

    @Test
    void cannotMoveAUnitUnderItself() {
        fixture.given(registered("snv", UnitKind.BRANCH_UNION, "cdvc"))
                .when(new MoveUnitCommand("snv", "snv", JULY_2025, DECISION))
                .expectException(violation("unit-tree-cycle", "R-01"));
    }

    @Test
    void cannotMoveAUnitUnderTheParentItAlreadyHas() {
        fixture.given(registered("snv", UnitKind.BRANCH_UNION, "cdvc"))
                .when(new MoveUnitCommand("snv", "cdvc", JULY_2025, DECISION))
                .expectException(violation("unit-already-under-parent", "R-01"));
    }

    @Test
    void canDissolveAUnitWithoutMemberUnits() {
        fixture.given(registered("snv", UnitKind.BRANCH_UNION, "cdvc"))
                .when(new DissolveUnitCommand("snv", JULY_2025, DECISION))
                .expectEvents(new UnitDissolved("snv", JULY_2025, DECISION));
    }

    @Test
    void cannotDissolveAUnitThatStillHasMemberUnits() {
        fixture.given(new UnitRegistered("cdvc", "CDVC", "Công đoàn Viên chức tỉnh", UnitKind.UPPER_LEVEL_UNION, "st",
                        UnitOrigin.FOUNDED, List.of(), Y2017, DECISION))
                .when(new DissolveUnitCommand("cdvc", JULY_2025, DECISION))
                .expectException(violation("unit-has-children", "R-01"))
                .expectNoEvents();
    }

    @Test
    void aDissolvedUnitTakesNoFurtherChange() {
        fixture.given(registered("snv", UnitKind.BRANCH_UNION, "cdvc"), new UnitDissolved("snv", JULY_2025, DECISION))
                .when(new RenameUnitCommand("snv", "Tên mới", LocalDate.of(2026, 1, 1), DECISION))
                .expectException(violation("unit-ended", "R-01"));
    }
}
