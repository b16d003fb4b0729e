package vn.daihoi.election;

/**
 * R-28, ADR 0017: a round declared void on the congress's decision ({@code decisionReference}), for {@code reason}
 * (typically: too few key shares to open the box). Its {@code electronicVoters} ballots were destroyed unopened; no
 * count follows, and the next round holds the vote again.
 */
public record RoundVoided(String electionId, int round, String reason, String decisionReference, int electronicVoters)
        implements ElectionEvent {
}
