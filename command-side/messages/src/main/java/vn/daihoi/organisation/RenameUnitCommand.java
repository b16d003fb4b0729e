package vn.daihoi.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.common.Text;

import java.time.LocalDate;

public record RenameUnitCommand(@TargetAggregateIdentifier String unitId, String name, LocalDate effectiveOn,
                                Decision decision) {
    public RenameUnitCommand {
        name = Text.clean(name);
    }
}
