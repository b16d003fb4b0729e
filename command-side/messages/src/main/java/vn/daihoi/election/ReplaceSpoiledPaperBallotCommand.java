package vn.daihoi.election;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** R-29, edge case 4: a spoiled paper ballot is exchanged only against the spoiled one, and counted as such. */
public record ReplaceSpoiledPaperBallotCommand(@TargetAggregateIdentifier String electionId, int round, String delegateId) {
}
