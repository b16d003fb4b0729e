package vn.daihoi.election;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close the round and count it: the ballots are revealed together, in an order that carries no information. */
public record CloseRoundCommand(@TargetAggregateIdentifier String electionId, int round) {
}
