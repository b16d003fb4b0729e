package vn.daihoi.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Place a unit under another parent from a date on (R-01; the 2025 reorganisation re-parented many). */
public record MoveUnitCommand(@TargetAggregateIdentifier String unitId, String newParentUnitId, LocalDate effectiveOn,
                              Decision decision) {
}
