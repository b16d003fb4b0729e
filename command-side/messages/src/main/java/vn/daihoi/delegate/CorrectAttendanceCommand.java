package vn.daihoi.delegate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.common.Text;

/** A wrong check-in or check-out is corrected by a recorded correction with its reason, never deleted. */
public record CorrectAttendanceCommand(@TargetAggregateIdentifier String congressId, String delegateId, boolean present,
                                       String reason) {
    public CorrectAttendanceCommand {
        reason = Text.clean(reason);
    }
}
