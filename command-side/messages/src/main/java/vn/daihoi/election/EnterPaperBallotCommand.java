package vn.daihoi.election;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.common.Text;

import java.util.List;

/**
 * a counting-committee member enters paper ballot number {@code sheet}: the names it keeps, or the
 * reason it is invalid. With double entry, two members enter every sheet; a member corrects his own entry by
 * entering the sheet again with {@code correctionReason}, never by deleting.
 */
public record EnterPaperBallotCommand(@TargetAggregateIdentifier String electionId, int round, int sheet, String enteredBy,
                                      List<String> keptCandidateIds, InvalidReason invalid, String correctionReason) {
    public EnterPaperBallotCommand {
        keptCandidateIds = keptCandidateIds == null ? List.of() : List.copyOf(keptCandidateIds);
        correctionReason = Text.clean(correctionReason);
    }
}
