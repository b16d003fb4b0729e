package vn.daihoi.election;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * R-28, ADR 0017: the round is void — fewer counting-committee members than needed can present their key shares —
 * on the congress's recorded decision; its ballots are destroyed unopened and the round is held again.
 */
public record VoidRoundCommand(@TargetAggregateIdentifier String electionId, int round, String reason, String decisionReference) {
}
