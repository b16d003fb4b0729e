package vn.daihoi.delegate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** a delegate arrives. A voter gets {@code credential}; a guest's is ignored, since guests never vote. */
public record CheckInDelegateCommand(@TargetAggregateIdentifier String congressId, String delegateId,
                                     IssuedCredential credential) {
}
