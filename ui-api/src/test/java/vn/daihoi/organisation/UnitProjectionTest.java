package vn.daihoi.organisation;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.daihoi.support.ApiTest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Events in, queries out: the unit projection's periods on PostgreSQL. */
class UnitProjectionTest extends ApiTest {

    private static final Decision D = new Decision("1/QĐ", null, null);
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final LocalDate JAN = LocalDate.of(2020, 1, 1);
    private static final LocalDate JULY = LocalDate.of(2025, 7, 1);

    @Autowired
    UnitProjection projection;

    private final String root = id();
    private final String other = id();
    private final String unit = id();

    private static String id() {
        return "t-" + UUID.randomUUID();
    }

    private void given() {
        projection.on(new UnitRegistered(root, root.substring(2, 14), "Liên đoàn Lao động tỉnh", UnitKind.PROVINCIAL_FEDERATION,
                null, UnitOrigin.FOUNDED, List.of(), JAN, D), 0, AT);
        projection.on(new UnitRegistered(other, other.substring(2, 14), "Liên đoàn Lao động huyện", UnitKind.UPPER_LEVEL_UNION,
                root, UnitOrigin.FOUNDED, List.of(), JAN, D), 0, AT);
        projection.on(new UnitRegistered(unit, unit.substring(2, 14), "Công đoàn cơ sở Xã Vĩnh Quới", UnitKind.BRANCH_UNION,
                root, UnitOrigin.FOUNDED, List.of(), JAN, D), 0, AT);
    }

    @Test
    void twoChangesOnOneDayMakeOnePeriodWithBoth() {
        given();
        projection.on(new UnitRenamed(unit, "Công đoàn cơ sở Xã Vĩnh Quới", "Công đoàn cơ sở Phường Vĩnh Quới", JULY, D), 1, AT);
        projection.on(new UnitMoved(unit, root, other, MoveReason.DECISION, JULY, D), 2, AT);

        List<UnitQueries.UnitView> periods = jdbc.query("select unit_id, code, name, kind, parent_unit_id, valid_from, valid_to "
                + "from unit_version where unit_id = ? order by valid_from", (rs, i) -> new UnitQueries.UnitView(rs.getString(1),
                rs.getString(2), rs.getString(3), UnitKind.valueOf(rs.getString(4)), rs.getString(5),
                rs.getDate(6).toLocalDate(), rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate()), unit);
        assertThat(periods).hasSize(2);
        assertThat(periods.get(0).validTo()).isEqualTo(JULY);
        assertThat(periods.get(1).name()).isEqualTo("Công đoàn cơ sở Phường Vĩnh Quới");
        assertThat(periods.get(1).parentUnitId()).isEqualTo(other);

        assertThat(projection.unit(new UnitQueries.UnitAsOf(unit, JULY.minusDays(1))).unit().name()).isEqualTo("Công đoàn cơ sở Xã Vĩnh Quới");
        assertThat(projection.unit(new UnitQueries.UnitAsOf(unit, JULY)).ancestors())
                .extracting(UnitQueries.UnitView::unitId).containsExactly(other, root);
    }

    @Test
    void anEndedUnitHasNoPeriodFromItsEndAndSaysHowItEnded() {
        given();
        projection.on(new UnitDissolved(unit, JULY, D), 1, AT);
        UnitQueries.UnitWithAncestors after = projection.unit(new UnitQueries.UnitAsOf(unit, JULY));
        assertThat(after.unit()).isNull();
        assertThat(after.status()).isEqualTo(UnitStatus.DISSOLVED);
        assertThat(after.endedOn()).isEqualTo(JULY);
        assertThat(projection.unit(new UnitQueries.UnitAsOf(unit, JULY.minusDays(1))).status()).isEqualTo(UnitStatus.ACTIVE);
        assertThat(projection.children(new UnitQueries.ChildrenAsOf(root, JULY))).extracting(UnitQueries.UnitView::unitId)
                .containsExactly(other);
    }

    @Test
    void theHistoryKeepsEveryChangeWithItsDecisionInOrder() {
        given();
        projection.on(new UnitMoved(unit, root, other, MoveReason.DECISION, JULY, new Decision("45/QĐ-LĐLĐ", JULY, "LĐLĐ tỉnh")), 1, AT);
        UnitQueries.History h = projection.history(new UnitQueries.HistoryOf(unit)).orElseThrow();
        assertThat(h.changes()).extracting(UnitQueries.Change::change).containsExactly("REGISTERED_FOUNDED", "MOVED_DECISION");
        assertThat(h.changes().get(1).decision()).isEqualTo(new Decision("45/QĐ-LĐLĐ", JULY, "LĐLĐ tỉnh"));
        assertThat(h.changes().get(1).toParentUnitId()).isEqualTo(other);
    }
}
