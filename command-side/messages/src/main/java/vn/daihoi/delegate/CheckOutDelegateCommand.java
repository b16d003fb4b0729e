package vn.daihoi.delegate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CheckOutDelegateCommand(@TargetAggregateIdentifier String congressId, String delegateId) {
}
