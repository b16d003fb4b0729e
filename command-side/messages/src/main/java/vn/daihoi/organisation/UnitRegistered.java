package vn.daihoi.organisation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

@Revision("1")
public record UnitRegistered(String unitId, String code, String name, UnitKind kind, String parentUnitId,
                             UnitOrigin origin, List<String> predecessorUnitIds, LocalDate effectiveOn,
                             Decision decision) implements UnitEvent {
    public UnitRegistered {
        predecessorUnitIds = predecessorUnitIds == null ? List.of() : List.copyOf(predecessorUnitIds);
    }
}
