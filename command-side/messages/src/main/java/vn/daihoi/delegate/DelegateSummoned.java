package vn.daihoi.delegate;

import org.axonframework.serialization.Revision;
import vn.daihoi.congress.CongressEvent;

@Revision("1")
public record DelegateSummoned(String congressId, String delegateId, String personId, String code, DelegateCategory category, DelegateBasis basis, String position) implements CongressEvent {
}
