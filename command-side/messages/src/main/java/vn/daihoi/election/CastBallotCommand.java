package vn.daihoi.election;

import java.util.List;

/**
 * An electronic ballot: the names the voter keeps. Not addressed to the election aggregate: the
 * ballot box takes it without the aggregate's lock and without an event that could order it (ADR 0008).
 */
public record CastBallotCommand(String electionId, int round, String delegateId, String idempotencyKey,
                                List<String> keptCandidateIds) {
    public CastBallotCommand {
        keptCandidateIds = keptCandidateIds == null ? List.of() : List.copyOf(keptCandidateIds);
    }

    @Override
    public String toString() {
        return "CastBallotCommand[sealed]";
    }

    /** What the voter sees: his receipt, to find his ballot among the published ones after the count. */
    public record Receipt(String trackingCode, boolean repeated) {}
}
