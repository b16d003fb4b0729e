package vn.daihoi.delegate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.common.Text;

import java.util.List;

/** the credentials committee's report; a delegate whose credentials are rejected loses the vote. */
public record RecordCredentialsReportCommand(@TargetAggregateIdentifier String congressId, List<Rejection> rejected,
                                             String notes) {
    public RecordCredentialsReportCommand {
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
        notes = Text.clean(notes);
    }

    public record Rejection(String delegateId, String reason) {}
}
