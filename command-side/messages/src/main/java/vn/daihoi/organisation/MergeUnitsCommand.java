package vn.daihoi.organisation;

import java.time.LocalDate;
import java.util.List;

/**
 * Merge units into one: either into a unit that already exists ({@code intoUnitId}) or into a new one
 * ({@code newUnit}); exactly one of the two is given. The merged units end on the effective date and
 * their children move under the unit that remains. A new unit's congress numbering restarts at I.
 */
public record MergeUnitsCommand(List<String> sourceUnitIds, String intoUnitId, NewUnit newUnit,
                                LocalDate effectiveOn, Decision decision) {
    public MergeUnitsCommand {
        sourceUnitIds = sourceUnitIds == null ? List.of() : List.copyOf(sourceUnitIds);
    }
}
