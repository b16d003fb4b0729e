package vn.daihoi.organisation;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What one unit's aggregate must know of the others to decide: which codes are taken, which units exist,
 * when, and under which parent. Kept by the command side itself, in the same transaction as the events.
 */
public interface UnitDirectory {

    /** The unit holding a code, compared case-insensitively; codes are never reused, not even after a unit ends. */
    Optional<String> unitWithCode(String code);

    Optional<Entry> find(String unitId);

    /** Every unit that stood under {@code parentUnitId} at any time. */
    List<Entry> everUnder(String parentUnitId);

    record ParentPeriod(LocalDate from, String parentUnitId) {}

    /** A unit's life: registered on a date, possibly ended, and its parents over time ({@code parents} sorted by date). */
    record Entry(String unitId, String code, UnitKind kind, LocalDate registeredOn, LocalDate endedOn,
                 List<ParentPeriod> parents) {
        public Entry {
            parents = parents.stream().sorted(Comparator.comparing(ParentPeriod::from)).toList();
        }

        public boolean activeOn(LocalDate day) {
            return !day.isBefore(registeredOn) && (endedOn == null || day.isBefore(endedOn));
        }

        public String parentOn(LocalDate day) {
            String parent = null;
            for (ParentPeriod p : parents) {
                if (p.from().isAfter(day)) break;
                parent = p.parentUnitId();
            }
            return parent;
        }

        /** True when this unit stands under {@code parentUnitId}, while active, on some day from {@code day} on. */
        public boolean underOnOrAfter(String parentUnitId, LocalDate day) {
            for (int i = 0; i < parents.size(); i++) {
                ParentPeriod p = parents.get(i);
                if (!parentUnitId.equals(p.parentUnitId())) continue;
                LocalDate end = i + 1 < parents.size() ? parents.get(i + 1).from() : endedOn;
                if (endedOn != null && end != null && endedOn.isBefore(end)) end = endedOn;
                if (end == null || end.isAfter(day)) {
                    if (end == null || end.isAfter(p.from())) return true;
                }
            }
            return false;
        }
    }
}
