package vn.daihoi.organisation;

import vn.daihoi.common.Text;

import java.util.List;

/**
 * A unit that a merger or split brings into being. {@code takesChildUnitIds}: the children of the old
 * unit(s) that move under it (for a merger, every child moves to the merged unit, so the list stays empty).
 */
public record NewUnit(String unitId, String code, String name, UnitKind kind, String parentUnitId,
                      List<String> takesChildUnitIds) {
    public NewUnit {
        code = Text.clean(code);
        name = Text.clean(name);
        takesChildUnitIds = takesChildUnitIds == null ? List.of() : List.copyOf(takesChildUnitIds);
    }
}
