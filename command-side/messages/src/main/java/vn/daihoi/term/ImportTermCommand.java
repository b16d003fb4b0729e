package vn.daihoi.term;

import vn.daihoi.congress.Term;
import vn.daihoi.congress.TermShift;
import vn.daihoi.organisation.Decision;

import java.time.LocalDate;
import java.util.List;

/** Record a past term from its decisions. */
public record ImportTermCommand(String leadershipId, String unitId, Term term, int congressOrdinal, LocalDate congressDate,
                                int seats, TermShift termShift, LocalDate recognisedOn, Decision recognition,
                                List<PastHolding> holdings, String importedByUnitId) {

    /** One past office; {@code from} defaults to the recognition date, {@code to} open unless ended. */
    public record PastHolding(String personId, Office office, LocalDate from, Decision startDecision, LocalDate to,
                              HoldingEnd ended, Decision endDecision) {}
}
