package vn.daihoi.organisation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record UnitMoved(String unitId, String fromParentUnitId, String toParentUnitId, MoveReason reason,
                        LocalDate effectiveOn, Decision decision) implements UnitEvent {
}
