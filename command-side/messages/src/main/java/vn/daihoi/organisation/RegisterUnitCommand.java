package vn.daihoi.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.common.Text;

import java.time.LocalDate;

/** Found a unit: {@code parentUnitId} is null only for a root (confederation or level-1 unit). */
public record RegisterUnitCommand(@TargetAggregateIdentifier String unitId, String code, String name, UnitKind kind,
                                  String parentUnitId, LocalDate effectiveOn, Decision decision) {
    public RegisterUnitCommand {
        code = Text.clean(code);
        name = Text.clean(name);
    }
}
