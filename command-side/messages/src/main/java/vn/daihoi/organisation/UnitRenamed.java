package vn.daihoi.organisation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record UnitRenamed(String unitId, String previousName, String name, LocalDate effectiveOn,
                          Decision decision) implements UnitEvent {
}
