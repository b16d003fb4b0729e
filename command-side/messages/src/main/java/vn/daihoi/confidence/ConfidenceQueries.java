package vn.daihoi.confidence;

import java.util.List;

/** What the read side answers about confidence votes. */
public final class ConfidenceQueries {
    private ConfidenceQueries() {}

    /** The counted result of a confidence round; empty while the round is open (no interim results). */
    public record ResultsOf(String electionId, int round) {}

    /**
     * R-63 for one listed person: ballots issued and collected in the round, his valid and invalid lines (wholly
     * invalid ballots included), each level's count and percentage of the ballots collected; R-64 flags.
     * {@code fullName} is null once the person's data has been erased.
     */
    public record PersonResult(int position, String candidateId, String personId, String fullName, String office,
                               int issued, int collected, int valid, int invalid, int high, int confidence, int low,
                               String percentHigh, String percentConfidence, String percentLow,
                               boolean flaggedForReview, boolean flaggedForDismissal) {}

    public record Results(String electionId, int round, int issued, int collected, int wholeInvalid, List<PersonResult> people) {}

    /**
     * the people flagged for review, in list order — those flagged for dismissal included, since dismissal
     * includes review. The one rule for every list the minutes, pages and exports show.
     */
    public static List<PersonResult> flaggedForReview(List<PersonResult> people) {
        return people.stream().filter(p -> p.flaggedForReview() || p.flaggedForDismissal()).toList();
    }

    /** the people flagged for dismissal, in list order. */
    public static List<PersonResult> flaggedForDismissal(List<PersonResult> people) {
        return people.stream().filter(PersonResult::flaggedForDismissal).toList();
    }
}
