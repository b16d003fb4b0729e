package vn.daihoi.person;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PersonErased(String personId, String requestReference) implements PersonEvent {
}
