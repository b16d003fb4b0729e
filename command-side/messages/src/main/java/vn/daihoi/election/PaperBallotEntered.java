package vn.daihoi.election;

import org.axonframework.serialization.Revision;
import vn.daihoi.confidence.RatingLine;

/** {@code ratings}: the lines of a confidence ballot, in list order; null for election ballots and older events. */
@Revision("1")
public record PaperBallotEntered(String electionId, int round, int sheet, String enteredBy, java.util.List<String> keptCandidateIds,
                                 InvalidReason invalid, String correctionReason, java.util.List<RatingLine> ratings) implements ElectionEvent {

    public PaperBallotEntered(String electionId, int round, int sheet, String enteredBy, java.util.List<String> keptCandidateIds,
                              InvalidReason invalid, String correctionReason) {
        this(electionId, round, sheet, enteredBy, keptCandidateIds, invalid, correctionReason, null);
    }
}
