package vn.daihoi.congress;

import org.axonframework.serialization.Revision;
import vn.daihoi.organisation.Decision;

import java.time.LocalDate;

/**
 * Carries the whole rule profile: the congress counts by the rules of its day, whatever the catalogue says later.
 * Revision 2 added, for committee meetings (ADR 0009), {@code purpose}, {@code ofCongressId} (the congress that
 * elected the committee) and {@code convenerPersonId} (R-41: the member the presidium named to convene the first
 * meeting). Revision 1 events lack them and read as null: a congress, as before. A meeting's {@code ordinal} and
 * {@code announcedSeats} are 0.
 */
@Revision("2")
public record CongressConvened(String congressId, String unitId, int ordinal, Term term, CongressKind kind,
                               boolean pilot, String pilotChosenByUnitId, LocalDate date, String venue,
                               int announcedSeats, RuleProfile profile, TermShift termShift, Decision decision,
                               MeetingPurpose purpose, String ofCongressId, String convenerPersonId)
        implements CongressEvent {

    /** The shape of revision 1: a congress, not a meeting. */
    public CongressConvened(String congressId, String unitId, int ordinal, Term term, CongressKind kind, boolean pilot,
                            String pilotChosenByUnitId, LocalDate date, String venue, int announcedSeats,
                            RuleProfile profile, TermShift termShift, Decision decision) {
        this(congressId, unitId, ordinal, term, kind, pilot, pilotChosenByUnitId, date, venue, announcedSeats, profile,
                termShift, decision, null, null, null);
    }
}
