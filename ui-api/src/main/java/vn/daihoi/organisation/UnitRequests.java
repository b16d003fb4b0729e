package vn.daihoi.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the unit endpoints; shape checks here, rules in the aggregate. */
final class UnitRequests {
    private UnitRequests() {}

    record Register(String unitId, @NotBlank String code, @NotBlank String name, @NotNull UnitKind kind,
                    String parentUnitId, String parentCode, @NotNull LocalDate effectiveOn,
                    @NotNull @Valid DecisionBody decision) {}

    record Rename(@NotBlank String name, @NotNull LocalDate effectiveOn, @NotNull @Valid DecisionBody decision) {}

    record Move(String newParentUnitId, String newParentCode, @NotNull LocalDate effectiveOn,
                @NotNull @Valid DecisionBody decision) {}

    record Dissolve(@NotNull LocalDate effectiveOn, @NotNull @Valid DecisionBody decision) {}

    record NewUnitBody(String unitId, @NotBlank String code, @NotBlank String name, @NotNull UnitKind kind,
                       String parentUnitId, List<String> takesChildUnitIds) {}

    record Merge(@NotEmpty List<@NotBlank String> sourceUnitIds, String intoUnitId, @Valid NewUnitBody newUnit,
                 @NotNull LocalDate effectiveOn, @NotNull @Valid DecisionBody decision) {}

    record Split(@NotEmpty List<@Valid NewUnitBody> into, boolean sourceContinues, @NotNull LocalDate effectiveOn,
                 @NotNull @Valid DecisionBody decision) {}
}
