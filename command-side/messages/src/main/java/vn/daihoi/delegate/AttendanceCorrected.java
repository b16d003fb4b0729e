package vn.daihoi.delegate;

import org.axonframework.serialization.Revision;
import vn.daihoi.congress.CongressEvent;

@Revision("1")
public record AttendanceCorrected(String congressId, String delegateId, boolean present, String reason, vn.daihoi.congress.Attendance attendance) implements CongressEvent {
}
