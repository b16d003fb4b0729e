package vn.daihoi.election;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.common.Text;

/** a delegate who arrives after the roll of voters froze joins it by a recorded organiser decision. */
public record AddLateVoterCommand(@TargetAggregateIdentifier String electionId, int round, String delegateId,
                                  String decisionReference) {
    public AddLateVoterCommand {
        decisionReference = Text.clean(decisionReference);
    }
}
