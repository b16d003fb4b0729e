package vn.daihoi.election;

import org.axonframework.serialization.Revision;

@Revision("1")
public record RoundOpened(String electionId, int round, java.util.List<String> candidateIds, int seats, java.util.List<String> voterDelegateIds, vn.daihoi.congress.Attendance attendance, String decisionReference) implements ElectionEvent {
}
