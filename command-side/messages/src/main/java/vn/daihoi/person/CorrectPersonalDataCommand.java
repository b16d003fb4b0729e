package vn.daihoi.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CorrectPersonalDataCommand(@TargetAggregateIdentifier String personId, PersonalData data) {
    @Override
    public String toString() {
        return "CorrectPersonalDataCommand[" + personId + "]";
    }
}
