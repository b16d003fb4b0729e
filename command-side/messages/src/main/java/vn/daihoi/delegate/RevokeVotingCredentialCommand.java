package vn.daihoi.delegate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.common.Text;

public record RevokeVotingCredentialCommand(@TargetAggregateIdentifier String congressId, String delegateId,
                                            String reason) {
    public RevokeVotingCredentialCommand {
        reason = Text.clean(reason);
    }
}
