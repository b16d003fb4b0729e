package vn.daihoi.confidence;

import vn.daihoi.congress.Fraction;
import vn.daihoi.election.Percent;

import java.util.Collection;
import java.util.List;

/**
 * Counting one confidence round. Pure: the same ballots in any order give the same result, so anyone can
 * recount the published ballots. Every share is of the ballots collected, wholly invalid ones included, compared in
 * integers; percentages come from {@link Percent} once.
 */
public final class ConfidenceTally {
    private ConfidenceTally() {}

    /** A collected ballot: one line per listed official, or none when it is wholly invalid. */
    public record Ballot(List<RatingLine> lines, boolean wholeInvalid) {
        public static Ballot of(List<RatingLine> lines) {
            return new Ballot(List.copyOf(lines), false);
        }

        public static Ballot notIssued() {
            return new Ballot(List.of(), true);
        }
    }

    /**
     * @param listed    the officials rated, in list order
     * @param issued    ballots issued in the round
     * @param ballots   every ballot collected
     * @param review    R-64: share of low confidence that flags review when exceeded (&gt;)
     * @param dismissal R-64: share of low confidence that flags dismissal when reached (≥); dismissal includes review
     */
    public static ConfidenceResult count(List<String> listed, int issued, Collection<Ballot> ballots, Fraction review, Fraction dismissal) {
        int collected = ballots.size();
        int wholeInvalid = (int) ballots.stream().filter(Ballot::wholeInvalid).count();
        List<ConfidenceResult.Line> lines = listed.stream().map(id -> {
            int[] levels = new int[ConfidenceLevel.values().length];
            for (Ballot b : ballots) {
                for (RatingLine l : b.lines()) {
                    if (l.candidateId().equals(id) && l.valid()) levels[l.level().ordinal()]++;
                }
            }
            int high = levels[ConfidenceLevel.HIGH.ordinal()];
            int confidence = levels[ConfidenceLevel.CONFIDENCE.ordinal()];
            int low = levels[ConfidenceLevel.LOW.ordinal()];
            int valid = high + confidence + low;
            boolean dismiss = collected > 0 && dismissal.reachedBy(low, collected);
            boolean flagReview = dismiss || review.exceededBy(low, collected);
            return new ConfidenceResult.Line(id, valid, collected - valid, high, confidence, low,
                    Percent.of(high, collected), Percent.of(confidence, collected), Percent.of(low, collected), flagReview, dismiss);
        }).toList();
        return new ConfidenceResult(issued, collected, wholeInvalid, lines);
    }
}
