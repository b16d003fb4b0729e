package vn.daihoi.delegate;

import org.axonframework.serialization.Revision;
import vn.daihoi.congress.CongressEvent;

@Revision("1")
public record DelegateCheckedOut(String congressId, String delegateId, vn.daihoi.congress.Attendance attendance) implements CongressEvent {
}
