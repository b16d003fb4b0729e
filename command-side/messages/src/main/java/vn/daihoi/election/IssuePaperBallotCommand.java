package vn.daihoi.election;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** a voter takes a paper ballot instead of voting electronically; never both. */
public record IssuePaperBallotCommand(@TargetAggregateIdentifier String electionId, int round, String delegateId) {
}
