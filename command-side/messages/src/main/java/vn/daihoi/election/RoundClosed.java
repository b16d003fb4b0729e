package vn.daihoi.election;

import org.axonframework.serialization.Revision;

@Revision("1")
public record RoundClosed(String electionId, int round, java.util.List<String> participantDelegateIds, int electronicBallots, int paperBallots, BallotAccounting accounting) implements ElectionEvent {
}
