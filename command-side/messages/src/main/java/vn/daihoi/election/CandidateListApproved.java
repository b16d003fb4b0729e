package vn.daihoi.election;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CandidateListApproved(String electionId, String listDecisionId, String noSurplusDecisionId, java.util.List<String> ballotOrder) implements ElectionEvent {
}
