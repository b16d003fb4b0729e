package vn.daihoi.election;

import java.time.Instant;
import java.util.List;

public final class ElectionQueries {
    private ElectionQueries() {}

    public record ElectionOf(String electionId) {}

    public record RoundOf(String electionId, int round) {}

    /** {@code source} is null and {@code office} set for an official listed for a confidence vote. */
    public record CandidateView(String candidateId, String personId, String fullName, NominationSource source,
                                String nominatedByDelegateId, boolean withdrawn, String office) {}

    public record RoundSummary(int round, List<String> candidateIds, int seats, int voters, String status,
                               Integer collected, Instant openedAt, Instant closedAt) {}

    public record ElectionView(String electionId, String congressId, String unitId, ElectedBody body, String title, int seats,
                               boolean listApproved, List<String> ballotOrder, List<CandidateView> candidates,
                               List<String> electedCandidateIds, List<RoundSummary> rounds) {}

    /** A round's result line with the candidate's name (null once erased). */
    public record ResultLine(int rank, String candidateId, String fullName, int votes, String percentOfCollected, Outcome outcome) {}

    /** While open only the turnout is known (no interim results); after the count, everything. */
    public record RoundView(String electionId, int round, String status, int seats, List<String> candidateIds, int voters,
                            int summoned, int present, Integer participants, Integer issued, Integer spoiled, Integer notReturned,
                            Integer electronic, Integer paper, Integer collected, Integer valid, Integer invalid,
                            List<ResultLine> lines, List<String> tied, Integer tieSeats, Integer vacancies,
                            List<PublishedBallot> ballots, Instant openedAt, Instant closedAt, BoxView box) {}

    /**
     * ADR 0017: the round's ballot box — sealed once every holder took his key share; {@code openedBy}: whose shares
     * opened it; a void round's reason and decision.
     */
    public record BoxView(boolean sealed, String keyFingerprint, Integer sharesNeeded, List<String> shareHolders,
                          List<String> sharesTaken, List<String> openedBy, String voidReason, String voidDecision) {}
}
