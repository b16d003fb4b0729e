package vn.daihoi.congress;

import org.axonframework.serialization.Revision;
import vn.daihoi.organisation.Decision;

import java.time.LocalDate;

/** Carries the whole rule profile: the congress counts by the rules of its day, whatever the catalogue says later. */
@Revision("1")
public record CongressConvened(String congressId, String unitId, int ordinal, Term term, CongressKind kind,
                               boolean pilot, String pilotChosenByUnitId, LocalDate date, String venue,
                               int announcedSeats, RuleProfile profile, TermShift termShift, Decision decision)
        implements CongressEvent {
}
