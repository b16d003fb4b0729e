package vn.daihoi.election;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * @param closedAt the business time the round closed (ADR 0022), as {@link RoundOpened#openedAt()}; null in revision 1.
 */
@Revision("2")
public record RoundClosed(String electionId, int round, java.util.List<String> participantDelegateIds, int electronicBallots, int paperBallots,
                          BallotAccounting accounting, Instant closedAt) implements ElectionEvent {
}
