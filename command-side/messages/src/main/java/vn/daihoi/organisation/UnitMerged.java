package vn.daihoi.organisation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** This unit ended by merging into {@code intoUnitId}. */
@Revision("1")
public record UnitMerged(String unitId, String intoUnitId, LocalDate effectiveOn, Decision decision)
        implements UnitEvent {
}
