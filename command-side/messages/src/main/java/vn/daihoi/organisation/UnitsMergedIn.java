package vn.daihoi.organisation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** This existing unit absorbed the merged units. */
@Revision("1")
public record UnitsMergedIn(String unitId, List<String> mergedUnitIds, LocalDate effectiveOn, Decision decision)
        implements UnitEvent {
    public UnitsMergedIn {
        mergedUnitIds = List.copyOf(mergedUnitIds);
    }
}
