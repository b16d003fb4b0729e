package vn.daihoi.election;

import org.axonframework.serialization.Revision;

@Revision("1")
public record WithdrawalDecided(String electionId, String candidateId, boolean granted, String decisionReference) implements ElectionEvent {
}
