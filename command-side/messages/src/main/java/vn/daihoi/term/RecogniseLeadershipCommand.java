package vn.daihoi.term;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.organisation.Decision;

import java.time.LocalDate;

public record RecogniseLeadershipCommand(@TargetAggregateIdentifier String leadershipId, LocalDate recognisedOn,
                                         Decision decision, String recognisedByUnitId) {
}
