package vn.daihoi.organisation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record UnitDissolved(String unitId, LocalDate effectiveOn, Decision decision) implements UnitEvent {
}
