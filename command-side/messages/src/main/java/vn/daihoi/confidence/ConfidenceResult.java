package vn.daihoi.confidence;

import java.util.List;

/**
 * The count of one confidence round, per listed official in list order. Every share is of the
 * ballots collected, wholly invalid ones included; percentages are computed once ({@code Percent}) and copied
 * everywhere.
 *
 * @param issued        ballots issued in the round (R-29 accounting)
 * @param collected     ballots collected
 * @param wholeInvalid  ballots invalid as a whole (R-62: not issued by the counting committee)
 */
public record ConfidenceResult(int issued, int collected, int wholeInvalid, List<Line> lines) {

    public ConfidenceResult {
        lines = List.copyOf(lines);
    }

    /**
     * @param invalid lines that do not count for this person, wholly invalid ballots included
     * @param review  R-64: more than the profile's share of ballots collected rate him low
     * @param dismissal R-64: at least the profile's dismissal share rate him low (implies review)
     */
    public record Line(String candidateId, int valid, int invalid, int high, int confidence, int low,
                       String percentHigh, String percentConfidence, String percentLow, boolean review, boolean dismissal) {}
}
