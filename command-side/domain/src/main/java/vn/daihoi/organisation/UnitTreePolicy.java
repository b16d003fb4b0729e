package vn.daihoi.organisation;

import vn.daihoi.common.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * the units form a tree on every calendar day. Checks that span more than one unit live here,
 * so that every rule of the tree is in one place and each cites its rule.
 */
public final class UnitTreePolicy {

    private static final int MAX_DEPTH = 64;

    private final UnitDirectory directory;

    public UnitTreePolicy(UnitDirectory directory) {
        this.directory = directory;
    }

    /** codes identify units; one code, one unit, forever. */
    public void requireFreeCode(String code, String field) {
        directory.unitWithCode(code).ifPresent(other -> {
            throw RuleViolation.conflict("unit-code-taken", "R-01", field, code);
        });
    }

    /**
     * a parent must exist, be active from the effective date on (not just on it, or the child would
     * stand under an ended unit), and stand on a higher level than the child.
     */
    public UnitDirectory.Entry requireParent(String parentUnitId, UnitKind childKind, LocalDate day, String field) {
        UnitDirectory.Entry parent = directory.find(parentUnitId).orElseThrow(
                () -> RuleViolation.invalid("unknown-parent-unit", "R-01", field, parentUnitId));
        if (!parent.activeOn(day) || parent.endedOn() != null) {
            throw RuleViolation.invalid("parent-unit-not-active", "R-01", field, day);
        }
        if (!childKind.mayStandUnder(parent.kind())) {
            throw RuleViolation.invalid("unit-level-mismatch", "R-01", field, childKind, parent.kind(), parent.kind().withArticle());
        }
        return parent;
    }

    /**
     * placing {@code unitId} under {@code newParentId} from {@code day} must not close a loop on that day
     * or on any later day on which an ancestor's own parent changes (changes may be recorded ahead of time).
     */
    public void requireNoCycle(String unitId, String newParentId, LocalDate day, String field) {
        Map<String, UnitDirectory.Entry> reachable = new HashMap<>();
        Deque<String> todo = new ArrayDeque<>(List.of(newParentId));
        while (!todo.isEmpty() && reachable.size() < 10_000) {
            String id = todo.pop();
            if (id == null || reachable.containsKey(id)) continue;
            directory.find(id).ifPresent(e -> {
                reachable.put(id, e);
                e.parents().stream().map(UnitDirectory.ParentPeriod::parentUnitId).filter(java.util.Objects::nonNull).forEach(todo::push);
            });
        }
        Set<LocalDate> days = new TreeSet<>(List.of(day));
        reachable.values().forEach(e -> e.parents().stream()
                .map(UnitDirectory.ParentPeriod::from).filter(d -> d.isAfter(day)).forEach(days::add));
        for (LocalDate d : days) {
            String cursor = newParentId;
            Set<String> seen = new HashSet<>();
            for (int depth = 0; cursor != null && depth < MAX_DEPTH; depth++) {
                if (cursor.equals(unitId) || !seen.add(cursor)) {
                    throw RuleViolation.conflict("unit-tree-cycle", "R-01", field, d).variant("descendant");
                }
                UnitDirectory.Entry e = reachable.get(cursor);
                cursor = e == null ? null : e.parentOn(d);
            }
        }
    }

    /** The units standing under {@code unitId} on {@code day}. */
    public List<UnitDirectory.Entry> childrenOn(String unitId, LocalDate day) {
        return directory.everUnder(unitId).stream()
                .filter(e -> e.activeOn(day) && unitId.equals(e.parentOn(day)))
                .toList();
    }

    /**
     * A unit that ends on {@code day} must leave no child behind afterwards: children recorded as arriving
     * later cannot be moved on {@code day}, so they block the change.
     */
    public void requireNoLaterChildren(String unitId, LocalDate day, List<UnitDirectory.Entry> handled) {
        Set<String> handledIds = new HashSet<>();
        handled.forEach(e -> handledIds.add(e.unitId()));
        boolean later = directory.everUnder(unitId).stream()
                .anyMatch(e -> !handledIds.contains(e.unitId()) && e.underOnOrAfter(unitId, day));
        if (later) {
            throw RuleViolation.conflict("unit-has-children", "R-01", "unitId", day);
        }
    }
}
