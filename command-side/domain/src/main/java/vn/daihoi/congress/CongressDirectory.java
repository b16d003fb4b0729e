package vn.daihoi.congress;

import java.util.Optional;

/**
 * What convening must know of a unit's other congresses; kept in the convening transaction. Committee meetings
 * are not congresses here (ADR 0009): they take no ordinal and do not hold the unit's one open congress of a term.
 */
public interface CongressDirectory {

    /** the open (convened or in session) congress of a unit for a term, if any. */
    Optional<String> openCongress(String unitId, int termStartYear);

    /** congress ordinals continue per unit; one congress per ordinal, cancelled ones aside. */
    boolean ordinalTaken(String unitId, int ordinal);

    /** a congress (never a meeting) by id, as a first meeting refers to the congress that elected the committee. */
    Optional<Known> find(String congressId);

    record Known(String congressId, String unitId, int termStartYear, boolean cancelled) {}
}
