package vn.daihoi.organisation;

import java.time.LocalDate;

/** Every fact about a unit; stored forever, so shapes only grow through {@code @Revision} and upcasters. */
public sealed interface UnitEvent
        permits UnitRegistered, UnitRenamed, UnitMoved, UnitMerged, UnitsMergedIn, UnitSplit, UnitDissolved {
    String unitId();

    LocalDate effectiveOn();

    Decision decision();
}
