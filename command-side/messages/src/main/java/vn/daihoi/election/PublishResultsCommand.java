package vn.daihoi.election;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The organisers publish a counted round's results for people outside the congress: under {@code linkId}, an
 * unguessable identifier drawn by the caller (no random in aggregates), the round's results page, published ballots
 * and minutes can be read without signing in.
 */
public record PublishResultsCommand(@TargetAggregateIdentifier String electionId, int round, String linkId) {
}
