package vn.daihoi.congress;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.common.Text;

import java.util.List;

/**
 * a decision by show of hands with its counts. {@code personIds}: the members of the elected body,
 * or the candidates of an approved list; {@code seats}: for the committee's size.
 */
public record RecordShowOfHandsDecisionCommand(@TargetAggregateIdentifier String congressId, String decisionId,
                                               DecisionSubject subject, String title, List<String> personIds,
                                               Integer seats, int votesFor, int votesAgainst, int abstentions) {
    public RecordShowOfHandsDecisionCommand {
        title = Text.clean(title);
        personIds = personIds == null ? List.of() : List.copyOf(personIds);
    }
}
