package vn.daihoi.election;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PaperBallotIssued(String electionId, int round, String delegateId) implements ElectionEvent {
}
