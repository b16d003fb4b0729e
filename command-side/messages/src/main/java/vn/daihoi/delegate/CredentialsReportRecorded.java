package vn.daihoi.delegate;

import org.axonframework.serialization.Revision;
import vn.daihoi.congress.CongressEvent;

@Revision("1")
public record CredentialsReportRecorded(String congressId, int accepted, java.util.List<RecordCredentialsReportCommand.Rejection> rejected, String notes, vn.daihoi.congress.Attendance attendance) implements CongressEvent {
}
