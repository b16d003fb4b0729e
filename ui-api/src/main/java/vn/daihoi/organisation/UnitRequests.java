package vn.daihoi.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.infra.edge.Line;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the unit endpoints (the console's forms build the same records); shape checks here, rules in the aggregate. */
public final class UnitRequests {
    private UnitRequests() {}

    public record Register(@Line(max = Limits.ID) String unitId, @NotBlank @Line(max = Limits.CODE) String code, @NotBlank @Line(max = Limits.NAME) String name, @NotNull UnitKind kind,
                    @Line(max = Limits.ID) String parentUnitId, @Line(max = Limits.CODE) String parentCode, @NotNull LocalDate effectiveOn,
                    @NotNull @Valid DecisionBody decision) {}

    public record Rename(@NotBlank @Line(max = Limits.NAME) String name, @NotNull LocalDate effectiveOn, @NotNull @Valid DecisionBody decision) {}

    public record Move(@Line(max = Limits.ID) String newParentUnitId, @Line(max = Limits.CODE) String newParentCode, @NotNull LocalDate effectiveOn,
                @NotNull @Valid DecisionBody decision) {}

    public record Dissolve(@NotNull LocalDate effectiveOn, @NotNull @Valid DecisionBody decision) {}

    public record NewUnitBody(@Line(max = Limits.ID) String unitId, @NotBlank @Line(max = Limits.CODE) String code, @NotBlank @Line(max = Limits.NAME) String name, @NotNull UnitKind kind,
                       @Line(max = Limits.ID) String parentUnitId, @Size(max = Limits.ITEMS) List<@NotBlank @Line(max = Limits.ID) String> takesChildUnitIds) {}

    public record Merge(@NotEmpty @Size(max = Limits.ITEMS) List<@NotBlank @Line(max = Limits.ID) String> sourceUnitIds, @Line(max = Limits.ID) String intoUnitId, @Valid NewUnitBody newUnit,
                 @NotNull LocalDate effectiveOn, @NotNull @Valid DecisionBody decision) {}

    public record Split(@NotEmpty @Size(max = Limits.ITEMS) List<@NotNull @Valid NewUnitBody> into, boolean sourceContinues, @NotNull LocalDate effectiveOn,
                 @NotNull @Valid DecisionBody decision) {}
}
