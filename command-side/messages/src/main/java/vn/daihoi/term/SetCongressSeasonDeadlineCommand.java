package vn.daihoi.term;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.organisation.Decision;

import java.time.LocalDate;

/** A federation sets (or moves) its deadlines for the congresses of a term under it. */
public record SetCongressSeasonDeadlineCommand(@TargetAggregateIdentifier String seasonId, String federationUnitId,
                                               int termStartYear, LocalDate congressBy, LocalDate recognitionBy,
                                               Decision decision) {
    public static String idOf(String federationUnitId, int termStartYear) {
        return "season:" + federationUnitId + ":" + termStartYear;
    }
}
