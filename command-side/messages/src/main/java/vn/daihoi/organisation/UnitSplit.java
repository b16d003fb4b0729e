package vn.daihoi.organisation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** This unit was split into {@code intoUnitIds}; it ends unless {@code continues}. */
@Revision("1")
public record UnitSplit(String unitId, List<String> intoUnitIds, boolean continues, LocalDate effectiveOn,
                        Decision decision) implements UnitEvent {
    public UnitSplit {
        intoUnitIds = List.copyOf(intoUnitIds);
    }
}
