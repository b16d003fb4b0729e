package vn.daihoi.congress;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.common.Text;

import java.time.LocalDate;

public record RescheduleCongressCommand(@TargetAggregateIdentifier String congressId, LocalDate date, String venue,
                                        String reason) {
    public RescheduleCongressCommand {
        venue = Text.clean(venue);
        reason = Text.clean(reason);
    }
}
