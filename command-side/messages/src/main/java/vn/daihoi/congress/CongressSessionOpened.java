package vn.daihoi.congress;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CongressSessionOpened(String congressId) implements CongressEvent {
}
