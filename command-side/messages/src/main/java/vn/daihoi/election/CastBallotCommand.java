package vn.daihoi.election;

import vn.daihoi.confidence.RatingLine;

import java.util.List;

/**
 * An electronic ballot: the names the voter keeps, or, in a confidence round, his rating of each
 * listed official ({@code ratings}; a line without a level is left unrated). Not addressed to the election
 * aggregate: the ballot box takes it without the aggregate's lock and without an event that could order it
 * (ADR 0008).
 */
public record CastBallotCommand(String electionId, int round, String delegateId, String idempotencyKey,
                                List<String> keptCandidateIds, List<RatingLine> ratings) {
    public CastBallotCommand {
        keptCandidateIds = keptCandidateIds == null ? List.of() : List.copyOf(keptCandidateIds);
        ratings = ratings == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(ratings));
    }

    public CastBallotCommand(String electionId, int round, String delegateId, String idempotencyKey, List<String> keptCandidateIds) {
        this(electionId, round, delegateId, idempotencyKey, keptCandidateIds, null);
    }

    @Override
    public String toString() {
        return "CastBallotCommand[sealed]";
    }

    /** What the voter sees: his receipt, to find his ballot among the published ones after the count. */
    public record Receipt(String trackingCode, boolean repeated) {}
}
