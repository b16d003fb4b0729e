package vn.daihoi.election;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * the count of paper ballots issued but not returned. {@code memberPersonId}: the counting-committee member
 * who records it, who must be named in the congress's counting-committee decision; null when the organisers record it.
 */
public record RecordPaperAccountingCommand(@TargetAggregateIdentifier String electionId, int round, int notReturned,
                                           String memberPersonId) {
}
