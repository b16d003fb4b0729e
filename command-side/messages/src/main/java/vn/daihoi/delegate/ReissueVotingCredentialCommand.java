package vn.daihoi.delegate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A lost slip: the old credential is revoked and a new one issued. */
public record ReissueVotingCredentialCommand(@TargetAggregateIdentifier String congressId, String delegateId,
                                             IssuedCredential credential) {
}
