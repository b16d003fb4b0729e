package vn.daihoi.term;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.organisation.Decision;

import java.time.LocalDate;

/** the upper level appoints a person to a vacant office; {@code consent} lifts the cap. */
public record AppointToOfficeCommand(@TargetAggregateIdentifier String leadershipId, String personId, Office office,
                                     LocalDate startedOn, Decision decision, Decision consent) {
}
