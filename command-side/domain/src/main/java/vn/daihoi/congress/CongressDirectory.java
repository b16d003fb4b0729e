package vn.daihoi.congress;

import java.util.Optional;

/** What convening must know of a unit's other congresses; kept in the convening transaction. */
public interface CongressDirectory {

    /** the open (convened or in session) congress of a unit for a term, if any. */
    Optional<String> openCongress(String unitId, int termStartYear);

    /** congress ordinals continue per unit; one congress per ordinal, cancelled ones aside. */
    boolean ordinalTaken(String unitId, int ordinal);
}
