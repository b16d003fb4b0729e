package vn.daihoi.election;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PaperBallotEntered(String electionId, int round, int sheet, String enteredBy, java.util.List<String> keptCandidateIds, InvalidReason invalid, String correctionReason) implements ElectionEvent {
}
