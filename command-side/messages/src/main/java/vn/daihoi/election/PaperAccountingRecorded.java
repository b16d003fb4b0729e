package vn.daihoi.election;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PaperAccountingRecorded(String electionId, int round, int notReturned) implements ElectionEvent {
}
