package vn.daihoi.term;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What the term commands must know across leaderships: which ones a unit has, and a congress's unit and term. */
public interface TermDirectory {

    /** The unit's leadership elected (or imported) for the term starting that year; provisional committees aside. */
    Optional<String> leadershipFor(String unitId, int termStartYear);

    /** Every leadership of the unit, provisional ones included. */
    List<Entry> ofUnit(String unitId);

    /** The congress's unit, term start and ordinal, from the congress directory. */
    Optional<CongressEntry> congress(String congressId);

    record Entry(String leadershipId, int termStartYear, boolean provisional, LocalDate startedOn) {}

    record CongressEntry(String unitId, int termStartYear, int ordinal) {}
}
