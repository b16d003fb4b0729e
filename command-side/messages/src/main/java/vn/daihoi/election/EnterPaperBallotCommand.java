package vn.daihoi.election;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.common.Text;
import vn.daihoi.confidence.RatingLine;

import java.util.List;

/**
 * a counting-committee member enters paper ballot number {@code sheet}: the names it keeps, or the
 * reason it is invalid. With double entry, two members enter every sheet; a member corrects his own entry by
 * entering the sheet again with {@code correctionReason}, never by deleting. In a confidence round the
 * entry gives one {@code ratings} line per listed official (a level, or why the line is invalid), or the reason
 * the whole ballot is invalid. {@code enteredBy}: the member's account; {@code memberPersonId}: the person it is
 * linked to, who must be named in the congress's counting-committee decision.
 */
public record EnterPaperBallotCommand(@TargetAggregateIdentifier String electionId, int round, int sheet, String enteredBy,
                                      String memberPersonId, List<String> keptCandidateIds, InvalidReason invalid,
                                      String correctionReason, List<RatingLine> ratings) {
    public EnterPaperBallotCommand {
        keptCandidateIds = keptCandidateIds == null ? List.of() : List.copyOf(keptCandidateIds);
        correctionReason = Text.clean(correctionReason);
        ratings = ratings == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(ratings));
    }

    public EnterPaperBallotCommand(String electionId, int round, int sheet, String enteredBy, String memberPersonId,
                                   List<String> keptCandidateIds, InvalidReason invalid, String correctionReason) {
        this(electionId, round, sheet, enteredBy, memberPersonId, keptCandidateIds, invalid, correctionReason, null);
    }
}
