package vn.daihoi.election;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.common.Text;

/** the presidium's recorded decision on a candidate's request to withdraw. */
public record DecideWithdrawalCommand(@TargetAggregateIdentifier String electionId, String candidateId, boolean granted,
                                      String decisionReference) {
    public DecideWithdrawalCommand {
        decisionReference = Text.clean(decisionReference);
    }
}
