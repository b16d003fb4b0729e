package vn.daihoi.organisation;

import java.time.LocalDate;
import java.util.List;

/** Queries on the unit tree and their answers; every tree question is asked "as of" a calendar date (R-42 zone). */
public final class UnitQueries {
    private UnitQueries() {}

    /** The whole forest as of a date, or the subtree under {@code rootUnitId}. */
    public record TreeAsOf(LocalDate asOf, String rootUnitId) {}

    /** One unit as it stood on a date, with its ancestors, nearest first. */
    public record UnitAsOf(String unitId, LocalDate asOf) {}

    public record UnitByCode(String code, LocalDate asOf) {}

    public record ChildrenAsOf(String unitId, LocalDate asOf) {}

    public record HistoryOf(String unitId) {}

    /** A unit as it stood on a date. */
    public record UnitView(String unitId, String code, String name, UnitKind kind, String parentUnitId,
                           LocalDate validFrom, LocalDate validTo) {}

    public record TreeNode(UnitView unit, List<TreeNode> children) {}

    /** {@code unit} is null when no such unit was active that day; then {@code registeredOn}/{@code endedOn} tell why. */
    public record UnitWithAncestors(UnitView unit, List<UnitView> ancestors, UnitStatus status,
                                    LocalDate registeredOn, LocalDate endedOn, boolean known) {}

    public record Change(long sequence, String change, LocalDate effectiveOn, Decision decision, String name,
                         String fromParentUnitId, String toParentUnitId, List<String> relatedUnitIds,
                         java.time.Instant recordedAt) {}

    public record History(String unitId, String code, UnitStatus status, List<Change> changes) {}
}
