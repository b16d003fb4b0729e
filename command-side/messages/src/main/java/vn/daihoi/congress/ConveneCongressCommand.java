package vn.daihoi.congress;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.common.Text;
import vn.daihoi.organisation.Decision;

import java.time.LocalDate;

/** the outgoing committee convenes the congress. */
public record ConveneCongressCommand(@TargetAggregateIdentifier String congressId, String unitId, int ordinal, Term term,
                                     CongressKind kind, boolean pilot, String pilotChosenByUnitId, LocalDate date,
                                     String venue, int announcedSeats, String profileId, TermShift termShift,
                                     Decision decision) {
    public ConveneCongressCommand {
        venue = Text.clean(venue);
    }
}
