package vn.daihoi.term;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record RefuseRecognitionCommand(@TargetAggregateIdentifier String leadershipId, LocalDate refusedOn, String reason,
                                       String refusedByUnitId) {
}
