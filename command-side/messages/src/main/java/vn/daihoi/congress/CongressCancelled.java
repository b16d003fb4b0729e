package vn.daihoi.congress;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CongressCancelled(String congressId, String reason) implements CongressEvent {
}
