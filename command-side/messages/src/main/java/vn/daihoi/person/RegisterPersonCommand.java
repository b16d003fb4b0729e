package vn.daihoi.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a person once; {@code data} is plaintext here and sealed before any event holds it. */
public record RegisterPersonCommand(@TargetAggregateIdentifier String personId, PersonalData data) {
    @Override
    public String toString() {
        return "RegisterPersonCommand[" + personId + "]";
    }
}
