package vn.daihoi.congress;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CongressClosed(String congressId) implements CongressEvent {
}
