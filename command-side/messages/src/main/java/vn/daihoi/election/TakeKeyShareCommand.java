package vn.daihoi.election;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A counting-committee member takes his key share of a round's ballot box, once (R-23, ADR 0017). */
public record TakeKeyShareCommand(@TargetAggregateIdentifier String electionId, int round, String holderPersonId) {
}
