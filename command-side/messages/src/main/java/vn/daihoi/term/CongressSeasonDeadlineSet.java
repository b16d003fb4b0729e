package vn.daihoi.term;

import org.axonframework.serialization.Revision;
import vn.daihoi.organisation.Decision;

import java.time.LocalDate;

/** A federation's deadlines for its units' congresses of a term: held by {@code congressBy}, recognised by {@code recognitionBy}. */
@Revision("1")
public record CongressSeasonDeadlineSet(String seasonId, String federationUnitId, int termStartYear, LocalDate congressBy,
                                        LocalDate recognitionBy, Decision decision) {
}
