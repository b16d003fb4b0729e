package vn.daihoi.congress;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.common.Text;

public record CancelCongressCommand(@TargetAggregateIdentifier String congressId, String reason) {
    public CancelCongressCommand {
        reason = Text.clean(reason);
    }
}
