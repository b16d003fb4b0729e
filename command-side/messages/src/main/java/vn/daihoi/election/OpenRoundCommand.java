package vn.daihoi.election;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.common.Text;

import java.time.Instant;
import java.util.List;

/**
 * Open ballot round {@code round}. Round 1 puts the approved list to the vote for every seat;
 * a later round names its candidates (the tied, or the remaining) and seats, by the congress's recorded decision.
 * {@code openedAt} is the business time the round opens (ADR 0022): the API gives the time it receives the command,
 * a seed or an import of a past congress the time the congress day's record states; never the time of printing.
 */
public record OpenRoundCommand(@TargetAggregateIdentifier String electionId, int round, List<String> candidateIds,
                               Integer seats, String decisionReference, Instant openedAt) {
    public OpenRoundCommand {
        candidateIds = candidateIds == null ? List.of() : List.copyOf(candidateIds);
        decisionReference = Text.clean(decisionReference);
    }
}
