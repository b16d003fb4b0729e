package vn.daihoi.person;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PersonRegistered(String personId, SealedPersonalData data) implements PersonEvent {
}
