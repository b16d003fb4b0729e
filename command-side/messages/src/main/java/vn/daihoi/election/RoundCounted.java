package vn.daihoi.election;

import org.axonframework.serialization.Revision;

@Revision("1")
public record RoundCounted(String electionId, int round, RoundResult result, java.util.List<PublishedBallot> ballots) implements ElectionEvent {
}
