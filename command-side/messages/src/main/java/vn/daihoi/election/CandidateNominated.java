package vn.daihoi.election;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CandidateNominated(String electionId, Candidate candidate) implements ElectionEvent {
}
