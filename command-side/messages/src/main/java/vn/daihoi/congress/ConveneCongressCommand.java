package vn.daihoi.congress;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.common.Text;
import vn.daihoi.organisation.Decision;

import java.time.LocalDate;

/**
 * the outgoing committee convenes the congress. With {@code kind} COMMITTEE_MEETING it convenes a meeting
 * of the committee instead (ADR 0009): {@code purpose} says why; a first meeting names the congress that
 * elected the committee ({@code ofCongressId}) and the member the presidium named to convene it
 * ({@code convenerPersonId}); {@code ordinal} and {@code announcedSeats} do not apply and are 0.
 */
public record ConveneCongressCommand(@TargetAggregateIdentifier String congressId, String unitId, int ordinal, Term term,
                                     CongressKind kind, boolean pilot, String pilotChosenByUnitId, LocalDate date,
                                     String venue, int announcedSeats, String profileId, TermShift termShift,
                                     Decision decision, MeetingPurpose purpose, String ofCongressId,
                                     String convenerPersonId) {
    public ConveneCongressCommand {
        venue = Text.clean(venue);
    }

    /** A congress (not a meeting). */
    public ConveneCongressCommand(String congressId, String unitId, int ordinal, Term term, CongressKind kind,
                                  boolean pilot, String pilotChosenByUnitId, LocalDate date, String venue,
                                  int announcedSeats, String profileId, TermShift termShift, Decision decision) {
        this(congressId, unitId, ordinal, term, kind, pilot, pilotChosenByUnitId, date, venue, announcedSeats, profileId,
                termShift, decision, null, null, null);
    }
}
