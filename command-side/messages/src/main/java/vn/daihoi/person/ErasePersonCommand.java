package vn.daihoi.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A lawful erasure request (Decree 13/2023/NĐ-CP): {@code requestReference} names the request, not the person. */
public record ErasePersonCommand(@TargetAggregateIdentifier String personId, String requestReference) {
}
