package vn.daihoi.delegate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.common.Text;

/** summon a person by name (by id, that is) to a congress, under a roll code unique in that congress. */
public record AddDelegateCommand(@TargetAggregateIdentifier String congressId, String delegateId, String personId,
                                 String code, DelegateCategory category, DelegateBasis basis, String position) {
    public AddDelegateCommand {
        code = Text.clean(code);
        position = Text.clean(position);
    }
}
