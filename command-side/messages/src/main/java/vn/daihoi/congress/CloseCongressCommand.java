package vn.daihoi.congress;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CloseCongressCommand(@TargetAggregateIdentifier String congressId) {
}
