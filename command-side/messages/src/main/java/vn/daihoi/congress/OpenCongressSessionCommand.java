package vn.daihoi.congress;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record OpenCongressSessionCommand(@TargetAggregateIdentifier String congressId) {
}
