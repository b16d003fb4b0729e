package vn.daihoi.election;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CandidateListApprovalLapsed(String electionId, String reason) implements ElectionEvent {
}
