package vn.daihoi.election;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** the counting committee's count of paper ballots issued but not returned. */
public record RecordPaperAccountingCommand(@TargetAggregateIdentifier String electionId, int round, int notReturned) {
}
