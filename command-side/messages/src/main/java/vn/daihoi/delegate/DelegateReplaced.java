package vn.daihoi.delegate;

import org.axonframework.serialization.Revision;
import vn.daihoi.congress.CongressEvent;

@Revision("1")
public record DelegateReplaced(String congressId, String delegateId, String alternateId, String reason) implements CongressEvent {
}
