package vn.daihoi.person;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PersonalDataCorrected(String personId, SealedPersonalData data) implements PersonEvent {
}
