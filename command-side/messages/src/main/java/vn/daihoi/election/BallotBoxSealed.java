package vn.daihoi.election;

/** ADR 0017: every member holds his share; the server holds none; the box takes ballots from now on. */
public record BallotBoxSealed(String electionId, int round, String keyFingerprint) implements ElectionEvent {
}
