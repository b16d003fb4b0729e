package vn.daihoi.election;

import org.axonframework.serialization.Revision;

@Revision("1")
public record LateVoterAdded(String electionId, int round, String delegateId, String decisionReference) implements ElectionEvent {
}
