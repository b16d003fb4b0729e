package vn.daihoi.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record DissolveUnitCommand(@TargetAggregateIdentifier String unitId, LocalDate effectiveOn, Decision decision) {
}
