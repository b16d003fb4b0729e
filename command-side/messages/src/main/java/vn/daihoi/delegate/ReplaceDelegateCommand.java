package vn.daihoi.delegate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.common.Text;

/** the organisers' recorded decision that an alternate takes a delegate's seat. */
public record ReplaceDelegateCommand(@TargetAggregateIdentifier String congressId, String delegateId, String alternateId,
                                     String reason) {
    public ReplaceDelegateCommand {
        reason = Text.clean(reason);
    }
}
