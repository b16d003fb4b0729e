package vn.daihoi.organisation;

import java.time.LocalDate;
import java.util.List;

/**
 * Split a unit into new units. When the source does not continue, it ends on the effective date and every
 * child it has then must be taken by one of the new units; when it continues, only the named children move.
 */
public record SplitUnitCommand(String sourceUnitId, List<NewUnit> into, boolean sourceContinues,
                               LocalDate effectiveOn, Decision decision) {
    public SplitUnitCommand {
        into = into == null ? List.of() : List.copyOf(into);
    }
}
